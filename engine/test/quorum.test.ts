import { describe, expect, it } from 'vitest';
import { majority, quorumMatchIndex, voteResult } from '../raft/quorum.ts';

describe('quorum arithmetic', () => {
  it('a majority is more than half', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(majority)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('the quorum match index is the highest index a majority stores', () => {
    expect(quorumMatchIndex([11, 9, 4, 11, 12, 7, 3])).toBe(9);
    expect(quorumMatchIndex([5, 0, 0])).toBe(0);
    expect(quorumMatchIndex([5, 4, 0])).toBe(4);
    expect(quorumMatchIndex([3])).toBe(3);
    expect(quorumMatchIndex([4, 4, 2, 2])).toBe(2);
  });
  it('an election is won at a majority and lost once a majority is out of reach', () => {
    expect(voteResult(3, 0, 5)).toBe('won');
    expect(voteResult(2, 2, 5)).toBe('pending');
    expect(voteResult(2, 3, 5)).toBe('lost');
    expect(voteResult(1, 0, 1)).toBe('won');
  });
});
