/**
 * The keyboard shortcuts (the list the `?` overlay shows is app/help/shortcuts.ts).
 * Space plays or pauses, → and ← step one event forward and back, End returns
 * to the live end, c sends a client request to the leader, r restarts the
 * leader, t and a spread or align the election timers, ? shows the list, Ctrl+Z
 * and Ctrl+Shift+Z (or Ctrl+Y) undo and redo a change of the past. The
 * single-character ones (c, r, t, a, ?) can be switched off in the list
 * (app/help/letterKeys.ts).
 */
import { useEffect } from 'react';
import { backToLive, quickRequest, redo, restartLeader, setTimers, stepBack, stepOnce, togglePlaying, undo } from '../sim/actions.ts';
import type { Session } from '../session/session.ts';
import { useSession } from '../session/useSession.ts';
import { ARROW_KEYS_ATTR } from '../cluster/useRovingFocus.ts';
import { browserStorage } from '../share/savedRun.ts';
import { letterKeysOn } from '../help/letterKeys.ts';

/** One-letter shortcuts: what each does. */
const LETTERS: Readonly<Record<string, (session: Session) => void>> = {
  c: (session) => quickRequest(session),
  r: restartLeader,
  t: (session) => setTimers(session, 'spread'),
  a: (session) => setTimers(session, 'align'),
};

/** Inputs that take no typing: the shortcuts still work while one of them has focus. An immutable constant. */
const KEYLESS_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color']);

/** Keys typed into a field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

const isToggle = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');

/**
 * A slider's arrow and End keys move the slider itself; a grid's (the logs) and
 * a roving group's (the links, the messages in flight) move focus between its members.
 */
const movesWithin = (target: EventTarget | null): boolean =>
  (target instanceof HTMLInputElement && target.type === 'range') ||
  (target instanceof Element && target.closest(`[role="grid"], [${ARROW_KEYS_ATTR}]`) !== null);

export function useKeyboardShortcuts(): void {
  const session = useSession();
  useEffect(() => {
    const store = session.store;
    store.getState().setLetterKeys(letterKeysOn(browserStorage()));
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target)) return;
      // Over the shortcuts list, keys are the list's (Escape closes it; ? toggles it).
      if (store.getState().helpOpen && e.key !== '?') return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const key = e.key.toLowerCase();
        if (key === 'z' || key === 'y') {
          e.preventDefault();
          if (key === 'y' || e.shiftKey) redo(session);
          else undo(session);
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // Space ticks a focused checkbox or radio (the rule switches) rather than playing.
      if (e.key === ' ' && !isToggle(e.target)) {
        // Also keeps Space from clicking a focused button or scrolling the page.
        e.preventDefault();
        if (!e.repeat) togglePlaying(session);
      } else if (e.key === 'ArrowRight' && !movesWithin(e.target)) {
        e.preventDefault();
        stepOnce(session);
      } else if (e.key === 'ArrowLeft' && !movesWithin(e.target)) {
        e.preventDefault();
        stepBack(session);
      } else if (e.key === 'End' && !movesWithin(e.target)) {
        e.preventDefault();
        backToLive(session);
      } else if (!store.getState().letterKeys) {
        // Single-character shortcuts are off: the rest are characters, and do nothing.
      } else if (e.key === '?') {
        const ui = store.getState();
        ui.setHelpOpen(!ui.helpOpen);
      } else if (Object.hasOwn(LETTERS, e.key.toLowerCase())) {
        if (!e.repeat) LETTERS[e.key.toLowerCase()](session);
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
  }, [session]);
}
