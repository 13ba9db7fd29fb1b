/**
 * Every keyboard shortcut, in the words the help overlay shows. The letters
 * follow RaftScope, the visualizer on the Raft website, where it has one:
 * Space, c, r, t and a do what its users expect.
 */
export interface Shortcut {
  readonly keys: readonly string[];
  readonly does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Space'], does: 'Play or pause' },
  { keys: ['→'], does: 'One event on (replayed, when looking at the past)' },
  { keys: ['←'], does: 'One event back' },
  { keys: ['End'], does: 'Back to the live end of the run' },
  { keys: ['c'], does: 'A client request to the leader (with clients: c1 puts a new value under key k)' },
  { keys: ['r'], does: 'Restart the leader: it crashes and comes back at once' },
  { keys: ['t'], does: 'Spread the election timers out, one after another (timers spread)' },
  { keys: ['a'], does: 'Align the election timers, so a split vote is likely (timers align)' },
  { keys: ['Ctrl', 'Z'], does: 'Undo a change of the past, a reset or a loaded script' },
  { keys: ['Ctrl', 'Shift', 'Z'], does: 'Redo (also Ctrl+Y)' },
  { keys: ['?'], does: 'Show or hide this list' },
  { keys: ['Esc'], does: 'Close a menu, an explanation or this list' },
];
