import { describe, expect, it } from 'vitest';
import { inLease } from '../raft/lease.ts';

describe('the vote lease (thesis §9.6)', () => {
  it('holds for strictly less than the minimum election timeout after hearing from the leader', () => {
    expect(inLease(1000, 1000, 100)).toBe(true);
    expect(inLease(1000, 1099, 100)).toBe(true);
    expect(inLease(1000, 1100, 100)).toBe(false);
    expect(inLease(1000, 5000, 100)).toBe(false);
  });

  it('never holds for a node that has heard from no leader', () => {
    expect(inLease(null, 0, 100)).toBe(false);
    expect(inLease(null, 50, 100)).toBe(false);
  });
});
