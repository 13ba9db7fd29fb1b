/**
 * Whether the single-character shortcuts (c, r, t, a, ?) are on. WCAG 2.1.4
 * (Character Key Shortcuts, level A): a shortcut of one printable character
 * can be set off by a stray keystroke, or by a word a speech-input user says,
 * so the reader must be able to turn them off. The choice is kept in
 * localStorage; Space, the arrows, End and Ctrl+Z are not character keys and
 * stay on.
 */
export const LETTER_KEYS_KEY = 'raftviz:letter-keys';

export function letterKeysOn(storage: Storage | null): boolean {
  try {
    return storage?.getItem(LETTER_KEYS_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function rememberLetterKeys(storage: Storage | null, on: boolean): void {
  try {
    if (on) storage?.removeItem(LETTER_KEYS_KEY);
    else storage?.setItem(LETTER_KEYS_KEY, 'off');
  } catch {
    // Storage refused (private mode, quota): the choice holds until the page is closed.
  }
}
