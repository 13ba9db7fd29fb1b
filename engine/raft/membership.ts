/**
 * Configurations (§6): which one a node uses, and how it follows its log.
 *
 * A server uses the latest configuration in its log, committed or not (§6); if
 * its log holds none, its snapshot's (§7); if it has no snapshot either, the
 * cluster's initial one (`members=`, NodeContext.bootstrap). The node keeps
 * that answer beside its log (`PersistentState.config`) and updates it here
 * whenever its log changes, so that no rule has to search the log for it.
 */
import type { LoggedConfig, Membership, PersistentState, StoredLog, UpNode } from '../types.ts';
import type { NodeContext } from './context.ts';
import { entryAt, lastIndex } from './log.ts';
import { votesIn } from './configs.ts';

/** The configuration `node` uses now. */
export const configOf = (node: { readonly persistent: PersistentState }, ctx: Pick<NodeContext, 'bootstrap'>): Membership => node.persistent.config?.config ?? ctx.bootstrap;

/**
 * The latest configuration entry of `log` at or below `from` and above `downTo`
 * (both indexes), or null. Scans backwards, so the cost is the distance to it.
 */
function latestIn(log: StoredLog, from: number, downTo: number): LoggedConfig | null {
  for (let i = from; i > downTo && i > log.start; i--) {
    const e = entryAt(log, i)!;
    if (e.kind === 'config') return { config: e.config, index: i };
  }
  return null;
}

/** The configuration a node had with no entry in its log after the snapshot: the snapshot's, or the initial one (null). */
const fromSnapshot = (p: Pick<PersistentState, 'snapshot'>): LoggedConfig | null =>
  p.snapshot === null ? null : { config: p.snapshot.config, index: p.snapshot.index };

/**
 * The node's configuration after its log became `log`, the same as before
 * below index `changedFrom` (a truncation point, or the old end + 1 for a
 * plain append). Only the changed part is searched, unless the configuration
 * in use was itself cut off: then the log below is searched for the one before.
 */
export function configAfterChange(p: PersistentState, log: StoredLog, changedFrom: number): LoggedConfig | null {
  const last = lastIndex(log);
  const found = latestIn(log, last, changedFrom - 1);
  if (found !== null) return found;
  const current = p.config;
  if (current === null || current.index < changedFrom) return current;
  return latestIn(log, changedFrom - 1, log.start) ?? fromSnapshot(p);
}

/**
 * The configuration in force at `index` of the node's log (a snapshot records
 * this one: §7, "the latest configuration as of the last included index"), or
 * the initial one. `index` must be at or above the log's start.
 */
export function configAt(p: PersistentState, index: number, bootstrap: Membership): Membership {
  const current = p.config;
  if (current !== null && current.index <= index) return current.config;
  return (latestIn(p.log, index, p.log.start) ?? fromSnapshot(p))?.config ?? bootstrap;
}

/**
 * Whether `node` may start an election. A voter of its configuration may. So
 * may a server its latest configuration leaves out while that configuration is
 * not yet committed, if it voted in the one before (thesis §4.2.2: it "should
 * still start new elections", since it may be needed until C_new commits; a
 * leader that removed itself may be the only server holding C_new). Nobody
 * else: learners and servers outside the configuration cannot win.
 */
export function mayCampaign(node: UpNode, ctx: Pick<NodeContext, 'bootstrap'>): boolean {
  const config = configOf(node, ctx);
  if (votesIn(config, node.id)) return true;
  const logged = node.persistent.config;
  if (logged === null || logged.index <= node.volatile.commitIndex) return false;
  return votesIn(configAt(node.persistent, logged.index - 1, ctx.bootstrap), node.id);
}
