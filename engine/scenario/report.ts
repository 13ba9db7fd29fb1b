/** The final state of a run as the runner's `--json` document and as a readable table. */
import { type ClusterState, currentLeader } from '../sim/cluster.ts';
import * as flights from '../sim/flightQueue.ts';
import type { ClientId, KvOp, LogEntry, Membership, Message, MessageType, NodeId, Role, Session } from '../types.ts';
import { logEntries } from '../raft/log.ts';
import { configOf } from '../raft/membership.ts';
import { configText, memberKind, sameConfig } from '../raft/configs.ts';
import { initialConfig } from '../sim/simulator.ts';
import type { Outstanding } from '../client/client.ts';
import type { HistoryOp } from '../linearize/history.ts';
import { historyOf, linearizability } from './run.ts';

export interface NodeReport {
  readonly id: NodeId;
  readonly up: boolean;
  readonly role: Role | 'down';
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly commitIndex: number;
  /**
   * The entries after the snapshot, the first at index `logStart + 1`. Tagged on `kind`:
   * `{ term, kind: "noop" }`, `{ term, kind: "raw", value }`, `{ term, kind: "command", client, serial, op }`.
   */
  readonly log: readonly LogEntry[];
  /** The index the log starts after: the snapshot's, or 0 (§7). */
  readonly logStart: number;
  /** The node's snapshot (persistent: kept while the node is down), or null before its first. */
  readonly snapshot: { readonly index: number; readonly term: number } | null;
  /** The key-value state machine (volatile, as in Figure 2: empty, and `applied` 0, while the node is down). */
  readonly kv: Readonly<Record<string, string>>;
  /** lastApplied: the highest log index applied to `kv`. */
  readonly applied: number;
  /** Per client, its last applied serial and that reply (thesis §6.3). */
  readonly sessions: Readonly<Record<ClientId, Session>>;
  /** What leaders spent probing this node's log (§5.3), over the whole run. */
  readonly probes: { readonly rejections: number; readonly roundTrips: number };
  /**
   * The configuration this node uses (§6): the latest in its log, committed or not,
   * else its snapshot's, else the cluster's initial one. Persistent, so kept while down.
   */
  readonly config: Membership;
}

export interface ClientReport {
  readonly id: ClientId;
  /** The request it waits on: its serial, operation, the node the latest copy went to, and how many copies it sent. */
  readonly pending: Outstanding | null;
  /** Operations waiting behind the pending one. */
  readonly queue: number;
  /** The node it believes leads, or null. */
  readonly leaderGuess: NodeId | null;
}

/** One client operation, from its invocation to its answer. Times are simulated ms. */
export interface HistoryEntry {
  readonly client: ClientId;
  readonly op: KvOp['kind'];
  readonly key: string;
  /** What a put or append writes; null for a get. */
  readonly value: string | null;
  readonly serial: number;
  readonly invokedAt: number;
  /** null while (or if never) answered. */
  readonly returnedAt: number | null;
  /** A get's value ("" for an unset key), "" for a write, null when unanswered. */
  readonly result: string | null;
}

/** The client history and the checker's verdict on it (engine/linearize/checker.ts). */
export interface HistoryReport {
  readonly history: readonly HistoryEntry[];
  /** "unknown" when the checker's search ran out of steps. */
  readonly linearizable: boolean | 'unknown';
  /** Only when `linearizable` is false: a smallest set of operations on one key that no order explains (indexes into `history`), in words. */
  readonly linearizability?: { readonly key: string; readonly ops: readonly number[]; readonly explanation: string };
}

export interface RunReport extends HistoryReport {
  readonly time: number;
  readonly leader: NodeId | null;
  readonly nodes: readonly NodeReport[];
  readonly clients: readonly ClientReport[];
  /** Every message in flight, in delivery order. */
  readonly inFlight: readonly Message[];
  readonly violations: readonly { readonly invariant: string; readonly event: number; readonly detail: string }[];
  readonly stats: {
    readonly events: number;
    readonly messages: number;
    /** Messages sent, by type; every type is named, 0 included. */
    readonly byType: Readonly<Record<MessageType, number>>;
    readonly rejections: number;
    readonly wallMs: number;
  };
}

const historyEntry = (o: HistoryOp): HistoryEntry => ({
  client: o.client,
  op: o.op,
  key: o.key,
  value: o.value,
  serial: o.serial,
  invokedAt: o.invokedAt,
  returnedAt: o.returnedAt,
  result: o.result,
});

/** The run's client history and whether it is linearizable: part of `--json`, and the page's History (JSON) file. */
export function historyReport(s: ClusterState): HistoryReport {
  const history = historyOf(s).map(historyEntry);
  const r = linearizability(s);
  if (r.verdict === 'violation') return { history, linearizable: false, linearizability: { key: r.key, ops: r.ops, explanation: r.explanation } };
  return { history, linearizable: r.verdict === 'ok' ? true : 'unknown' };
}

/** The configuration each node of `s` uses (§6), by id. */
function configsOf(s: ClusterState): Readonly<Record<NodeId, Membership>> {
  const bootstrap = initialConfig(s.config, s.ids);
  return Object.fromEntries(s.ids.map((id) => [id, configOf(s.nodes[id], { bootstrap })]));
}

export function report(s: ClusterState, wallMs: number): RunReport {
  const configs = configsOf(s);
  return {
    time: s.time,
    leader: currentLeader(s),
    nodes: s.ids.map((id) => {
      const n = s.nodes[id];
      const machine = n.volatile?.machine;
      return {
        id,
        up: n.volatile !== null,
        role: n.volatile?.role ?? 'down',
        term: n.persistent.currentTerm,
        votedFor: n.persistent.votedFor,
        commitIndex: n.volatile?.commitIndex ?? 0,
        log: logEntries(n.persistent.log),
        logStart: n.persistent.log.start,
        snapshot: n.persistent.snapshot === null ? null : { index: n.persistent.snapshot.index, term: n.persistent.snapshot.term },
        kv: machine?.data ?? {},
        applied: machine?.lastApplied ?? 0,
        sessions: machine?.sessions ?? {},
        probes: s.stats.probes[id] ?? { rejections: 0, roundTrips: 0 },
        config: { voters: configs[id].voters, outgoing: configs[id].outgoing, learners: configs[id].learners },
      };
    }),
    clients: s.clientIds.map((id) => {
      const c = s.clients[id];
      return { id, pending: c.pending, queue: c.queue.length, leaderGuess: c.leaderGuess };
    }),
    inFlight: flights.inOrder(s.inFlight),
    violations: s.violations.map((v) => ({ invariant: v.invariant, event: v.event, detail: v.detail })),
    ...historyReport(s),
    stats: { events: s.event, messages: s.stats.messages, byType: s.stats.byType, rejections: s.stats.rejections, wallMs },
  };
}

/** A node's role as the table shows it: a learner or a server outside its own configuration is marked (§6). */
function roleCell(s: ClusterState, id: NodeId, config: Membership): string {
  const role = s.nodes[id].volatile?.role ?? 'down';
  const kind = memberKind(config, id);
  return kind === 'voter' ? role : `${role} (${kind === 'learner' ? 'learner' : 'not a member'})`;
}

/**
 * The configurations in use, in words, when they are not simply every node as
 * voters: `configuration: n1,n2,n3 learners n4`, or, while nodes disagree, each
 * with the nodes that use it. Null for the plain case, which most runs are.
 */
function configLine(s: ClusterState, configs: Readonly<Record<NodeId, Membership>>): string | null {
  const groups: { config: Membership; ids: NodeId[] }[] = [];
  for (const id of s.ids) {
    const g = groups.find((x) => sameConfig(x.config, configs[id]));
    if (g === undefined) groups.push({ config: configs[id], ids: [id] });
    else g.ids.push(id);
  }
  if (groups.length === 1) {
    const c = groups[0].config;
    const everyone = c.outgoing.length === 0 && c.learners.length === 0 && c.voters.length === s.ids.length;
    return everyone ? null : `configuration: ${configText(c)}`;
  }
  return `configurations: ${groups.map((g) => `${configText(g.config)} (at ${g.ids.join(',')})`).join('; ')}`;
}

/** A fixed-width table of the nodes, with each log as its terms (committed | uncommitted). */
export function formatTable(s: ClusterState): string {
  const configs = configsOf(s);
  const rows = [['node', 'role', 'term', 'vote', 'commit', 'log (terms; | marks the commit point; [snapshot index/term])']];
  for (const id of s.ids) {
    const n = s.nodes[id];
    const start = n.persistent.log.start;
    const commit = (n.volatile?.commitIndex ?? 0) - start;
    const terms = logEntries(n.persistent.log).map((e) => String(e.term));
    const snap = n.persistent.snapshot === null ? '' : `[${n.persistent.snapshot.index}/${n.persistent.snapshot.term}]${terms.length > 0 ? ' ' : ''}`;
    const log = snap + (commit > 0 && commit < terms.length ? `${terms.slice(0, commit).join(' ')} | ${terms.slice(commit).join(' ')}` : terms.join(' '));
    rows.push([id, roleCell(s, id, configs[id]), String(n.persistent.currentTerm), n.persistent.votedFor ?? '-', String(commit + start), log || '(empty)']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  '));
  const leader = currentLeader(s);
  const cuts = Object.keys(s.cuts);
  lines.push('');
  lines.push(`time ${s.time}ms, ${s.event} events, leader ${leader ?? 'none'}, ${s.inFlight.length} messages in flight` +
    (cuts.length > 0 ? `, cut links: ${cuts.sort().join(' ')}` : ''));
  const config = configLine(s, configs);
  if (config !== null) lines.push(config);
  lines.push(s.violations.length === 0 ? 'invariants: all hold' : `invariants: ${s.violations.length} violated`);
  for (const v of s.violations) lines.push(`  #${v.event} ${v.invariant}: ${v.detail}`);
  return lines.join('\n');
}
