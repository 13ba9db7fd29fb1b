/**
 * Figure 7 repair, counted. The expected numbers are the reference table for the
 * etcd variant of Figure 7: rejected AppendEntries per follower n2..n7.
 */
import { describe, expect, it } from 'vitest';
import { runText, terms } from './helpers.ts';
import type { LeaderState } from '../types.ts';

function repair(preset: string, probe: 'fast' | 'naive') {
  const { cluster, failure } = runText(`cluster nodes=7 probe=${probe}\npreset ${preset}\ncampaign n1\nstabilize`);
  expect(failure).toBeNull();
  const leader = cluster.nodes.n1.volatile as LeaderState;
  expect(leader.role).toBe('leader');
  const perFollower = ['n2', 'n3', 'n4', 'n5', 'n6', 'n7'].map((id) => leader.progress[id].rejections);
  return { cluster, perFollower, total: cluster.stats.rejections };
}

describe('probing on Figure 7', () => {
  it('fast probing needs one rejection per divergent follower (etcd variant: 1 1 0 1 1 1)', () => {
    const { perFollower, total } = repair('figure7-etcd', 'fast');
    expect(perFollower).toEqual([1, 1, 0, 1, 1, 1]);
    expect(total).toBe(5);
  });

  it('naive probing steps back one index per rejection (etcd variant: 1 6 0 2 5 7)', () => {
    const { perFollower, total } = repair('figure7-etcd', 'naive');
    expect(perFollower).toEqual([1, 6, 0, 2, 5, 7]);
    expect(total).toBe(21);
  });

  it('naive probing costs more rejections than fast on the paper\'s Figure 7, and both repair every log', () => {
    const fast = repair('figure7', 'fast');
    const naive = repair('figure7', 'naive');
    expect(naive.total).toBeGreaterThan(fast.total);
    for (const r of [fast, naive]) {
      for (const id of r.cluster.ids) expect(terms(r.cluster, id)).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8]);
    }
  });

  it('the election goes as the paper says: n2, n3, n6, n7 grant; n4, n5 refuse', () => {
    const { records } = runText('preset figure7\ncampaign n1\nstabilize');
    const granted = records.filter((r) => r.type === 'voteGranted').map((r) => r.node).sort();
    const refused = records.filter((r) => r.type === 'voteRefused').map((r) => r.node).sort();
    expect(granted).toEqual(['n2', 'n3', 'n6', 'n7']);
    expect(refused).toEqual(['n4', 'n5']);
  });
});
