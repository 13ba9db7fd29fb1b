/** The list of keyboard shortcuts, over the page: `?` opens and closes it, Escape or its button closes it. */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/useAppStore.ts';
import { SHORTCUTS } from './shortcuts.ts';
import { rememberLetterKeys } from './letterKeys.ts';
import { browserStorage } from '../share/savedRun.ts';
import './help.css';
import { useSession } from '../session/useSession.ts';

export function ShortcutHelp() {
  const session = useSession();
  const open = useAppStore((s) => s.helpOpen);
  const letterKeys = useAppStore((s) => s.letterKeys);
  const dialog = useRef<HTMLDialogElement>(null);
  // A modal <dialog> keeps focus inside while open and gives it back when closed.
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      data-testid="shortcut-help"
      aria-labelledby="h-shortcuts"
      // Escape: 'cancel' comes with the key and closes the list at once; the 'close' event follows in a later
      // task, so it is not listened to: a ? pressed in between reopens the list, and must not be undone by it.
      onCancel={() => session.store.getState().setHelpOpen(false)}
    >
      <h2 id="h-shortcuts">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? '+' : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* WCAG 2.1.4: one-character shortcuts can go off by accident (a stray key, a word said to speech input), so they can be switched off. */}
      <label className="letter-keys">
        <input
          type="checkbox"
          data-testid="letter-keys"
          checked={letterKeys}
          onChange={(e) => {
            session.store.getState().setLetterKeys(e.target.checked);
            rememberLetterKeys(browserStorage(), e.target.checked);
          }}
        />{' '}
        Single-character keys (c, r, t, a, ?). Off, only Space, the arrows, End and Ctrl+Z work; this list opens from “All keys” in the hints shown when nothing is selected.
      </label>
      <button className="primary" data-testid="shortcut-help-close" onClick={() => session.store.getState().setHelpOpen(false)} autoFocus>
        Close
      </button>
    </dialog>
  );
}
