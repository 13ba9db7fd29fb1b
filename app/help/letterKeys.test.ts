import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memoryStorage.ts';
import { LETTER_KEYS_KEY, letterKeysOn, rememberLetterKeys } from './letterKeys.ts';

describe('letterKeys', () => {
  it('are on until switched off, and the choice is kept', () => {
    const storage = memoryStorage();
    expect(letterKeysOn(storage)).toBe(true);
    rememberLetterKeys(storage, false);
    expect(storage.getItem(LETTER_KEYS_KEY)).toBe('off');
    expect(letterKeysOn(storage)).toBe(false);
    rememberLetterKeys(storage, true);
    expect(letterKeysOn(storage)).toBe(true);
  });

  it('are on without storage, and a refused write changes nothing', () => {
    expect(letterKeysOn(null)).toBe(true);
    const full = memoryStorage(true);
    rememberLetterKeys(full, false);
    expect(letterKeysOn(full)).toBe(true);
  });
});
