/**
 * The configuration a node uses, read from what the page holds (§6): the latest
 * configuration entry in its log, committed or not; else its snapshot's; else
 * the cluster's initial one (`members=`, or every node). The same answer as the
 * engine's configOf (engine/raft/membership.ts), which keeps it beside the log;
 * the page has only the log, so it is searched, from the end, on hover.
 */
import type { Membership, NodeId } from '../../engine/types.ts';
import { membership } from '../../engine/raft/configs.ts';
import type { WhyWorld } from './whyWorld.ts';

export function nodeConfig(w: Pick<WhyWorld, 'ids' | 'logs' | 'snapshots' | 'config'>, id: NodeId): Membership {
  const entries = w.logs[id]?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.kind === 'config') return e.config;
  }
  return w.snapshots[id]?.config ?? membership(w.config.members ?? w.ids);
}
