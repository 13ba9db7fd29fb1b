/** The final state of a run as the runner's `--json` document and as a readable table. */
import { type ClusterState, currentLeader } from '../sim/cluster.ts';
import * as flights from '../sim/flightQueue.ts';
import type { LogEntry, Message, NodeId, Role } from '../types.ts';
import { logEntries } from '../raft/log.ts';

export interface NodeReport {
  readonly id: NodeId;
  readonly up: boolean;
  readonly role: Role | 'down';
  readonly term: number;
  readonly votedFor: NodeId | null;
  readonly commitIndex: number;
  readonly log: readonly LogEntry[];
  /** What leaders spent probing this node's log (§5.3), over the whole run. */
  readonly probes: { readonly rejections: number; readonly roundTrips: number };
}

export interface RunReport {
  readonly time: number;
  readonly leader: NodeId | null;
  readonly nodes: readonly NodeReport[];
  /** Every message in flight, in delivery order. */
  readonly inFlight: readonly Message[];
  readonly violations: readonly { readonly invariant: string; readonly event: number; readonly detail: string }[];
  readonly stats: { readonly events: number; readonly messages: number; readonly rejections: number; readonly wallMs: number };
}

export function report(s: ClusterState, wallMs: number): RunReport {
  return {
    time: s.time,
    leader: currentLeader(s),
    nodes: s.ids.map((id) => {
      const n = s.nodes[id];
      return {
        id,
        up: n.volatile !== null,
        role: n.volatile?.role ?? 'down',
        term: n.persistent.currentTerm,
        votedFor: n.persistent.votedFor,
        commitIndex: n.volatile?.commitIndex ?? 0,
        log: logEntries(n.persistent.log),
        probes: s.stats.probes[id] ?? { rejections: 0, roundTrips: 0 },
      };
    }),
    inFlight: flights.inOrder(s.inFlight),
    violations: s.violations.map((v) => ({ invariant: v.invariant, event: v.event, detail: v.detail })),
    stats: { events: s.event, messages: s.stats.messages, rejections: s.stats.rejections, wallMs },
  };
}

/** A fixed-width table of the nodes, with each log as its terms (committed | uncommitted). */
export function formatTable(s: ClusterState): string {
  const rows = [['node', 'role', 'term', 'vote', 'commit', 'log (terms; | marks the commit point)']];
  for (const id of s.ids) {
    const n = s.nodes[id];
    const commit = n.volatile?.commitIndex ?? 0;
    const terms = logEntries(n.persistent.log).map((e) => String(e.term));
    const log = commit > 0 && commit < terms.length ? `${terms.slice(0, commit).join(' ')} | ${terms.slice(commit).join(' ')}` : terms.join(' ');
    rows.push([id, n.volatile?.role ?? 'down', String(n.persistent.currentTerm), n.persistent.votedFor ?? '-', String(commit), log || '(empty)']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  '));
  const leader = currentLeader(s);
  const cuts = Object.keys(s.cuts);
  lines.push('');
  lines.push(`time ${s.time}ms, ${s.event} events, leader ${leader ?? 'none'}, ${s.inFlight.length} messages in flight` +
    (cuts.length > 0 ? `, cut links: ${cuts.sort().join(' ')}` : ''));
  lines.push(s.violations.length === 0 ? 'invariants: all hold' : `invariants: ${s.violations.length} violated`);
  for (const v of s.violations) lines.push(`  #${v.event} ${v.invariant}: ${v.detail}`);
  return lines.join('\n');
}
