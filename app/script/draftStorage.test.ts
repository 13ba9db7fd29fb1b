import { describe, expect, it } from 'vitest';
import { clearDraft, DRAFT_KEY, readDraft, writeDraft } from './draftStorage.ts';
import { memoryStorage } from '../testing/memoryStorage.ts';


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
