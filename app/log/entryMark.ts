/**
 * The small mark a log cell wears beside its term (which stays the main mark):
 * what kind of entry it is, in the letters the client request glyph uses
 * (P put, A append, G get), `·` for a leader's no-op (§8), nothing for a raw
 * value, C for a configuration (§6) and J for a joint one (C_old,new). A 30-pixel cell has room for a letter, not for `c1#3 append x a`;
 * the whole text is in the cell's accessible name, its `data-text` and its
 * hover explanation.
 */
import type { LogEntry } from '../../engine/types.ts';

export function entryMark(e: LogEntry): string {
  switch (e.kind) {
    case 'noop':
      return '·';
    case 'raw':
      return '';
    case 'command':
      return e.op.kind[0].toUpperCase();
    case 'config':
      return e.config.outgoing.length > 0 ? 'J' : 'C';
  }
}
