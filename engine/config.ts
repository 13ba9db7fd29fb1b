/**
 * Default cluster parameters and the limits every input is held to.
 * The defaults are RaftScope's (the visualizer on the Raft website): election
 * timeout 100-200 ms, heartbeat 50 ms, latency 10-15 ms, five servers.
 */
import type { ClusterConfig } from './types.ts';

export const DEFAULT_CONFIG: ClusterConfig = {
  nodes: 5,
  seed: 1,
  election: { min: 100, max: 200 },
  heartbeat: 50,
  latency: { min: 10, max: 15 },
  raft: { probe: 'fast', noop: true, batch: 64, prevote: false, checkquorum: false, reads: 'log', snapshot: null, unsafe: [] },
  clients: 0,
  clientTimeout: 200,
  members: null,
};

export const LIMITS = {
  minNodes: 1,
  maxNodes: 9,
  /** The largest `snapshot=` threshold (entries applied between snapshots). */
  maxSnapshotEvery: 1_000_000,
  /** The longest a single `run` may advance the clock: one simulated hour. */
  maxRunMs: 3_600_000,
  /** The most events one `step` may process. */
  maxStep: 1_000_000,
  /** The most deliveries one `stabilize` makes before giving up on a network that never settles. */
  maxStabilize: 1_000_000,
  /**
   * What one whole script (a file, the editor's text, a link) may ask for, so
   * any script the parser accepts does a bounded amount of work: at most this
   * many commands, ...
   */
  maxCommands: 100_000,
  /** ... its `run` lines together advancing the clock at most one simulated day, ... */
  maxScriptRunMs: 86_400_000,
  /** ... and its `step` and `stabilize` lines together processing at most this many events (a bare `stabilize` counts as `maxStabilize`). */
  maxScriptEvents: 100_000_000,
  /** Timer and latency bounds, in ms. */
  maxDurationMs: 600_000,
  maxBatch: 10_000,
  maxValueLength: 1_000,
  /** A tour caption (`say`) is a paragraph, not a chapter. */
  maxCaptionLength: 2_000,
  maxSeed: 0xffffffff,
  maxClients: 9,
  /** The most operations one `workload` line schedules. */
  maxWorkloadOps: 100_000,
  /** The most keys a `workload` spreads over. */
  maxWorkloadKeys: 100,
  /** A key of the key-value store is a short word. */
  maxKeyLength: 64,
} as const;
