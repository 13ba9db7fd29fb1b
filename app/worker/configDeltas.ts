/**
 * Sends each node's configuration (§6) only when it changed. Configurations
 * change rarely (a membership change appends three entries at most), so most
 * snapshots carry none. A node's configuration is the latest in its log, or its
 * snapshot's, or the cluster's initial one (engine/raft/membership.ts); the
 * engine keeps it beside the log (`PersistentState.config`), so "unchanged" is an
 * identity test on that record, as for logs and machines. It is persistent: a
 * crashed node keeps it.
 */
import type { ClusterConfig, LoggedConfig, Membership, NodeId, PersistentState } from '../../engine/types.ts';
import { configOf } from '../../engine/raft/membership.ts';
import { initialConfig } from '../../engine/sim/simulator.ts';
import type { ConfigDelta } from './viewModel.ts';

export class ConfigDeltas {
  /** What the page was sent for each node: the engine's record (null = the initial configuration) and that initial one. */
  private sent = new Map<NodeId, { readonly logged: LoggedConfig | null; readonly bootstrap: Membership }>();
  /** The initial configuration of the cluster config last seen: one object per cluster, so the identity test holds. */
  private bootstrap: { readonly of: ClusterConfig; readonly ids: readonly NodeId[]; readonly config: Membership } | null = null;

  reset(): void {
    this.sent.clear();
  }

  /** The configuration to send for `id`, or null if the page has this one. */
  delta(id: NodeId, persistent: PersistentState, cluster: ClusterConfig, ids: readonly NodeId[]): ConfigDelta | null {
    const bootstrap = this.initial(cluster, ids);
    const logged = persistent.config;
    const prev = this.sent.get(id);
    if (prev !== undefined && prev.logged === logged && (logged !== null || prev.bootstrap === bootstrap)) return null;
    this.sent.set(id, { logged, bootstrap });
    return { node: id, config: configOf({ persistent }, { bootstrap }), index: logged?.index ?? 0 };
  }

  private initial(cluster: ClusterConfig, ids: readonly NodeId[]): Membership {
    const b = this.bootstrap;
    if (b !== null && b.of === cluster && b.ids === ids) return b.config;
    const config = initialConfig(cluster, ids);
    this.bootstrap = { of: cluster, ids, config };
    return config;
  }
}
