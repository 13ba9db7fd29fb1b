/**
 * Commands back to text, in canonical form. `parseLine(formatCommand(c))` gives
 * back `c` (tests check this), which is what lets the UI record what a user does
 * as a script that replays exactly.
 */
import { DEFAULT_CONFIG } from '../config.ts';
import type { ChangeRequest, ClusterConfig, KvOp, Range } from '../types.ts';
import { assertNever } from '../assertNever.ts';
import type { CommandBody, Expectation } from './ast.ts';

export const formatDuration = (ms: number): string => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

const formatRange = (r: Range): string => `${r.min}-${r.max}ms`;

/** A word as the lexer reads it: quoted when it holds spaces, quotes, `#`, or nothing. */
export function formatWord(w: string): string {
  return /^[^\s"#\\]+$/.test(w) ? w : `"${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The `cluster` line's options; those at their default are left out, except the node count. */
export function formatClusterOptions(c: ClusterConfig): string {
  const d = DEFAULT_CONFIG;
  const parts = [`nodes=${c.nodes}`];
  if (c.members !== null) parts.push(`members=${c.members.join(',')}`);
  if (c.seed !== d.seed) parts.push(`seed=${c.seed}`);
  if (c.election.min !== d.election.min || c.election.max !== d.election.max) parts.push(`election=${formatRange(c.election)}`);
  if (c.heartbeat !== d.heartbeat) parts.push(`heartbeat=${c.heartbeat}ms`);
  if (c.latency.min !== d.latency.min || c.latency.max !== d.latency.max) parts.push(`latency=${formatRange(c.latency)}`);
  if (c.raft.batch !== d.raft.batch) parts.push(`batch=${c.raft.batch}`);
  if (c.raft.probe !== d.raft.probe) parts.push(`probe=${c.raft.probe}`);
  if (c.raft.noop !== d.raft.noop) parts.push(`noop=${c.raft.noop ? 'on' : 'off'}`);
  if (c.raft.prevote !== d.raft.prevote) parts.push(`prevote=${c.raft.prevote ? 'on' : 'off'}`);
  if (c.raft.checkquorum !== d.raft.checkquorum) parts.push(`checkquorum=${c.raft.checkquorum ? 'on' : 'off'}`);
  if (c.clients !== d.clients) parts.push(`clients=${c.clients}`);
  if (c.raft.reads !== d.raft.reads) parts.push(`reads=${c.raft.reads}`);
  if (c.raft.snapshot !== d.raft.snapshot) parts.push(`snapshot=${c.raft.snapshot ?? 'off'}`);
  if (c.clientTimeout !== d.clientTimeout) parts.push(`client-timeout=${c.clientTimeout}ms`);
  if (c.raft.unsafe.length > 0) parts.push(`unsafe=${c.raft.unsafe.join(',')}`);
  return parts.join(' ');
}

/** `put x 1`, `append x a`, `get x`, with words quoted as the lexer needs. */
export const formatOp = (op: KvOp): string =>
  op.kind === 'get' ? `get ${formatWord(op.key)}` : `${op.kind} ${formatWord(op.key)} ${formatWord(op.value)}`;

function formatExpectation(e: Expectation): string {
  switch (e.what) {
    case 'leader':
      return `leader ${e.node ?? 'none'}`;
    case 'role':
      return `role ${e.node} ${e.role}`;
    case 'term':
    case 'commit':
    case 'rejections':
    case 'roundtrips':
      return `${e.what} ${e.node} ${e.value}`;
    case 'violation':
      return `violation ${e.invariant}`;
    case 'vote':
      return `vote ${e.node} ${e.votedFor ?? 'none'}`;
    case 'log':
      return ['log', e.node, ...e.terms].join(' ');
    case 'safe':
    case 'linearizable':
      return e.what;
    case 'kv':
      return `kv ${e.node} ${formatWord(e.key)} ${formatWord(e.value)}`;
    case 'applied':
      return `applied ${e.node} ${e.value}`;
    case 'snapshot':
      return `snapshot ${e.node} ${e.at === null ? 'none' : `${e.at.index} ${e.at.term}`}`;
    case 'config':
      return `config ${e.node} ${e.outgoing.length > 0 ? `${e.outgoing.join(',')} -> ` : ''}${e.voters.join(',')}${e.learners === null ? '' : ` learners ${e.learners.join(',')}`}`;
    default:
      return assertNever(e);
  }
}

export function formatCommand(c: CommandBody): string {
  switch (c.kind) {
    case 'cluster':
      return `cluster ${formatClusterOptions(c.config)}`;
    case 'preset':
      return `preset ${c.name}`;
    case 'run':
      return `run ${formatDuration(c.ms)}`;
    case 'step':
      return c.count === 1 ? 'step' : `step ${c.count}`;
    case 'stabilize':
      return c.limit === null ? 'stabilize' : `stabilize ${c.limit}`;
    case 'campaign':
    case 'crash':
    case 'restart':
    case 'snapshot':
      return `${c.kind} ${c.node}`;
    case 'propose':
      return `propose ${c.target} ${formatWord(c.value)}`;
    case 'partition':
      return `partition ${c.groups.map((g) => g.join(',')).join(' | ')}`;
    case 'cut':
      return `cut ${c.a} ${c.b}`;
    case 'heal':
      return c.pair === null ? 'heal' : `heal ${c.pair[0]} ${c.pair[1]}`;
    case 'drop':
      return `drop ${c.from} ${c.to}${c.messageType ? ` ${c.messageType}` : ''}`;
    case 'drop-message':
      return `drop m${c.id}`;
    case 'timers':
      return `timers ${c.layout}`;
    case 'expect':
      return `expect ${formatExpectation(c.check)}`;
    case 'client':
      return `client ${c.client} ${formatOp(c.op)}`;
    case 'workload':
      return `workload ops=${c.ops} rate=${c.rate}/s keys=${c.keys} reads=${c.reads}`;
    case 'change':
      return changeText(c.request);
    case 'transfer':
      return `transfer ${c.node}`;
    case 'say':
      return `say ${formatWord(c.text)}`;
    case 'pause':
      return 'pause';
    default:
      return assertNever(c);
  }
}

/** A membership change as the language writes it: `add n4`, `remove n1`, `change +n4,-n1`. */
function changeText(request: ChangeRequest): string {
  if (request.how === 'single') return request.add.length > 0 ? `add ${request.add[0]}` : `remove ${request.remove[0]}`;
  return `change ${[...request.add.map((id) => `+${id}`), ...request.remove.map((id) => `-${id}`)].join(',')}`;
}
