import { describe, expect, it } from 'vitest';
import type { DrawnRole } from '../worker/viewModel.ts';
import { announcement, networkGroups, type ClusterFacts } from './announcement.ts';

const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];

/** Five nodes at term `term`, every one a follower unless told otherwise. */
function facts(term: number, roles: Partial<Record<string, DrawnRole>> = {}, cuts: string[] = [], terms: Record<string, number> = {}): ClusterFacts {
  const r: Record<string, DrawnRole> = {};
  const t: Record<string, number> = {};
  for (const id of ids) {
    r[id] = roles[id] ?? 'follower';
    t[id] = terms[id] ?? term;
  }
  const leader = ids.filter((id) => r[id] === 'leader').sort((a, b) => t[b] - t[a])[0] ?? null;
  return { ids, roles: r, terms: t, leader, cuts: [...cuts].sort() };
}

describe('announcement', () => {
  it('describes a new run whole', () => {
    expect(announcement(null, facts(1))).toBe('A cluster of 5 nodes. No leader.');
    expect(announcement(null, facts(8, { n1: 'leader', n4: 'down' }, ['n1-n2']))).toBe(
      'A cluster of 5 nodes. n1 is leader of term 8. n4 is crashed. Cut: n1–n2.',
    );
  });

  it('a new leader, and its term', () => {
    expect(announcement(facts(3, { n2: 'candidate' }), facts(3, { n2: 'leader' }))).toBe('n2 is now leader of term 3.');
    // The same node leading a later term is news too.
    expect(announcement(facts(3, { n2: 'leader' }), facts(4, { n2: 'leader' }))).toBe('n2 is now leader of term 4.');
  });

  it('a leader crashing, and coming back', () => {
    const led = facts(3, { n2: 'leader' });
    const crashed = facts(3, { n2: 'down' });
    expect(announcement(led, crashed)).toBe('n2 crashed. No leader.');
    expect(announcement(crashed, facts(3))).toBe('n2 restarted.');
  });

  it('a leader stepping down', () => {
    expect(announcement(facts(3, { n2: 'leader' }), facts(4, {}))).toBe('n2 is no longer leader. No leader.');
  });

  it('an election under way: who is campaigning, while nobody leads', () => {
    expect(announcement(facts(3), facts(3, { n4: 'candidate' }, [], { n4: 4 }))).toBe('n4 is campaigning.');
    expect(announcement(facts(3), facts(3, { n4: 'candidate', n5: 'candidate' }))).toBe('n4 and n5 are campaigning.');
    // Campaigning again, at a higher term, is not news.
    expect(announcement(facts(3, { n4: 'candidate' }, [], { n4: 4 }), facts(3, { n4: 'candidate' }, [], { n4: 5 }))).toBeNull();
    // A candidate while a leader is in place is a stranded node, not an election: nothing to say.
    expect(announcement(facts(3, { n1: 'leader' }), facts(3, { n1: 'leader', n4: 'candidate' }))).toBeNull();
  });

  it('says nothing when nothing important changed, or a change undid itself', () => {
    expect(announcement(facts(3, { n1: 'leader' }), facts(3, { n1: 'leader' }))).toBeNull();
    expect(announcement(facts(3), facts(3, {}, [], { n2: 4 }))).toBeNull();
  });

  it('links cut and restored, and a partition by its sides', () => {
    const whole = facts(3, { n1: 'leader' });
    expect(announcement(whole, facts(3, { n1: 'leader' }, ['n1-n2']))).toBe('Link n1–n2 cut.');
    expect(announcement(facts(3, { n1: 'leader' }, ['n1-n2', 'n1-n3']), whole)).toBe('Links n1–n2 and n1–n3 restored.');
    const split = ['n1-n3', 'n1-n4', 'n1-n5', 'n2-n3', 'n2-n4', 'n2-n5'];
    expect(announcement(whole, facts(3, { n1: 'leader' }, split))).toBe('The network is split: n1 and n2 | n3, n4 and n5.');
    expect(announcement(facts(3, { n1: 'leader' }, split), whole)).toBe('The network is whole again.');
  });

  it('several changes at once, in one announcement', () => {
    expect(announcement(facts(3, { n1: 'leader' }), facts(4, { n1: 'down', n3: 'leader' }))).toBe('n1 crashed. n3 is now leader of term 4.');
  });
});

describe('networkGroups', () => {
  it('groups nodes that still reach each other, directly or through another node', () => {
    expect(networkGroups(ids, [])).toEqual([ids]);
    // n1 loses its direct link to n2, but reaches it through n3.
    expect(networkGroups(ids, ['n1-n2'])).toEqual([ids]);
    expect(networkGroups(ids, ['n1-n2', 'n1-n3', 'n1-n4', 'n1-n5'])).toEqual([['n1'], ['n2', 'n3', 'n4', 'n5']]);
  });

  it('says when the configuration drawn changes (§6), and describes it in a new run', () => {
    const joint = { ...facts(1, { n2: 'leader' }), config: 'joint: old n1, n2 and n3 → new n3, n4 and n5; every decision needs a majority of each' };
    const plain = { ...facts(1, { n2: 'leader' }), config: 'voters n1, n2 and n3' };
    expect(announcement(plain, joint)).toBe(`The configuration is now: ${joint.config}.`);
    expect(announcement(plain, plain)).toBeNull();
    expect(announcement(null, plain)).toBe('A cluster of 5 nodes. n2 is leader of term 1. Configuration: voters n1, n2 and n3.');
  });
});
