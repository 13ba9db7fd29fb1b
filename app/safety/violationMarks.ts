/**
 * What the cluster and log views highlight for the violations shown: the nodes
 * involved, and on each of them the log index involved. Pure; memoized by the
 * violations list, which the store keeps by reference while it is unchanged.
 */
import type { NodeId } from '../../engine/types.ts';
import type { ViolationView } from '../worker/viewModel.ts';

export interface ViolationMarks {
  readonly nodes: ReadonlySet<NodeId>;
  /** Per node, the log indexes to mark, ascending. */
  readonly entries: Readonly<Record<NodeId, readonly number[]>>;
}

export const NO_INDEXES: readonly number[] = [];

/** A pure memo table, not state: the marks of a list of violations never change, and a list no longer held is let go. */
const cache = new WeakMap<readonly ViolationView[], ViolationMarks>();

export function violationMarks(violations: readonly ViolationView[]): ViolationMarks {
  const known = cache.get(violations);
  if (known !== undefined) return known;
  const nodes = new Set<NodeId>();
  const entries: Record<NodeId, number[]> = {};
  for (const v of violations) {
    for (const id of v.nodes) {
      nodes.add(id);
      if (v.index === null) continue;
      const list = (entries[id] ??= []);
      if (!list.includes(v.index)) list.push(v.index);
    }
  }
  for (const list of Object.values(entries)) list.sort((a, b) => a - b);
  const marks = { nodes, entries };
  cache.set(violations, marks);
  return marks;
}
