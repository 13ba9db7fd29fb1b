/**
 * Export: the run as files other tools open. The scenario (.txt, for `npm run
 * scenario` and the script editor), pictures of the cluster and the logs with
 * their legends (SVG for slides and papers, PNG for anything), and, made by the
 * worker from the run's script, a ShiViz log and a JSON trace, and, when the
 * run has clients, their history (Jepsen's EDN, or JSON with the verdict).
 */
import { isPlainClick } from '../controls/useDropdown.ts';
import { Dropdown } from '../controls/Dropdown.tsx';
import './export.css';
import { exportFromRun, exportImage, exportScript, type ImageFormat, type Picture } from './exportActions.ts';
import type { Session } from '../session/session.ts';
import { useSession } from '../session/useSession.ts';
import { useAppStore } from '../store/useAppStore.ts';
import type { Store } from '../store/store.ts';

interface Item {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly run: (session: Session) => void;
}

const picture = (p: Picture, f: ImageFormat, label: string): Item => ({
  id: `export-${p}-${f}`,
  label,
  hint: f === 'svg' ? 'a vector image, with its legend' : 'a picture at twice the screen size, with its legend',
  run: (session) => void exportImage(session, p, f),
});

const ITEMS: readonly Item[] = [
  { id: 'export-txt', label: 'Scenario (.txt)', hint: 'the script: it replays exactly, here or in npm run scenario', run: exportScript },
  picture('cluster', 'svg', 'Cluster view (SVG)'),
  picture('cluster', 'png', 'Cluster view (PNG)'),
  picture('logs', 'svg', 'Logs (SVG)'),
  picture('logs', 'png', 'Logs (PNG)'),
  { id: 'export-shiviz', label: 'ShiViz log', hint: 'every event with its vector clock, for the ShiViz space-time diagram', run: (session) => exportFromRun(session, 'shiviz') },
  { id: 'export-trace', label: 'JSON trace', hint: 'every event record with its time (versioned schema)', run: (session) => exportFromRun(session, 'trace') },
];

/** Only a run with clients has a client history to save. */
const HISTORY_ITEMS: readonly Item[] = [
  { id: 'export-history-edn', label: 'History (EDN)', hint: 'the client operations as a Jepsen history, for Knossos or Elle', run: (session) => exportFromRun(session, 'history-edn') },
  { id: 'export-history-json', label: 'History (JSON)', hint: 'the client operations and whether they are linearizable', run: (session) => exportFromRun(session, 'history-json') },
];

const selectHasClients = (s: Store) => s.config.clients > 0;

export function ExportMenu() {
  const session = useSession();
  const items = useAppStore(selectHasClients) ? [...ITEMS, ...HISTORY_ITEMS] : ITEMS;
  return (
    <Dropdown testId="export-menu" label="Export" title="Save the run, pictures of it, or traces for other tools">
      {(close) =>
        items.map((item) => (
          <li key={item.id}>
            <button
              className="dropdown-item"
              data-testid={item.id}
              onClick={(e) => {
                if (!isPlainClick(e)) return;
                close();
                item.run(session);
              }}
            >
              <span className="dropdown-title">{item.label}</span>
              <span className="dropdown-description">{item.hint}</span>
            </button>
          </li>
        ))
      }
    </Dropdown>
  );
}
