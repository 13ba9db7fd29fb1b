/**
 * Arrow-key movement through the log grid (rows = nodes, columns = indexes), as
 * the WAI-ARIA grid pattern has it: ← → along a node's log, ↑ ↓ to the same
 * index on the next node that has entries (or its last entry if its log is
 * shorter), Home and End to the ends of the row. Pure: LogView focuses the cell.
 * A row whose log starts after a snapshot (§7) begins with the snapshot's
 * block, which stands at the snapshot's last index (`startOf`): the indexes
 * below it are in the block, and a move to one of them lands on it.
 */
import type { NodeId } from '../../engine/types.ts';

export interface GridCell {
  readonly node: NodeId;
  readonly index: number;
}

/** Where `key` moves focus from `at`; null when the key is not a grid key or there is nowhere to go. */
export function gridMove(
  key: string,
  at: GridCell,
  ids: readonly NodeId[],
  lengthOf: (id: NodeId) => number,
  startOf: (id: NodeId) => number = () => 0,
): GridCell | null {
  const length = lengthOf(at.node);
  // The first stop of a row: its snapshot's block, or its first entry.
  const low = (id: NodeId): number => Math.max(1, startOf(id));
  const stay = (index: number): GridCell | null => (index >= low(at.node) && index <= length && index !== at.index ? { node: at.node, index } : null);
  switch (key) {
    case 'ArrowLeft':
      return stay(at.index - 1);
    case 'ArrowRight':
      return stay(at.index + 1);
    case 'Home':
      return stay(low(at.node));
    case 'End':
      return stay(length);
    case 'ArrowUp':
    case 'ArrowDown': {
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let row = ids.indexOf(at.node) + step; row >= 0 && row < ids.length; row += step) {
        const n = lengthOf(ids[row]);
        if (n > 0) return { node: ids[row], index: Math.max(low(ids[row]), Math.min(at.index, n)) };
      }
      return null;
    }
    default:
      return null;
  }
}

/** The keys the grid takes for itself; the page's shortcuts leave them alone inside it. */
export const GRID_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
