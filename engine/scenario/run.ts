/**
 * Runs scenario commands against a cluster. This is the only way anything changes
 * a simulation: the command-line runner, the tests and the browser's worker all
 * come through here.
 */
import { DEFAULT_CONFIG } from '../config.ts';
import { presetNodes } from '../presets.ts';
import { type ClusterState, createCluster, currentLeader } from '../sim/cluster.ts';
import * as sim from '../sim/simulator.ts';
import type { ClusterConfig } from '../types.ts';
import { assertNever } from '../assertNever.ts';
import { logEntries } from '../raft/log.ts';
import { configOf } from '../raft/membership.ts';
import type { Command, Expectation, Script } from './ast.ts';
import { formatCommand } from './format.ts';
import { setElectionTimers } from '../sim/electionTimers.ts';
import { checkHistory, type LinearizabilityResult } from '../linearize/checker.ts';
import { buildHistory } from '../linearize/history.ts';
import { toArray } from '../raft/chunkedList.ts';

/** The client operations of the run so far. */
export const historyOf = (s: ClusterState) => buildHistory(toArray(s.history));

/** Whether the client history so far is linearizable (linearize/checker.ts). */
export const linearizability = (s: ClusterState): LinearizabilityResult => checkHistory(historyOf(s));

export interface Session {
  cluster: ClusterState | null;
  /** The options of the last `cluster` line; `preset` keeps them. */
  config: ClusterConfig;
}

export const newSession = (): Session => ({ cluster: null, config: DEFAULT_CONFIG });

export interface ExpectFailure {
  readonly line: number;
  readonly col: number;
  readonly command: string;
  readonly expected: string;
  readonly actual: string;
}

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly failure: ExpectFailure };

const OK: Outcome = { ok: true };

/** Apply one command. Precondition: it was parsed against this session's cluster. */
export function applyCommand(session: Session, cmd: Command, emit: sim.Emit = sim.ignore): Outcome {
  if (cmd.kind === 'cluster') {
    session.config = cmd.config;
    session.cluster = createCluster(cmd.config);
    sim.boot(session.cluster, emit);
    return OK;
  }
  if (cmd.kind === 'preset') {
    const nodes = presetNodes(cmd.name);
    const config = { ...session.config, nodes: Object.keys(nodes).length };
    session.cluster = createCluster(config, nodes);
    sim.boot(session.cluster, emit);
    return OK;
  }
  const s = session.cluster;
  if (s === null) throw new Error(`line ${cmd.line}: no cluster (the parser should have refused this script)`);
  switch (cmd.kind) {
    case 'run':
      sim.runFor(s, cmd.ms, emit);
      return OK;
    case 'step':
      sim.stepEvents(s, cmd.count, emit);
      return OK;
    case 'stabilize':
      sim.stabilize(s, emit, cmd.limit ?? sim.STABILIZE_LIMIT);
      return OK;
    case 'campaign':
      sim.campaign(s, cmd.node, emit);
      return OK;
    case 'propose':
      sim.propose(s, cmd.target, cmd.value, emit);
      return OK;
    case 'snapshot':
      sim.snapshot(s, cmd.node, emit);
      return OK;
    case 'crash':
      sim.crash(s, cmd.node, emit);
      return OK;
    case 'restart':
      sim.restart(s, cmd.node, emit);
      return OK;
    case 'partition':
      sim.partition(s, cmd.groups, emit);
      return OK;
    case 'cut':
      sim.cut(s, cmd.a, cmd.b, emit);
      return OK;
    case 'heal':
      sim.heal(s, cmd.pair, emit);
      return OK;
    case 'drop':
      sim.dropBetween(s, cmd.from, cmd.to, cmd.messageType, emit);
      return OK;
    case 'drop-message':
      sim.dropMessage(s, cmd.id, emit);
      return OK;
    case 'timers':
      setElectionTimers(s, cmd.layout);
      return OK;
    case 'client':
      sim.clientIssue(s, cmd.client, cmd.op, emit);
      return OK;
    case 'workload':
      sim.workload(s, cmd, emit);
      return OK;
    case 'change':
      sim.changeMembership(s, cmd.request, formatCommand(cmd), emit);
      return OK;
    case 'transfer':
      sim.transferLeadership(s, cmd.node, emit);
      return OK;
    case 'expect': {
      const r = evaluate(s, cmd.check);
      return r.expected === r.actual ? OK : { ok: false, failure: expectFailure(cmd, r) };
    }
    case 'say':
    case 'pause':
      return OK;
    default:
      return assertNever(cmd);
  }
}

export interface ScriptResult {
  readonly session: Session;
  /** The first failed expectation; the run stopped there. */
  readonly failure: ExpectFailure | null;
}

/** `before` sees each command as it is about to apply (the runner's trace prints a tour's captions with it). */
export function runScript(script: Script, emit: sim.Emit = sim.ignore, session: Session = newSession(), before?: (cmd: Command) => void): ScriptResult {
  for (const cmd of script.commands) {
    before?.(cmd);
    const r = applyCommand(session, cmd, emit);
    if (!r.ok) return { session, failure: r.failure };
  }
  return { session, failure: null };
}

/** An `expect` line that did not hold, located, with what it wanted and what there was. */
export const expectFailure = (cmd: Command, r: { expected: string; actual: string }): ExpectFailure => ({
  line: cmd.line,
  col: cmd.col,
  command: formatCommand(cmd),
  ...r,
});

/** What an expectation wants and what the cluster has, both as text. */
export function evaluate(s: ClusterState, e: Expectation): { expected: string; actual: string } {
  switch (e.what) {
    case 'leader':
      return { expected: e.node ?? 'none', actual: currentLeader(s) ?? 'none' };
    case 'role':
      return { expected: e.role, actual: s.nodes[e.node].volatile?.role ?? 'down' };
    case 'term':
      return { expected: String(e.value), actual: String(s.nodes[e.node].persistent.currentTerm) };
    case 'commit':
      return { expected: String(e.value), actual: String(s.nodes[e.node].volatile?.commitIndex ?? 0) };
    case 'rejections':
      return { expected: String(e.value), actual: String(s.stats.probes[e.node]?.rejections ?? 0) };
    case 'roundtrips':
      return { expected: String(e.value), actual: String(s.stats.probes[e.node]?.roundTrips ?? 0) };
    case 'violation': {
      if (e.invariant === 'Linearizability') {
        const r = linearizability(s);
        const verdict = r.verdict === 'violation' ? 'a Linearizability violation' : r.verdict === 'ok' ? 'a linearizable history' : 'no verdict (the search ran out of steps)';
        return { expected: 'a Linearizability violation', actual: verdict };
      }
      const found = s.violations.filter((v) => v.invariant === e.invariant);
      return {
        expected: `a ${e.invariant} violation`,
        actual: found.length > 0 ? `a ${e.invariant} violation` : s.violations.length === 0 ? 'no violations' : `only ${[...new Set(s.violations.map((v) => v.invariant))].join(', ')}`,
      };
    }
    case 'vote':
      return { expected: e.votedFor ?? 'none', actual: s.nodes[e.node].persistent.votedFor ?? 'none' };
    case 'log': {
      const terms = logEntries(s.nodes[e.node].persistent.log).map((x) => x.term);
      const show = (t: readonly number[]): string => (t.length === 0 ? '(empty)' : t.join(' '));
      return { expected: show(e.terms), actual: show(terms) };
    }
    case 'linearizable': {
      const r = linearizability(s);
      const actual = r.verdict === 'ok' ? 'linearizable' : r.verdict === 'violation' ? `not linearizable: ${r.explanation}` : 'unknown: the search ran out of steps';
      return { expected: 'linearizable', actual };
    }
    case 'kv': {
      const v = s.nodes[e.node].volatile;
      return { expected: JSON.stringify(e.value), actual: v === null ? `${e.node} is down` : JSON.stringify(v.machine.data[e.key] ?? '') };
    }
    case 'applied':
      return { expected: String(e.value), actual: String(s.nodes[e.node].volatile?.machine.lastApplied ?? 0) };
    case 'snapshot': {
      const snap = s.nodes[e.node].persistent.snapshot;
      const show = (a: { index: number; term: number } | null): string => (a === null ? 'none' : `index ${a.index}, term ${a.term}`);
      return { expected: show(e.at), actual: show(snap) };
    }
    case 'config': {
      const c = configOf(s.nodes[e.node], { bootstrap: sim.initialConfig(s.config, s.ids) });
      const show = (voters: readonly string[], outgoing: readonly string[], learners: readonly string[] | null): string =>
        (outgoing.length > 0 ? `${outgoing.join(',')} -> ${voters.join(',')}` : voters.join(',')) + (learners === null || learners.length === 0 ? '' : ` learners ${learners.join(',')}`);
      return { expected: show(e.voters, e.outgoing, e.learners), actual: show(c.voters, c.outgoing, e.learners === null ? null : c.learners) };
    }
    case 'safe': {
      const v = s.violations;
      return {
        expected: 'no violations',
        actual: v.length === 0 ? 'no violations' : `${v.length} violation${v.length > 1 ? 's' : ''}, first: ${v[0].invariant}: ${v[0].detail}`,
      };
    }
    default:
      return assertNever(e);
  }
}
