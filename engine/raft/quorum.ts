/**
 * Quorum arithmetic, kept apart so it can be tested on its own.
 * A quorum is a strict majority of the whole cluster, counting the leader itself.
 */

export const majority = (clusterSize: number): number => Math.floor(clusterSize / 2) + 1;

/**
 * The highest index stored on a majority, given every member's match index
 * (the leader's own last index included): the majority-th largest value.
 */
export function quorumMatchIndex(matchIndexes: readonly number[]): number {
  // An insertion sort, largest first: a cluster has at most nine members, and
  // this runs on every acknowledgement, so no comparator callback and no copy.
  const n = matchIndexes.length;
  const sorted = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = matchIndexes[i];
    let j = i;
    while (j > 0 && sorted[j - 1] < x) {
      sorted[j] = sorted[j - 1];
      j--;
    }
    sorted[j] = x;
  }
  return n === 0 ? 0 : sorted[majority(n) - 1];
}

export type VoteResult = 'won' | 'lost' | 'pending';

/** Tally an election: `granted` and `refused` count votes, the candidate's own included. */
export function voteResult(granted: number, refused: number, clusterSize: number): VoteResult {
  const need = majority(clusterSize);
  if (granted >= need) return 'won';
  if (refused > clusterSize - need) return 'lost';
  return 'pending';
}
