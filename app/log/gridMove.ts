/**
 * Arrow-key movement through the log grid (rows = nodes, columns = indexes), as
 * the WAI-ARIA grid pattern has it: ← → along a node's log, ↑ ↓ to the same
 * index on the next node that has entries (or its last entry if its log is
 * shorter), Home and End to the ends of the row. Pure: LogView focuses the cell.
 */
import type { NodeId } from '../../engine/types.ts';

export interface GridCell {
  readonly node: NodeId;
  readonly index: number;
}

/** Where `key` moves focus from `at`; null when the key is not a grid key or there is nowhere to go. */
export function gridMove(key: string, at: GridCell, ids: readonly NodeId[], lengthOf: (id: NodeId) => number): GridCell | null {
  const length = lengthOf(at.node);
  const stay = (index: number): GridCell | null => (index >= 1 && index <= length && index !== at.index ? { node: at.node, index } : null);
  switch (key) {
    case 'ArrowLeft':
      return stay(at.index - 1);
    case 'ArrowRight':
      return stay(at.index + 1);
    case 'Home':
      return stay(1);
    case 'End':
      return stay(length);
    case 'ArrowUp':
    case 'ArrowDown': {
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let row = ids.indexOf(at.node) + step; row >= 0 && row < ids.length; row += step) {
        const n = lengthOf(ids[row]);
        if (n > 0) return { node: ids[row], index: Math.min(at.index, n) };
      }
      return null;
    }
    default:
      return null;
  }
}

/** The keys the grid takes for itself; the page's shortcuts leave them alone inside it. */
export const GRID_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
