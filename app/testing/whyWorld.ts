/**
 * Small worlds for the hover-explanation tests (app/explain/why*.test.ts): logs
 * written as terms (or [term, value]), every node a follower of its last term
 * unless told otherwise, and the default cluster options.
 */
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import type { Flight, LogView, NodeId, RaftOptions, Snapshot as RaftSnapshot, StateMachine } from '../../engine/types.ts';
import type { LogEntry } from '../../engine/types.ts';
import { lastIndex, lastTerm } from '../../engine/raft/log.ts';
import type { MessageView, NodeView, ViolationView } from '../worker/viewModel.ts';
import type { WhyWorld } from '../explain/whyWorld.ts';

type Cell = number | readonly [number, string | null];

export interface WorldSpec {
  readonly logs: Readonly<Record<NodeId, readonly Cell[]>>;
  readonly nodes?: Readonly<Record<NodeId, Partial<NodeView>>>;
  readonly leader?: NodeId | null;
  readonly messages?: readonly MessageView[];
  readonly cuts?: readonly string[];
  readonly raft?: Partial<RaftOptions>;
  readonly violations?: readonly ViolationView[];
  /** Where a node's log starts (§7): its snapshot's last index and term; `logs` then lists the entries after it. */
  readonly starts?: Readonly<Record<NodeId, readonly [number, number]>>;
  readonly snapshots?: Readonly<Record<NodeId, RaftSnapshot | null>>;
  readonly machines?: Readonly<Record<NodeId, StateMachine | null>>;
}

function entry(c: Cell, index: number): LogEntry {
  if (typeof c === 'number') return { term: c, kind: 'raw', value: `v${index}` };
  return c[1] === null ? { term: c[0], kind: 'noop' } : { term: c[0], kind: 'raw', value: c[1] };
}

export function whyWorld(spec: WorldSpec): WhyWorld {
  const ids = Object.keys(spec.logs);
  const logs: Record<NodeId, LogView> = {};
  const nodes: Record<NodeId, NodeView> = {};
  for (const id of ids) {
    const [start, startTerm] = spec.starts?.[id] ?? [0, 0];
    const log: LogView = { start, startTerm, entries: spec.logs[id].map((c, i) => entry(c, start + i + 1)) };
    logs[id] = log;
    nodes[id] = {
      id,
      up: true,
      role: 'follower',
      term: lastTerm(log),
      votedFor: null,
      commitIndex: 0,
      leader: null,
      logLength: lastIndex(log),
      pre: false,
      leaderHeardAt: null,
      votes: null,
      progress: null,
      electionTimer: null,
      heartbeatTimer: null,
      change: null,
      transfer: null,
      ...spec.nodes?.[id],
    };
  }
  return {
    ids,
    nodes,
    logs,
    leader: spec.leader ?? null,
    messages: spec.messages ?? [],
    cuts: new Set(spec.cuts ?? []),
    config: { ...DEFAULT_CONFIG, raft: { ...DEFAULT_CONFIG.raft, ...spec.raft } },
    violations: spec.violations ?? [],
    snapshots: spec.snapshots ?? Object.fromEntries(ids.map((id) => [id, null])),
    machines: spec.machines ?? Object.fromEntries(ids.map((id) => [id, null])),
  };
}

/** A message as a node sends it, before the network times it. */
type Unsent = MessageView extends infer M ? (M extends unknown ? Omit<M, keyof Flight> : never) : never;

/** A message in flight, with the network's fields filled in. */
export const inFlight = (id: number, m: Unsent): MessageView => ({ ...m, id, sentAt: 0, arrivesAt: 10, seq: id });
