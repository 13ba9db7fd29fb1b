/**
 * Chosen from the keyboard (Enter on a focused node or message), an inspector
 * takes the focus, so its actions are the next Tab away rather than at the far
 * end of the page; closing it (its ✕, or Escape inside it) gives the focus back
 * to what was chosen. A click leaves the focus where it is: the pointer does
 * not need it moved.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useSession } from '../session/useSession.ts';

/**
 * Destructure it where it is used (`const { ref, close, onKeyDown } = ...`): passed around
 * as one object holding a ref, its handlers read in render look like ref reads to React's
 * rules of hooks.
 */
export interface FocusHandoff<T extends HTMLElement> {
  /** On the inspector's element, which needs tabIndex -1. */
  readonly ref: RefObject<T | null>;
  /** Clears the selection, and puts the focus back if the inspector had taken it. */
  readonly close: () => void;
  /** On the inspector's element: Escape closes. */
  readonly onKeyDown: (e: KeyboardEvent) => void;
}

export function useFocusHandoff<T extends HTMLElement>(): FocusHandoff<T> {
  const session = useSession();
  const ref = useRef<T>(null);
  const cameFrom = useRef<HTMLElement | SVGElement | null>(null);
  useEffect(() => {
    const from = document.activeElement;
    // :focus-visible is the browser's own word that this focus came from the keyboard.
    if ((from instanceof HTMLElement || from instanceof SVGElement) && from.closest('.cluster-svg') !== null && from.matches(':focus-visible')) {
      cameFrom.current = from;
      ref.current?.focus();
    }
  }, []);
  const close = (): void => {
    const back = cameFrom.current;
    session.store.getState().select(null);
    if (back !== null && back.isConnected && ref.current?.contains(document.activeElement)) back.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  };
  return { ref, close, onKeyDown };
}
