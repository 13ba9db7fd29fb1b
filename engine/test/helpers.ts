/** Small helpers shared by the engine's tests. */
import type { EventRecord } from '../events.ts';
import { parseScript } from '../scenario/parse.ts';
import { runScript, type ScriptResult } from '../scenario/run.ts';
import { logEntries } from '../raft/log.ts';
import type { ClusterState } from '../sim/cluster.ts';
import type { Membership } from '../types.ts';
import { membership } from '../raft/configs.ts';

export interface TextRun extends ScriptResult {
  readonly records: EventRecord[];
  readonly cluster: ClusterState;
}

/** Parse and run a script; throws on a parse error so a typo in a test cannot pass silently. */
export function runText(text: string): TextRun {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(`parse error: ${JSON.stringify(parsed.errors)}`);
  const records: EventRecord[] = [];
  const r = runScript(parsed.script, (x) => records.push(x));
  return { ...r, records, cluster: r.session.cluster! };
}

export const terms = (s: ClusterState, id: string): number[] => logEntries(s.nodes[id].persistent.log).map((e) => e.term);

/** Deep-freeze a value so any mutation by the code under test throws. */
export function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/** The voter configuration of a cluster n1 .. n`size`, every member a voter (as the simulator builds it). */
export const votersOf = (size: number): Membership => membership(Array.from({ length: size }, (_, i) => `n${i + 1}`));
