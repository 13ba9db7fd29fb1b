import { describe, expect, it } from 'vitest';
import { membership } from '../../engine/raft/configs.ts';
import { memberKindOf, membershipMatters, ringMembers, shownConfig } from './shownConfig.ts';
import { ackTally, countsToward, tallyShort, voteTally, watchedIndex } from './quorumTally.ts';
import { configWords, idList } from './configWords.ts';
import { membershipActions } from '../inspector/MembershipFacts.tsx';
import { hullPath } from '../geometry/hull.ts';

const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
const initial = membership(['n1', 'n2', 'n3']);
const joint = membership(['n3', 'n4', 'n5'], ['n1', 'n2', 'n3']);

describe('which configuration the page draws (§6)', () => {
  const configs = {
    n1: { config: initial, index: 0 },
    n2: { config: joint, index: 7 },
    n3: { config: membership(['n1', 'n2', 'n3'], [], ['n4', 'n5']), index: 5 },
    n4: { config: initial, index: 0 },
    n5: { config: initial, index: 0 },
  };

  it("draws the leader's configuration, and with no leader the newest any node holds", () => {
    expect(shownConfig(ids, 'n3', configs)).toMatchObject({ node: 'n3', source: 'leader', index: 5 });
    expect(shownConfig(ids, null, configs)).toMatchObject({ node: 'n2', source: 'newest', config: joint });
  });

  it("says what each node is in the leader's configuration, or with no leader in its own", () => {
    expect(memberKindOf('n4', 'n3', configs)).toBe('learner');
    expect(memberKindOf('n4', null, configs)).toBe('none');
    expect(memberKindOf('n5', 'n2', configs)).toBe('voter');
    expect(memberKindOf('n1', 'n1', configs)).toBe('voter');
  });

  it('puts every server of the configuration on the ring, learners too', () => {
    expect(ringMembers(ids, shownConfig(ids, 'n3', configs))).toEqual(ids);
    expect(ringMembers(ids, shownConfig(ids, 'n1', configs))).toEqual(['n1', 'n2', 'n3']);
  });

  it('has a story to tell only when someone is not a plain voter, or a configuration came from the log', () => {
    const plain = Object.fromEntries(ids.map((id) => [id, { config: membership(ids), index: 0 }]));
    expect(membershipMatters(ids, plain)).toBe(false);
    expect(membershipMatters(ids, { ...plain, n1: { config: membership(ids), index: 4 } })).toBe(true);
    expect(membershipMatters(ids, { ...plain, n1: { config: initial, index: 0 } })).toBe(true);
  });
});

describe('tallies per half', () => {
  it('counts votes in both halves while joint; a server in both counts in both', () => {
    const halves = voteTally(joint, { n3: true, n1: true, n5: false });
    expect(halves.map((h) => [h.half, h.yes, h.needed, h.reached])).toEqual([
      ['old', 2, 2, true],
      ['new', 1, 2, false],
    ]);
    expect(tallyShort(halves)).toBe('old 2/3 ✓ · new 1/3');
    expect(tallyShort(voteTally(initial, { n1: true }))).toBe('1/3');
  });

  it('counts who holds an entry: the leader by its log, the others by matchIndex', () => {
    const match = { n1: { match: 7 }, n2: { match: 3 }, n3: { match: 7 }, n4: { match: 6 }, n5: { match: 2 } };
    const halves = ackTally(joint, 'n2', 7, match, 7);
    expect(halves.map((h) => h.yes)).toEqual([3, 1]);
    expect(halves.map((h) => h.reached)).toEqual([true, false]);
  });

  it('watches the first uncommitted entry, or the last when all are committed', () => {
    expect(watchedIndex(4, 7)).toBe(5);
    expect(watchedIndex(7, 7)).toBe(7);
    expect(watchedIndex(0, 0)).toBeNull();
  });

  it('says which majority a server counts toward', () => {
    expect(countsToward(joint, 'n3')).toEqual(['old', 'new']);
    expect(countsToward(joint, 'n1')).toEqual(['old']);
    expect(countsToward(membership(['n1'], [], ['n2']), 'n2')).toEqual([]);
  });
});

describe('a configuration in words', () => {
  it('lists voters, both halves while joint, and learners', () => {
    expect(idList(['n1', 'n2', 'n3'])).toBe('n1, n2 and n3');
    expect(configWords(initial)).toBe('voters n1, n2 and n3');
    expect(configWords(joint)).toBe('joint: old n1, n2 and n3 → new n3, n4 and n5; every decision needs a majority of each');
    expect(configWords(membership(['n1'], [], ['n4']))).toBe('voters n1; learner n4 (copying the log, not voting yet)');
  });
});

describe('membership actions in the node inspector', () => {
  it('offers add for a non-member, remove for a member, transfer for a voter other than the leader', () => {
    const kinds = (member: 'voter' | 'learner' | 'none', id = 'n4') => membershipActions({ id, member, leader: 'n1', busy: null }).map((a) => [a.testId, a.enabled]);
    expect(kinds('none')).toEqual([['action-add', true]]);
    expect(kinds('learner')).toEqual([['action-remove', true]]);
    expect(kinds('voter')).toEqual([
      ['action-remove', true],
      ['action-transfer', true],
    ]);
    expect(kinds('voter', 'n1')).toEqual([['action-remove', true]]);
  });

  it('disables them with the reason when there is no leader, or it is busy with a change', () => {
    const none = membershipActions({ id: 'n4', member: 'none', leader: null, busy: null });
    expect(none[0].enabled).toBe(false);
    expect(none[0].title).toContain('No leader');
    const busy = membershipActions({ id: 'n2', member: 'voter', leader: 'n1', busy: 'add n4' });
    expect(busy.every((a) => !a.enabled && a.title.includes('add n4'))).toBe(true);
  });
});

describe('hullPath', () => {
  it('draws a closed outline with one rounded corner per node', () => {
    const d = hullPath([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 50, y: 80 }], 10);
    expect(d.startsWith('M')).toBe(true);
    expect(d.trim().endsWith('Z')).toBe(true);
    expect(d.match(/A/g)).toHaveLength(3);
    expect(hullPath([], 10)).toBe('');
    expect(hullPath([{ x: 5, y: 5 }], 10).match(/a/g)).toHaveLength(2);
  });
});
