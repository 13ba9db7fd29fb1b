import { describe, expect, it } from 'vitest';
import type { Log } from '../../engine/types.ts';
import { applyLogDelta } from './logDeltas.ts';

/** A delta as the page receives it: a structured clone, so its entries are new objects every time. */
const cloned = <T>(x: T): T => structuredClone(x);

describe('applying log deltas on the page', () => {
  it('holds an entry the nodes have in common once, as the peer that had it first holds it', () => {
    const leader = applyLogDelta([], cloned({ node: 'n1', from: 0, entries: [{ term: 1, kind: 'raw' as const, value: 'a' }, { term: 1, kind: 'raw' as const, value: 'b' }] }));
    const follower = applyLogDelta([], cloned({ node: 'n2', from: 0, entries: [{ term: 1, kind: 'raw' as const, value: 'a' }, { term: 1, kind: 'raw' as const, value: 'b' }] }), [leader]);
    expect(follower).toEqual(leader);
    expect(follower[0]).toBe(leader[0]);
    expect(follower[1]).toBe(leader[1]);
  });

  it('keeps its own entry where the peers differ (another term, another value, or none there)', () => {
    const peer: Log = [{ term: 1, kind: 'raw' as const, value: 'a' }, { term: 2, kind: 'raw' as const, value: 'b' }];
    const mine = applyLogDelta([{ term: 1, kind: 'raw' as const, value: 'a' }], cloned({ node: 'n3', from: 1, entries: [{ term: 3, kind: 'raw' as const, value: 'b' }, { term: 3, kind: 'raw' as const, value: 'c' }] }), [peer]);
    expect(mine).toEqual([{ term: 1, kind: 'raw' as const, value: 'a' }, { term: 3, kind: 'raw' as const, value: 'b' }, { term: 3, kind: 'raw' as const, value: 'c' }]);
    expect(mine[1]).not.toBe(peer[1]);
    const other = applyLogDelta([], cloned({ node: 'n4', from: 0, entries: [{ term: 1, kind: 'raw' as const, value: 'z' }] }), [peer]);
    expect(other[0]).not.toBe(peer[0]);
    expect(other).toEqual([{ term: 1, kind: 'raw' as const, value: 'z' }]);
  });

  it('cuts a log back where the delta says, and leaves an unchanged one as it was', () => {
    const have: Log = [{ term: 1, kind: 'raw' as const, value: 'a' }, { term: 1, kind: 'raw' as const, value: 'b' }];
    expect(applyLogDelta(have, { node: 'n1', from: 1, entries: [] })).toEqual([{ term: 1, kind: 'raw' as const, value: 'a' }]);
    expect(applyLogDelta(have, { node: 'n1', from: 2, entries: [] })).toBe(have);
  });
});
