/**
 * The script being edited, kept in localStorage while the editor is open, so a
 * reload or a closed tab does not lose it. It is offered back in the editor, and
 * never run without the user pressing Run.
 */
export const DRAFT_KEY = 'raftviz:script-draft';

export function readDraft(storage: Storage | null): string | null {
  try {
    return storage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return null;
  }
}

/** False if the browser refused it (storage disabled or full). */
export function writeDraft(storage: Storage | null, text: string): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(DRAFT_KEY, text);
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: Storage | null): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to do: a draft that cannot be removed is offered once more, never run.
  }
}
