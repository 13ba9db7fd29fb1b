/**
 * A run whose logs hold 10,000 client entries (10,001 with the leader's no-op)
 * on every node, as a Share link: what the long-log spec and the benchmark open.
 *
 * One batch of up to 10,000 entries per AppendEntries, so the followers catch
 * up in a few round trips, and the script checks its own end (`expect commit`),
 * so `npm run scenario` on the same text says whether the run is what the specs
 * assume, and the page would say so too.
 */
import { parseScript } from '../engine/scenario/parse.ts';
import { runScript } from '../engine/scenario/run.ts';
import { encodeShare } from '../app/share/shareCodec.ts';

export const LONG_LOG_ENTRIES = 10_000;
/** The client entries and the leader's no-op at index 1. */
export const LONG_LOG_LENGTH = LONG_LOG_ENTRIES + 1;
export const LONG_LOG_NODES = ['n1', 'n2', 'n3'] as const;

export function longLogScript(): string {
  const lines = [`cluster nodes=3 seed=1 batch=${LONG_LOG_ENTRIES}`, 'run 400ms'];
  for (let i = 1; i <= LONG_LOG_ENTRIES; i++) lines.push(`propose leader v${i}`);
  lines.push('run 300ms');
  for (const id of LONG_LOG_NODES) lines.push(`expect commit ${id} ${LONG_LOG_LENGTH}`);
  lines.push('expect safe');
  return lines.join('\n');
}

/**
 * The `#v1.` fragment of the run, opened at its end. The cursor comes from the
 * engine itself, run here in Node: it is the engine the page's worker runs, so
 * the page replays to the same moment and shows no "the simulator has changed"
 * notice.
 */
export function longLogLink(): string {
  const script = longLogScript();
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(`long-log script: ${parsed.errors[0].message}`);
  const { session, failure } = runScript(parsed.script);
  if (failure !== null) throw new Error(`long-log script: ${failure.command}: expected ${failure.expected}, got ${failure.actual}`);
  const end = session.cluster!;
  const encoded = encodeShare({ script, cursor: { time: end.time, event: end.event } });
  if (!encoded.ok) throw new Error(`long-log link: ${encoded.error.kind}`);
  return `#${encoded.fragment}`;
}
