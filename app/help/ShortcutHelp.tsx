/** The list of keyboard shortcuts, over the page: `?` opens and closes it, Escape or its button closes it. */
import { useEffect, useRef } from 'react';
import { useStore } from '../store/store.ts';
import { SHORTCUTS } from './shortcuts.ts';
import './help.css';

export function ShortcutHelp() {
  const open = useStore((s) => s.helpOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  // A modal <dialog> keeps focus inside while open and gives it back when closed.
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcut-help" data-testid="shortcut-help" aria-labelledby="h-shortcuts" onClose={() => useStore.getState().setHelpOpen(false)}>
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
      <button className="primary" data-testid="shortcut-help-close" onClick={() => useStore.getState().setHelpOpen(false)} autoFocus>
        Close
      </button>
    </dialog>
  );
}
