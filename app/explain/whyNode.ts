/**
 * A node in plain words: its role and term, its vote, its log, and what it is
 * waiting for, with the rule behind each. Shown when the node is hovered or focused.
 */
import type { Membership, NodeId } from '../../engine/types.ts';
import { plural } from '../../engine/explain/explanation.ts';
import { COMMIT_ANY, committedIndex, majority } from '../../engine/raft/quorum.ts';
import { configText, memberKind } from '../../engine/raft/configs.ts';
import { nodeConfig } from './nodeConfig.ts';
import type { NodeView } from '../worker/viewModel.ts';
import { violationMarks } from '../safety/violationMarks.ts';
import { termAt } from '../../engine/raft/log.ts';
import { cite } from './cite.ts';
import type { WhyWorld } from './whyWorld.ts';

export function whyNode(w: WhyWorld, id: NodeId): string | null {
  const n = w.nodes[id];
  if (n === undefined) return null;
  const flagged = violationMarks(w.violations).nodes.has(id) ? ' It is involved in a safety violation (see the Safety panel).' : '';
  const member = membershipWords(w, n);
  return role(w, n) + (member === '' ? '' : ` ${member}`) + flagged;
}

/** Whether every node of the cluster is a voter of `c`, and nothing else: the case that needs no words. */
const everyNodeVotes = (w: WhyWorld, c: Membership): boolean => c.outgoing.length === 0 && c.learners.length === 0 && c.voters.length === w.ids.length;

/**
 * What the node is in the configuration it uses (§6): a voter, a learner, or
 * outside it, and what a joint configuration asks of a majority. Empty when the
 * configuration is simply every node, as in most runs.
 */
function membershipWords(w: WhyWorld, n: NodeView): string {
  const c = nodeConfig(w, n.id);
  if (everyNodeVotes(w, c)) return '';
  const joint =
    c.outgoing.length > 0
      ? ` It is joint (C_old,new): every election and every commitment needs a majority of ${c.outgoing.join(',')} and a majority of ${c.voters.join(',')} ${cite('joint-consensus')}.`
      : '';
  switch (memberKind(c, n.id)) {
    case 'voter':
      return `It is a voter of its configuration, ${configText(c)} ${cite('latest-config')}.${joint}`;
    case 'learner':
      return (
        `It is a learner in its configuration, ${configText(c)}: it receives entries, but neither votes nor counts toward a majority, and starts no election. ` +
        `The leader makes it a voter once it holds everything committed ${cite('learners')}.${joint}`
      );
    case 'none':
      return n.role === 'leader'
        ? `It is not among the voters of its configuration, ${configText(c)}: it leads until that configuration has committed, without counting itself, then steps down ${cite('removed-leader')}.${joint}`
        : `It is not in the configuration it uses, ${configText(c)}: it neither votes nor campaigns, and its election timer is stopped until a change adds it ${cite('voters-only')}.${joint}`;
  }
}

/** The votes a candidate of configuration `c` needs: a majority of its voters, or of each half while joint. */
function votesNeeded(c: Membership): string {
  return c.outgoing.length > 0 ? `a majority of ${c.outgoing.join(',')} and a majority of ${c.voters.join(',')}` : `${majority(c.voters.length)}`;
}

function role(w: WhyWorld, n: NodeView): string {
  switch (n.role) {
    case 'follower':
      return follower(w, n);
    case 'candidate':
      return n.pre ? preCandidate(w, n) : candidate(w, n);
    case 'leader':
      return leader(w, n);
    case 'down':
      return down(n);
  }
}

function vote(n: NodeView): string {
  if (n.votedFor === null) return 'It has not voted in this term.';
  return n.votedFor === n.id ? 'It voted for itself in this term.' : `It voted for ${n.votedFor} in this term.`;
}

const logSize = (n: NodeView): string => `Its log has ${plural(n.logLength, 'entry', 'entries')}, ${n.commitIndex} committed.`;

function follower(w: WhyWorld, n: NodeView): string {
  const leader = n.leader === null ? 'It knows of no leader in this term.' : `It follows ${n.leader}, whose AppendEntries reset its election timer.`;
  // A learner or a server outside its configuration never campaigns (§6): membershipWords says so instead.
  if (memberKind(nodeConfig(w, n.id), n.id) !== 'voter') return [`${n.id} is a follower in term ${n.term}.`, vote(n), n.leader === null ? leader : `It follows ${n.leader}.`, logSize(n)].join(' ');
  const timer = w.config.raft.prevote
    ? `If it hears nothing from a leader before its timer runs out, it asks for pre-votes, then starts an election ${cite('election-timeout', 'prevote')}.`
    : `It will start an election if it hears nothing from a leader before its timer runs out ${cite('election-timeout')}.`;
  return [`${n.id} is a follower in term ${n.term}.`, vote(n), leader, logSize(n), timer].join(' ');
}

function tally(n: NodeView): { granted: number; refused: number } {
  const votes = Object.values(n.votes ?? {});
  const granted = votes.filter(Boolean).length;
  return { granted, refused: votes.length - granted };
}

function candidate(w: WhyWorld, n: NodeView): string {
  const c = nodeConfig(w, n.id);
  const { granted, refused } = tally(n);
  const needed = c.outgoing.length > 0 ? `has ${granted} votes; it needs ${votesNeeded(c)}` : `has ${granted} of the ${votesNeeded(c)} votes it needs`;
  return [
    `${n.id} is a candidate in term ${n.term}: it voted for itself and ${needed}` +
      `${refused > 0 ? ` (${refused} refused)` : ''} ${cite('majority-wins')}.`,
    `It goes back to being a follower if it hears from a leader of term ${n.term} or later ${cite('candidate-yields')}.`,
    `If its timer runs out first (a split vote), it starts another election; random timeouts make that rare ${cite('randomized-timeouts')}.`,
    logSize(n),
  ].join(' ');
}

function preCandidate(w: WhyWorld, n: NodeView): string {
  const c = nodeConfig(w, n.id);
  const { granted } = tally(n);
  const needed = c.outgoing.length > 0 ? `It has ${granted} pre-votes; it needs ${votesNeeded(c)}.` : `It has ${granted} of the ${votesNeeded(c)} pre-votes it needs.`;
  return [
    `${n.id} is a pre-candidate: still in term ${n.term}, it asks whether a majority would vote for it in term ${n.term + 1}, without raising its term ${cite('prevote')}.`,
    `${needed} With a majority it starts a real election; otherwise its timer fires again.`,
    logSize(n),
  ].join(' ');
}

function leader(w: WhyWorld, n: NodeView): string {
  const parts = [
    `${n.id} is the leader of term ${n.term}. It sends heartbeats every ${w.config.heartbeat} ms, so no follower's election timer runs out ${cite('heartbeats')}.`,
    `Its log has ${plural(n.logLength, 'entry', 'entries')}, committed up to index ${n.commitIndex}. ${commitReason(w, n)}`,
  ];
  const behind = Object.entries(n.progress ?? {})
    .filter(([, p]) => p.match < n.logLength)
    .map(([peer]) => peer);
  if (behind.length > 0) parts.push(`It is still sending entries to ${behind.join(', ')}, whose logs it does not yet know to match its own ${cite('leader-progress')}.`);
  if (w.config.raft.checkquorum) parts.push(`It steps down if it hears from no majority within an election timeout ${cite('check-quorum')}.`);
  return parts.join(' ');
}

/** Why a leader's commit index is where it is: every entry committed, some not yet on a majority, or on one but from an older term. */
function commitReason(w: WhyWorld, n: NodeView): string {
  // Counted by id over the voters of its configuration, both halves while joint (§6), as the engine counts.
  const progress = n.progress ?? {};
  const counted = committedIndex(nodeConfig(w, n.id), (id) => (id === n.id ? n.logLength : progress[id]?.match));
  const onMajority = counted === COMMIT_ANY ? n.logLength : Math.min(counted, n.logLength);
  if (onMajority > n.commitIndex) {
    const log = w.logs[n.id];
    const term = (log === undefined ? undefined : termAt(log, onMajority)) ?? n.term;
    return (
      `Index ${onMajority} is on a majority but is from term ${term}: it waits until an entry of term ${n.term} reaches a majority, ` +
      `because a leader counts replicas only of its own term's entries ${cite('current-term-only')}.`
    );
  }
  if (n.commitIndex >= n.logLength) return `A majority stores every entry, so all are committed ${cite('commit-majority')}.`;
  return `Entries after ${n.commitIndex} are not yet known to be on a majority ${cite('commit-majority')}.`;
}

function down(n: NodeView): string {
  const voted = n.votedFor === null ? 'no vote' : `its vote for ${n.votedFor}`;
  return [
    `${n.id} is down. It kept its persistent state: term ${n.term}, ${voted}, and its log of ${plural(n.logLength, 'entry', 'entries')} ${cite('persistent-state')}.`,
    'It lost its role, its commit index and its timers, and messages sent to it are lost.',
    'When it restarts it is a follower, and a leader tells it what is committed.',
  ].join(' ');
}
