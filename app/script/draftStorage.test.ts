import { describe, expect, it } from 'vitest';
import { clearDraft, DRAFT_KEY, readDraft, writeDraft } from './draftStorage.ts';

/** A Storage in memory, optionally refusing writes as a full or disabled localStorage does. */
function memoryStorage(refuse = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => {
      if (refuse) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(k, v);
    },
  };
}

describe('the draft in localStorage', () => {
  it('is kept, read back and cleared', () => {
    const storage = memoryStorage();
    expect(readDraft(storage)).toBeNull();
    expect(writeDraft(storage, 'cluster nodes=3\n')).toBe(true);
    expect(storage.getItem(DRAFT_KEY)).toBe('cluster nodes=3\n');
    expect(readDraft(storage)).toBe('cluster nodes=3\n');
    clearDraft(storage);
    expect(readDraft(storage)).toBeNull();
  });

  it('keeps an empty draft: the user may have cleared the text on purpose', () => {
    const storage = memoryStorage();
    writeDraft(storage, '');
    expect(readDraft(storage)).toBe('');
  });

  it('says so when the browser refuses it, and never throws', () => {
    expect(writeDraft(memoryStorage(true), 'x')).toBe(false);
    expect(writeDraft(null, 'x')).toBe(false);
    expect(readDraft(null)).toBeNull();
    expect(() => clearDraft(null)).not.toThrow();
  });
});
