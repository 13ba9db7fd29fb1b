/**
 * The term/role history behind the timeline: per node, a list of spans
 * (role, term, since when). The engine keeps no history, so the worker builds it
 * from what it sees: after every record that names a node, and after every
 * command, it compares each node with the last span of its lane.
 */
import type { ClusterState } from '../../engine/sim/cluster.ts';
import type { NodeId, NodeState } from '../../engine/types.ts';
import { HISTORY_LIMIT, type DrawnRole, type RoleSpan } from './viewModel.ts';

export const drawnRole = (n: NodeState): DrawnRole => n.volatile?.role ?? 'down';

export class RoleHistory {
  private lanes = new Map<NodeId, RoleSpan[]>();
  private changed = new Set<NodeId>();

  /** Start over for a new cluster: one span per node, from the cluster's current time. */
  reset(s: ClusterState): void {
    this.lanes.clear();
    this.changed.clear();
    for (const id of s.ids) {
      const n = s.nodes[id];
      this.lanes.set(id, [{ start: s.time, role: drawnRole(n), term: n.persistent.currentTerm }]);
      this.changed.add(id);
    }
  }

  /** Note the node's state at `time`; opens a new span if its role or term changed. */
  observe(n: NodeState, time: number): void {
    const lane = this.lanes.get(n.id);
    if (lane === undefined) return;
    const last = lane[lane.length - 1];
    const role = drawnRole(n);
    const term = n.persistent.currentTerm;
    if (last.role === role && last.term === term) return;
    // Several changes at one instant (a follower that times out at once) leave only the last.
    if (last.start === time) lane.pop();
    const prev = lane[lane.length - 1];
    if (prev === undefined || prev.role !== role || prev.term !== term) lane.push({ start: time, role, term });
    if (lane.length > HISTORY_LIMIT) lane.splice(0, lane.length - HISTORY_LIMIT);
    this.changed.add(n.id);
  }

  /** Catch anything no record announced. */
  sweep(s: ClusterState): void {
    for (const id of s.ids) this.observe(s.nodes[id], s.time);
  }

  /** An independent copy (spans are immutable, so only the lanes are copied). */
  clone(): RoleHistory {
    const c = new RoleHistory();
    for (const [id, lane] of this.lanes) c.lanes.set(id, lane.slice());
    for (const id of this.lanes.keys()) c.changed.add(id);
    return c;
  }

  /** Forget everything after `time`: the run was cut there. Call `sweep` next, for the state at the cut. */
  truncate(time: number): void {
    for (const [id, lane] of this.lanes) {
      const keep = lane.filter((span, i) => i === 0 || span.start <= time);
      if (keep.length !== lane.length) {
        this.lanes.set(id, keep);
        this.changed.add(id);
      }
    }
  }

  /** Every lane goes out with the next `take`, as after `reset`. */
  touchAll(): void {
    for (const id of this.lanes.keys()) this.changed.add(id);
  }

  /** The lanes that changed since the last call (all of them with `all`), copied. */
  take(all = false): Record<NodeId, RoleSpan[]> {
    const out: Record<NodeId, RoleSpan[]> = {};
    for (const [id, lane] of this.lanes) if (all || this.changed.has(id)) out[id] = lane.slice();
    this.changed.clear();
    return out;
  }
}
