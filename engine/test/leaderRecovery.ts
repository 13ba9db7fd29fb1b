/**
 * How long a cluster goes without a leader after its leader crashes: the measure
 * behind PreVote's cost (thesis §9.6). Deterministic, like every run.
 */
import { DEFAULT_CONFIG } from '../config.ts';
import type { EventRecord } from '../events.ts';
import { createCluster, currentLeader } from '../sim/cluster.ts';
import { boot, crash, ignore, processNext, runFor } from '../sim/simulator.ts';
import type { ClusterConfig } from '../types.ts';

export interface Recovery {
  readonly seed: number;
  /** Simulated ms from the crash to the next `becameLeader`. */
  readonly ms: number;
}

/**
 * Run a default cluster of `nodes` for `crashAt` ms, crash whoever leads then,
 * and measure until another node becomes leader (at most `limit` ms later).
 */
export function leaderRecovery(seed: number, prevote: boolean, { nodes = 5, crashAt = 1000, limit = 60_000 } = {}): Recovery {
  const config: ClusterConfig = { ...DEFAULT_CONFIG, nodes, seed, raft: { ...DEFAULT_CONFIG.raft, prevote } };
  const s = createCluster(config);
  let elected: number | null = null;
  const emit = (r: EventRecord): void => {
    if (r.type === 'becameLeader' && elected === null) elected = r.time;
  };
  boot(s, ignore);
  runFor(s, crashAt, ignore);
  const leader = currentLeader(s);
  if (leader === null) throw new Error(`seed ${seed}: no leader at ${s.time} ms`);
  const t0 = s.time;
  crash(s, leader, emit);
  while (elected === null && s.time - t0 < limit && processNext(s, emit)) {
    /* run to the next leader */
  }
  if (elected === null) throw new Error(`seed ${seed}: no new leader within ${limit} ms of the crash`);
  return { seed, ms: (elected as number) - t0 };
}
