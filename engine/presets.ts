/**
 * Ready-made cluster states, as data. `figure7` is the Raft paper's Figure 7: the
 * moment before n1 (the leader-to-be of term 8) meets followers (a)-(f), whose logs
 * are missing entries, hold extra uncommitted ones, or both.
 */
import type { PresetName } from './scenario/ast.ts';
import type { LogEntry, NodeId, NodeState } from './types.ts';
import { createNode } from './raft/node.ts';
import { logOf } from './raft/log.ts';
import { rawEntry } from './raft/entry.ts';

interface PresetNode {
  /** Term of each entry, index 1 first. */
  readonly terms: readonly number[];
  readonly commitIndex: number;
}

interface Preset {
  readonly nodes: readonly PresetNode[];
  readonly currentTerm: number;
}

/** Paper Figure 7. Index 8 (term 6) is on n1, n2, n4 and n5, a majority of seven, hence commitIndex 8 there. */
const FIGURE7: Preset = {
  currentTerm: 7,
  nodes: [
    { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6], commitIndex: 8 }, // n1: leader-to-be of term 8
    { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6], commitIndex: 8 }, // n2 (a): missing entries
    { terms: [1, 1, 1, 4], commitIndex: 4 }, // n3 (b): missing entries
    { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6], commitIndex: 8 }, // n4 (c): an extra uncommitted entry
    { terms: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7], commitIndex: 8 }, // n5 (d): extra uncommitted entries
    { terms: [1, 1, 1, 4, 4, 4, 4], commitIndex: 5 }, // n6 (e): missing and extra
    { terms: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], commitIndex: 3 }, // n7 (f): leader of terms 2 and 3, committed nothing then
  ],
};

/** The variant etcd's probe_and_replicate interaction test builds: only n5 differs. */
const FIGURE7_ETCD: Preset = {
  ...FIGURE7,
  nodes: FIGURE7.nodes.map((n, i) => (i === 4 ? { terms: [1, 1, 1, 4, 4, 5, 5, 6, 7, 7, 7, 7], commitIndex: 8 } : n)),
};

const PRESET_TABLE: Record<PresetName, Preset> = { figure7: FIGURE7, 'figure7-etcd': FIGURE7_ETCD };

/**
 * An entry's value is derived from its index and term, so entries that the paper
 * draws as the same (same index, same term) are the same entry on every node.
 */
const entry = (index: number, term: number): LogEntry => rawEntry(term, `x${index}.${term}`);

export function presetNodes(name: PresetName): Record<NodeId, NodeState> {
  const p = PRESET_TABLE[name];
  const out: Record<NodeId, NodeState> = {};
  p.nodes.forEach((n, i) => {
    const id = `n${i + 1}`;
    const log = logOf(n.terms.map((t, j) => entry(j + 1, t)));
    out[id] = createNode(id, { currentTerm: p.currentTerm, votedFor: null, log, snapshot: null, config: null }, n.commitIndex);
  });
  return out;
}

export const presetSize = (name: PresetName): number => PRESET_TABLE[name].nodes.length;
