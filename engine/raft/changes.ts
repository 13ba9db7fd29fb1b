/**
 * The leader's side of a membership change (§6, Figures 10-11; thesis chapter 4).
 *
 * A change is asked for once (`requestChange`); the leader then carries it out
 * one configuration entry at a time (`advanceChange`, after each of its steps),
 * each entry appended only once the one before has committed:
 *
 * 1. It waits until it has committed an entry of its own term. Ongaro found in
 *    2015 that a single-server change appended before that can lose committed
 *    entries (`unsafe=change-before-noop` skips the wait).
 * 2. Servers to be added join as learners: they receive entries but neither
 *    vote nor count toward a majority, and catch up (thesis §4.2.1).
 * 3. Once each holds everything the leader has committed, it is promoted:
 *    - joint consensus (`change`): C_old,new, whose decisions need a majority of
 *      both halves, then C_new once C_old,new has committed (§6);
 *    - a single-server change (`add`, `remove`): one voter in or out, since any
 *      majority of the old configuration overlaps any of the new (thesis §4.1);
 *    - `unsafe=direct-change`: C_new at once, which Figure 10 shows unsafe.
 * 4. A leader not in C_new steps down once C_new has committed; until then it
 *    manages the cluster without counting itself (quorum.ts counts by id).
 *
 * One change at a time: a change asked for while another is under way, or while
 * the configuration is joint or not yet committed, is refused with the reason.
 * A new leader that finds C_old,new committed in its log appends C_new itself.
 */
import type { ChangeHow, ChangeRequest, LeaderNode, Membership, PendingChange, UpNode } from '../types.ts';
import type { ChangeRefusal } from '../events.ts';
import type { Effects } from './effects.ts';
import type { StepContext } from './context.ts';
import { configOf } from './membership.ts';
import { configText, membership, sameMembers, votesIn } from './configs.ts';
import { configEntry } from './entry.ts';
import { lastIndex } from './log.ts';
import { appendEntry } from './replication.ts';
import { committedOwnTerm } from './reads.ts';
import { becomeFollower } from './transitions.ts';

/** Why `node` cannot take on a change now, or null. */
function busy(node: LeaderNode, config: Membership): ChangeRefusal | null {
  const v = node.volatile;
  if (v.transfer !== null) return { kind: 'transferring', target: v.transfer.target };
  if (v.change !== null) return { kind: 'in-progress', pending: v.change.asked };
  if (config.outgoing.length > 0) return { kind: 'in-progress', pending: `the joint configuration ${configText(config)}` };
  const logged = node.persistent.config;
  if (logged !== null && logged.index > v.commitIndex) return { kind: 'in-progress', pending: `the configuration at index ${logged.index}, not yet committed` };
  return null;
}

/** A change given to a node that does not lead: only a leader can make one. */
export function refuseChange(node: UpNode, asked: string, fx: Effects): UpNode {
  fx.records.push({ type: 'changeRefused', node: node.id, asked, why: { kind: 'not-leader', leader: node.volatile.leader } });
  return node;
}

/** The leader is asked to change the membership: it takes the change on, or refuses it with the reason. */
export function requestChange(node: LeaderNode, request: ChangeRequest, asked: string, ctx: StepContext, fx: Effects): LeaderNode {
  const config = configOf(node, ctx);
  const refuse = (why: ChangeRefusal): LeaderNode => {
    fx.records.push({ type: 'changeRefused', node: node.id, asked, why });
    return node;
  };
  const why = busy(node, config);
  if (why !== null) return refuse(why);
  const target = membership(config.voters.filter((id) => !request.remove.includes(id)).concat(request.add)).voters;
  // Removing a learner (a server that never caught up) changes no voter: it is dropped in one entry.
  const droppedLearners = config.learners.filter((id) => request.remove.includes(id));
  if (sameMembers(target, config.voters) && droppedLearners.length === 0) return refuse({ kind: 'nothing-to-change' });
  if (target.length === 0) return refuse({ kind: 'no-voters' });
  const how: ChangeHow = request.how === 'single' ? 'single' : ctx.unsafe['direct-change'] ? 'direct' : 'joint';
  fx.records.push({ type: 'changeStarted', node: node.id, asked, how, target });
  const change: PendingChange = { how, target, asked, since: ctx.now };
  let n = withChange(node, change);
  if (droppedLearners.length > 0) {
    const learners = config.learners.filter((id) => !droppedLearners.includes(id));
    n = appendConfig(n, membership(config.voters, [], learners), 'single', ctx, fx);
  } else if (!mayStart(n, ctx)) {
    fx.records.push({ type: 'changeWaiting', node: node.id, asked, term: node.persistent.currentTerm });
  }
  // The first configuration is appended by `advanceChange`, which runs after every step of a leader with a change.
  return n;
}

/**
 * How many minimum election timeouts a leader waits for its learners to catch
 * up before it gives the change up (thesis §4.2.1 counts rounds of replication;
 * a fixed span is the same idea in time). The learners stay learners, and a
 * `remove` takes them out.
 */
export const CATCH_UP_LIMIT = 10;

/** Step 1: a leader starts changing the configuration only once it has committed an entry of its own term. */
const mayStart = (node: LeaderNode, ctx: StepContext): boolean => ctx.unsafe['change-before-noop'] || committedOwnTerm(node);

const withChange = (node: LeaderNode, change: PendingChange | null): LeaderNode => ({ id: node.id, persistent: node.persistent, volatile: { ...node.volatile, change } });

/** Append configuration `c` and replicate it: the leader uses it from now on (§6). */
function appendConfig(node: LeaderNode, c: Membership, phase: 'learners' | 'joint' | 'leave' | 'single' | 'direct', ctx: StepContext, fx: Effects): LeaderNode {
  const term = node.persistent.currentTerm;
  const asked = node.volatile.change?.asked ?? 'finishing a joint change';
  fx.records.push({ type: 'configAppended', node: node.id, index: lastIndex(node.persistent.log) + 1, term, config: c, phase, asked });
  return appendEntry(node, configEntry(term, c), ctx, fx);
}

/**
 * Whether the leader may have something to do about its membership after a step:
 * a change under way, a joint configuration to leave, or a configuration that
 * leaves it out. False on almost every step, and cheap to tell.
 */
export function membershipWork(node: LeaderNode): boolean {
  if (node.volatile.change !== null) return true;
  const logged = node.persistent.config;
  return logged !== null && (logged.config.outgoing.length > 0 || !votesIn(logged.config, node.id));
}

/**
 * Carry the change on by one phase if the last configuration has committed
 * (§6: each configuration entry is appended only once the one before it has
 * committed), or step down if C_new has committed without this leader.
 */
export function advanceChange(node: LeaderNode, ctx: StepContext, fx: Effects): UpNode {
  const v = node.volatile;
  const logged = node.persistent.config;
  // Wait for the configuration in use to commit: only then is the next one safe.
  if (logged !== null && logged.index > v.commitIndex) return node;
  const config = configOf(node, ctx);
  // While it hands its leadership over, a leader appends nothing new (thesis §3.10), configurations included.
  const transferring = v.transfer !== null;
  if (config.outgoing.length > 0) {
    if (transferring) return node;
    // C_old,new has committed: on to C_new (§6). A new leader does this too.
    return appendConfig(node, membership(config.voters, [], config.learners), 'leave', ctx, fx);
  }
  const change = v.change;
  if (change !== null && sameMembers(change.target, config.voters) && !change.target.some((id) => config.learners.includes(id))) {
    fx.records.push({ type: 'changeDone', node: node.id, asked: change.asked, config });
    return afterChange(withChange(node, null), config, fx);
  }
  if (change === null) return afterChange(node, config, fx);
  if (transferring || !mayStart(node, ctx)) return node;
  const joining = change.target.filter((id) => !config.voters.includes(id));
  const newcomers = joining.filter((id) => !config.learners.includes(id));
  if (newcomers.length > 0) {
    // Step 2: new servers catch up as learners before they can vote (thesis §4.2.1).
    const n = withChange(node, { how: change.how, target: change.target, asked: change.asked, since: ctx.now });
    return appendConfig(n, membership(config.voters, [], [...config.learners, ...newcomers]), 'learners', ctx, fx);
  }
  // Step 3 waits until every joining learner holds what the leader has committed,
  // but not for ever: a learner that is down or too slow makes the leader give up.
  const behind = joining.filter((id) => (v.progress[id]?.match ?? 0) < v.commitIndex);
  if (behind.length > 0) {
    if (ctx.now - change.since < CATCH_UP_LIMIT * ctx.minElectionTimeout) return node;
    fx.records.push({ type: 'changeAborted', node: node.id, asked: change.asked, why: 'learners-behind', behind });
    return withChange(node, null);
  }
  for (const id of joining) fx.records.push({ type: 'learnerCaughtUp', node: node.id, learner: id, match: v.progress[id].match, commitIndex: v.commitIndex });
  const learners = config.learners.filter((id) => !change.target.includes(id));
  if (change.how === 'joint') return appendConfig(node, membership(change.target, config.voters, learners), 'joint', ctx, fx);
  return appendConfig(node, membership(change.target, [], learners), change.how === 'direct' ? 'direct' : 'single', ctx, fx);
}

/** With no change left to make: a leader that C_new (committed) leaves out steps down (§6). */
function afterChange(node: LeaderNode, config: Membership, fx: Effects): UpNode {
  if (votesIn(config, node.id)) return node;
  return becomeFollower(node, node.persistent.currentTerm, null, 'removed', node.id, fx);
}
