/** Whether a visitor has answered the offer of the tours, kept in localStorage so it is made once. */
export const WELCOME_KEY = 'raftviz:tours-offered';

export function shouldWelcome(storage: Storage | null): boolean {
  try {
    return storage !== null && storage.getItem(WELCOME_KEY) === null;
  } catch {
    return false;
  }
}

export function rememberWelcomed(storage: Storage | null): void {
  try {
    storage?.setItem(WELCOME_KEY, 'yes');
  } catch {
    // Storage refused (private mode, quota): the offer comes back next visit, which is harmless.
  }
}
