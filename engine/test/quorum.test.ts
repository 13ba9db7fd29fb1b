import { describe, expect, it } from 'vitest';
import {
  COMMIT_ANY,
  committedIndex,
  jointConfig,
  majority,
  majorityConfig,
  quorumMatchIndex,
  voteResult,
  voterIds,
  type QuorumConfig,
  type VoteResult,
} from '../raft/quorum.ts';

/** An `acked` function over a table; ids not in it never acknowledged. */
const ackedBy = (acks: Record<string, number>) => (id: string): number | undefined => (Object.hasOwn(acks, id) ? acks[id] : undefined);

const c3 = majorityConfig(['n1', 'n2', 'n3']);
const c4 = majorityConfig(['n1', 'n2', 'n3', 'n4']);
const c5 = majorityConfig(['n1', 'n2', 'n3', 'n4', 'n5']);
const c6 = majorityConfig(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);

describe('majorities', () => {
  it('a majority is more than half', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(majority)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('a configuration is sorted and has each voter once, so equal sets are equal data', () => {
    expect(majorityConfig(['n3', 'n1', 'n3', 'n2'])).toEqual(['n1', 'n2', 'n3']);
    const joint = jointConfig(c3, majorityConfig(['n4', 'n3']));
    expect(JSON.parse(JSON.stringify(joint))).toEqual(joint);
    // The empty configuration's commit index survives JSON, where Infinity would become null.
    expect(JSON.parse(JSON.stringify({ i: COMMIT_ANY })).i).toBe(COMMIT_ANY);
  });

  it('the voters of a joint configuration are both halves, once each; outside a change, the incoming half itself', () => {
    expect(voterIds(jointConfig(c3, majorityConfig(['n5', 'n3', 'n4'])))).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(voterIds(jointConfig(c3))).toBe(c3);
    expect(voterIds(jointConfig([], c3))).toEqual(c3);
    expect(voterIds(c5)).toBe(c5);
  });
});

describe('committed index', () => {
  const cases: [string, QuorumConfig, Record<string, number>, number][] = [
    ['one voter', ['n1'], { n1: 3 }, 3],
    ['three, one ahead', c3, { n1: 5, n2: 0, n3: 0 }, 0],
    ['three, two ahead', c3, { n1: 5, n2: 4, n3: 0 }, 4],
    ['three, a voter that never acknowledged', c3, { n1: 5, n2: 4 }, 4],
    ['three, two never acknowledged', c3, { n1: 5 }, 0],
    ['four: three of four are needed', c4, { n1: 4, n2: 4, n3: 2, n4: 2 }, 2],
    ['four, three at the top', c4, { n1: 4, n2: 4, n3: 4, n4: 2 }, 4],
    ['five', c5, { n1: 11, n2: 9, n3: 4, n4: 12, n5: 7 }, 9],
    ['six: four of six are needed', c6, { n1: 1, n2: 2, n3: 3, n4: 4, n5: 5, n6: 6 }, 3],
    ['acknowledgements of non-voters do not count', c3, { n1: 9, n4: 9, n5: 9 }, 0],
    ['an empty configuration commits anything', [], {}, COMMIT_ANY],
    ['joint, empty outgoing half: the incoming half', jointConfig(c3), { n1: 5, n2: 4, n3: 0 }, 4],
    ['joint, empty incoming half: the outgoing half', jointConfig([], c3), { n1: 5, n2: 4, n3: 0 }, 4],
    ['joint, both halves empty', jointConfig([], []), {}, COMMIT_ANY],
    // n1, n2 are ahead: a majority of the old configuration, not of the new one.
    ['joint, overlapping halves: the smaller', jointConfig(c3, majorityConfig(['n3', 'n4', 'n5'])), { n1: 10, n2: 10, n3: 5, n4: 3, n5: 1 }, 3],
    ['joint, the new majority ahead of the old', jointConfig(c3, majorityConfig(['n3', 'n4', 'n5'])), { n1: 1, n2: 2, n3: 8, n4: 8, n5: 8 }, 2],
    ['joint, same voters in both halves', jointConfig(c3, c3), { n1: 7, n2: 6, n3: 1 }, 6],
  ];
  it.each(cases)('%s', (_, config, acks, expected) => {
    expect(committedIndex(config, ackedBy(acks))).toBe(expected);
  });

  /**
   * The definition, checked by brute force: the highest index x such that, in
   * each half, a majority of the voters acknowledged at least x.
   */
  function bruteCommitted(halves: readonly (readonly string[])[], acks: Record<string, number>): number {
    if (halves.every((h) => h.length === 0)) return COMMIT_ANY;
    const holds = (x: number) => halves.every((h) => h.length === 0 || h.filter((id) => (acks[id] ?? 0) >= x).length >= majority(h.length));
    let best = 0;
    for (const x of Object.values(acks)) if (x > best && holds(x)) best = x;
    return best;
  }

  it('agrees with the definition on every acknowledgement of 0..2 by five voters in two overlapping halves', () => {
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const incoming = majorityConfig(['n1', 'n2', 'n3']);
    const outgoing = majorityConfig(['n2', 'n3', 'n4', 'n5']);
    let checked = 0;
    for (let code = 0; code < 3 ** ids.length; code++) {
      const acks: Record<string, number> = {};
      ids.forEach((id, i) => (acks[id] = Math.floor(code / 3 ** i) % 3));
      expect(committedIndex(incoming, ackedBy(acks))).toBe(bruteCommitted([incoming], acks));
      expect(committedIndex(outgoing, ackedBy(acks))).toBe(bruteCommitted([outgoing], acks));
      expect(committedIndex(jointConfig(incoming, outgoing), ackedBy(acks))).toBe(bruteCommitted([incoming, outgoing], acks));
      checked++;
    }
    expect(checked).toBe(243);
  });

  it('the count-only form gives the majority-th largest value', () => {
    expect(quorumMatchIndex([11, 9, 4, 11, 12, 7, 3])).toBe(9);
    expect(quorumMatchIndex([4, 4, 2, 2])).toBe(2);
    expect(quorumMatchIndex([3])).toBe(3);
    expect(quorumMatchIndex([])).toBe(0);
  });
});

describe('vote results', () => {
  const y = true;
  const n = false;
  const cases: [string, QuorumConfig, Record<string, boolean>, VoteResult][] = [
    ['one voter, yes', ['n1'], { n1: y }, 'won'],
    ['one voter, no', ['n1'], { n1: n }, 'lost'],
    ['one voter, not yet', ['n1'], {}, 'pending'],
    ['three, two yes', c3, { n1: y, n2: y }, 'won'],
    ['three, one yes and the others to come', c3, { n1: y }, 'pending'],
    ['three, two no', c3, { n1: y, n2: n, n3: n }, 'lost'],
    ['four, two yes two no: a tie loses', c4, { n1: y, n2: y, n3: n, n4: n }, 'lost'],
    ['four, two yes one to come', c4, { n1: y, n2: y, n3: n }, 'pending'],
    ['four, three yes', c4, { n1: y, n2: y, n3: y, n4: n }, 'won'],
    ['five, two yes three no', c5, { n1: y, n2: y, n3: n, n4: n, n5: n }, 'lost'],
    ['five, two each and one to come', c5, { n1: y, n2: y, n3: n, n4: n }, 'pending'],
    ['votes of non-voters do not count', c3, { n1: y, n4: y, n5: y }, 'pending'],
    ['an id that is a property of every object is not a vote', ['constructor'], {}, 'pending'],
    ['an empty configuration: won', [], {}, 'won'],
    ['joint, empty outgoing half: the incoming half', jointConfig(c3), { n1: y, n2: y }, 'won'],
    ['joint, empty incoming half: the outgoing half', jointConfig([], c3), { n1: n, n2: n }, 'lost'],
    ['joint, both halves won', jointConfig(c3, majorityConfig(['n3', 'n4', 'n5'])), { n1: y, n3: y, n4: y }, 'won'],
    // A majority of the new configuration but not of the old: not yet.
    ['joint, new won and old pending', jointConfig(c3, majorityConfig(['n3', 'n4', 'n5'])), { n3: y, n4: y, n5: y }, 'pending'],
    // A majority of the old configuration, and the new one out of reach: lost.
    ['joint, old won and new lost', jointConfig(c3, majorityConfig(['n3', 'n4', 'n5'])), { n1: y, n2: y, n4: n, n5: n }, 'lost'],
    ['joint, overlapping, won only through the shared voters', jointConfig(c3, majorityConfig(['n2', 'n3', 'n4'])), { n2: y, n3: y }, 'won'],
    ['joint, overlapping, one half pending', jointConfig(c3, majorityConfig(['n2', 'n3', 'n4'])), { n1: y, n2: y }, 'pending'],
  ];
  it.each(cases)('%s', (_, config, votes, expected) => {
    expect(voteResult(config, votes)).toBe(expected);
  });

  /**
   * The definition, by brute force over the votes still to come: won if every
   * way they could go wins both halves, lost if none does, pending otherwise.
   */
  function bruteVote(halves: readonly (readonly string[])[], votes: Record<string, boolean>): VoteResult {
    const voters = [...new Set(halves.flat())];
    const missing = voters.filter((id) => !(id in votes));
    let wins = 0;
    for (let code = 0; code < 2 ** missing.length; code++) {
      const all = { ...votes };
      missing.forEach((id, i) => (all[id] = ((code >> i) & 1) === 1));
      if (halves.every((h) => h.length === 0 || h.filter((id) => all[id]).length >= majority(h.length))) wins++;
    }
    return wins === 2 ** missing.length ? 'won' : wins === 0 ? 'lost' : 'pending';
  }

  it('agrees with the definition on every yes, no or missing vote of five voters in two overlapping halves', () => {
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const incoming = majorityConfig(['n1', 'n2', 'n3', 'n4']);
    const outgoing = majorityConfig(['n3', 'n4', 'n5']);
    const seen = new Set<VoteResult>();
    for (let code = 0; code < 3 ** ids.length; code++) {
      const votes: Record<string, boolean> = {};
      ids.forEach((id, i) => {
        const v = Math.floor(code / 3 ** i) % 3;
        if (v < 2) votes[id] = v === 1;
      });
      expect(voteResult(incoming, votes)).toBe(bruteVote([incoming], votes));
      expect(voteResult(outgoing, votes)).toBe(bruteVote([outgoing], votes));
      const joint = voteResult(jointConfig(incoming, outgoing), votes);
      expect(joint).toBe(bruteVote([incoming, outgoing], votes));
      seen.add(joint);
    }
    expect([...seen].sort()).toEqual(['lost', 'pending', 'won']);
  });
});
