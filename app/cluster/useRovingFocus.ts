/**
 * A roving tab stop: a group of many small controls (the links of the cluster,
 * the messages in flight) takes one place in the Tab order, and the arrow keys,
 * Home and End move between its members. A 9-node cluster has 36 links; Tab
 * should not have to walk through all of them to reach the nodes.
 *
 * Members carry `data-roving="<key>"`; the member whose key is `stop` has
 * tabIndex 0, the others -1. The stop follows focus, so Tab comes back to the
 * member last used; a stop that left the group (a delivered message) falls
 * back to the first member.
 */
import { useState, type FocusEvent, type KeyboardEvent } from 'react';

/** Marks an element whose arrow keys move focus within it, not the simulation (useKeyboardShortcuts). */
export const ARROW_KEYS_ATTR = 'data-arrow-keys';

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, n) => (at + 1) % n,
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowLeft: (at, n) => (at - 1 + n) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

const keyOf = (el: EventTarget | null): string | null => (el instanceof Element ? el.getAttribute('data-roving') : null);

export interface RovingFocus {
  /** The key of the member in the Tab order, or null for an empty group. */
  readonly stop: string | null;
  /** Spread on the group's element. */
  readonly groupProps: {
    readonly [ARROW_KEYS_ATTR]: true;
    readonly onFocus: (e: FocusEvent<Element>) => void;
    readonly onKeyDown: (e: KeyboardEvent<Element>) => void;
  };
}

export function useRovingFocus(keys: readonly string[]): RovingFocus {
  const [chosen, setChosen] = useState<string | null>(null);
  const stop = chosen !== null && keys.includes(chosen) ? chosen : (keys[0] ?? null);
  return {
    stop,
    groupProps: {
      [ARROW_KEYS_ATTR]: true,
      onFocus: (e) => {
        const key = keyOf(e.target);
        if (key !== null) setChosen(key);
      },
      onKeyDown: (e) => {
        const move = MOVES[e.key];
        const key = keyOf(e.target);
        if (move === undefined || key === null) return;
        const members = Array.from(e.currentTarget.querySelectorAll<SVGElement | HTMLElement>('[data-roving]'));
        const at = members.findIndex((m) => m.getAttribute('data-roving') === key);
        if (at < 0) return;
        e.preventDefault();
        members[move(at, members.length)].focus();
      },
    },
  };
}
