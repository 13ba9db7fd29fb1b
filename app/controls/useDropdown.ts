/**
 * A menu made of a <details> element and the list inside it: the list opens
 * under its button, moved sideways as far as it must be to stay in the window,
 * and a click elsewhere or Escape closes it.
 */
import { useEffect, useRef, type RefObject, type SyntheticEvent } from 'react';

/** The gap kept between the open list and the window's edges, in px. */
const MARGIN = 14;

function placeList(e: SyntheticEvent<HTMLDetailsElement>): void {
  const details = e.currentTarget;
  const list = details.querySelector<HTMLElement>('.dropdown-list');
  if (!details.open || list === null) return;
  const anchor = details.getBoundingClientRect().left;
  const width = list.getBoundingClientRect().width;
  const left = Math.max(MARGIN, Math.min(anchor, window.innerWidth - MARGIN - width));
  list.style.left = `${left - anchor}px`;
}

/** Destructure the result where it is used: see FocusHandoff (app/inspector) for why. */
export function useDropdown(): { ref: RefObject<HTMLDetailsElement | null>; onToggle: typeof placeList; close: () => void } {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event): void => {
      const details = ref.current;
      if (details === null || !details.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !details.contains(e.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const close = (): void => {
    if (ref.current !== null) ref.current.open = false;
  };
  return { ref, onToggle: placeList, close };
}

/** A plain click is the page's to handle; a modified one (new tab, copy link) is the browser's. */
export const isPlainClick = (e: { button: number; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): boolean =>
  e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
