/** The file each export the worker writes is downloaded as: its name and media type. */
import type { ExportFormat } from '../worker/protocol.ts';

export const EXPORT_FILES: Readonly<Record<ExportFormat, { readonly name: string; readonly type: string }>> = {
  shiviz: { name: 'raftviz-shiviz.log', type: 'text/plain' },
  trace: { name: 'raftviz-trace.json', type: 'application/json' },
  // Jepsen's histories are EDN; `application/edn` is the type the EDN community uses for it.
  'history-edn': { name: 'raftviz-history.edn', type: 'application/edn' },
  'history-json': { name: 'raftviz-history.json', type: 'application/json' },
};
