/**
 * Quorums, kept apart so they can be tested on their own.
 *
 * A quorum is a strict majority of a configuration's voters (§5.2, §5.3). To
 * change membership safely, a cluster passes through a joint configuration
 * C_old,new in which every decision needs a majority of the old voters AND a
 * majority of the new ones (§6, Figures 10-11). So the rules that count (votes,
 * commitment, CheckQuorum, ReadIndex and leases) ask these functions, by node
 * id, rather than compare a count with the cluster's size.
 *
 * Configurations are plain data (sorted arrays of ids), JSON-safe: they live in
 * log entries, node state and snapshots.
 */
import type { NodeId } from '../types.ts';

/** The voters of one configuration: sorted, no duplicates. Empty only as the outgoing half of a JointConfig. */
export type MajorityConfig = readonly NodeId[];

/**
 * A configuration with its incoming half (`voters`, C_new) and its outgoing half
 * (C_old). Outside a membership change the outgoing half is empty, and an empty
 * half decides nothing (see COMMIT_ANY and `voteResult`), so the pair behaves
 * exactly as its incoming half. A node's Membership (types.ts) is one, learners aside.
 */
export interface JointConfig {
  readonly voters: MajorityConfig;
  readonly outgoing: MajorityConfig;
}

export type QuorumConfig = MajorityConfig | JointConfig;

export type VoteResult = 'won' | 'lost' | 'pending';

/**
 * What an empty majority configuration commits: any index, so that a joint
 * configuration whose outgoing half is empty commits what its incoming half
 * does (etcd returns MaxUint64 for the same reason). Not Infinity, which JSON
 * turns into null; callers clamp the result to what they can know (the
 * leader's last index, its own clock).
 */
export const COMMIT_ANY = Number.MAX_SAFE_INTEGER;

export const majority = (size: number): number => Math.floor(size / 2) + 1;

/** A majority configuration of `ids`: sorted (so that equal sets are equal data) and without duplicates. */
export function majorityConfig(ids: Iterable<NodeId>): MajorityConfig {
  return [...new Set(ids)].sort();
}

/** A joint configuration; with no outgoing voters, one that is not joint. */
export const jointConfig = (incoming: MajorityConfig, outgoing: MajorityConfig = []): JointConfig => ({ voters: incoming, outgoing });

/** Whether `config` has two halves (a majority config is a plain list). */
const isJoint = (config: QuorumConfig): config is JointConfig => !Array.isArray(config);


/**
 * Every voter of `config` once, sorted: whom a leader counts in its records, and
 * whom it must hear from. Outside a membership change this is the incoming
 * half itself (no copy).
 */
export function voterIds(config: QuorumConfig): MajorityConfig {
  if (!isJoint(config)) return config;
  const { voters: incoming, outgoing } = config;
  return outgoing.length === 0 ? incoming : majorityConfig([...incoming, ...outgoing]);
}

/**
 * Insert `x` into `sorted[0..n)`, kept largest first (an insertion sort: a
 * cluster has at most nine members, and no comparator callback is called).
 */
function insertDescending(sorted: number[], n: number, x: number): void {
  let j = n;
  while (j > 0 && sorted[j - 1] < x) {
    sorted[j] = sorted[j - 1];
    j--;
  }
  sorted[j] = x;
}

/**
 * Reused by `committedIndex`, which runs on every acknowledgement a leader
 * receives: sorting into it allocates nothing. Safe because `committedIndex`
 * is synchronous and reads every acknowledgement before it sorts; an `acked`
 * callback must not itself call `committedIndex`.
 */
const scratch: number[] = [];

function majorityCommitted(config: MajorityConfig, acked: (id: NodeId) => number | undefined): number {
  const n = config.length;
  if (n === 0) return COMMIT_ANY;
  for (let i = 0; i < n; i++) insertDescending(scratch, i, acked(config[i]) ?? 0);
  return scratch[majority(n) - 1];
}

/**
 * The highest index acknowledged by a quorum of `config` (§5.3: stored on a
 * majority): the majority-th largest acknowledgement. `acked(id)` is what voter
 * `id` acknowledged, undefined if it never did (counted as 0: nothing). A
 * joint configuration commits what both halves do: the smaller of the two.
 * An empty configuration gives COMMIT_ANY.
 *
 * Any monotonic quantity works as the "index": ReadIndex counts heartbeat
 * rounds with it (reads.ts).
 */
export function committedIndex(config: QuorumConfig, acked: (id: NodeId) => number | undefined): number {
  if (!isJoint(config)) return majorityCommitted(config, acked);
  // The halves are computed one after the other: the scratch array holds one at a time.
  const incoming = majorityCommitted(config.voters, acked);
  const outgoing = majorityCommitted(config.outgoing, acked);
  return incoming < outgoing ? incoming : outgoing;
}

function majorityVote(config: MajorityConfig, votes: Readonly<Record<NodeId, boolean>>): VoteResult {
  const n = config.length;
  // An empty configuration has no one to object: it never holds up the other half of a joint one.
  if (n === 0) return 'won';
  let yes = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const id = config[i];
    if (!Object.hasOwn(votes, id)) missing++;
    else if (votes[id]) yes++;
  }
  const need = majority(n);
  if (yes >= need) return 'won';
  // Lost once the voters still to answer could not make a majority even if they all said yes.
  return yes + missing >= need ? 'pending' : 'lost';
}

/**
 * The result of an election (§5.2), or of any yes-or-no question put to the
 * voters (CheckQuorum: did you answer?). `votes` maps a voter to its answer; a
 * voter with no entry has not answered yet, and the answers of non-voters are
 * ignored. A joint configuration is won only when both halves are, and lost
 * as soon as either is (§6: decisions need both majorities).
 */
export function voteResult(config: QuorumConfig, votes: Readonly<Record<NodeId, boolean>>): VoteResult {
  if (!isJoint(config)) return majorityVote(config, votes);
  const incoming = majorityVote(config.voters, votes);
  const outgoing = majorityVote(config.outgoing, votes);
  if (incoming === outgoing) return incoming;
  if (incoming === 'lost' || outgoing === 'lost') return 'lost';
  return 'pending';
}

/**
 * The highest value a majority of `values` reaches (the majority-th largest),
 * for counts without ids: the explanations in app/explain/ use it on a
 * snapshot's match indexes. The engine's rules use `committedIndex`.
 */
export function quorumMatchIndex(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = new Array<number>(n);
  for (let i = 0; i < n; i++) insertDescending(sorted, i, values[i]);
  return sorted[majority(n) - 1];
}
