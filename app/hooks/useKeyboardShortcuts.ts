/** Space plays or pauses, → steps one event, c sends a client request to the leader. */
import { useEffect } from 'react';
import { propose, stepOnce, togglePlaying } from '../sim/actions.ts';

/** Inputs that take no typing: the shortcuts still work while one of them has focus. */
const KEYLESS_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color']);

/** Keys typed into a field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === ' ') {
        // Also keeps Space from clicking a focused button or scrolling the page.
        e.preventDefault();
        if (!e.repeat) togglePlaying();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        stepOnce();
      } else if (e.key === 'c' || e.key === 'C') {
        if (!e.repeat) propose('leader');
      }
    };
    // Space activates a focused button on key *up*; swallow that too.
    const onKeyUp = (e: KeyboardEvent): void => {
      if (e.key === ' ' && !isTyping(e.target) && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
