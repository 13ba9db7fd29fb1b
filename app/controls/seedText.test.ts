import { describe, expect, it } from 'vitest';
import { readSeed } from './seedText.ts';

describe('the Seed field', () => {
  it('takes whole numbers from 0 to 2^32 - 1, as the cluster line does', () => {
    expect(readSeed('0')).toEqual({ ok: true, seed: 0 });
    expect(readSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(readSeed('4294967295')).toEqual({ ok: true, seed: 4294967295 });
    expect(readSeed('007')).toEqual({ ok: true, seed: 7 });
  });

  it('refuses anything else with a message, rather than clamping it (it used to: -5 became 0, 1e20 became 4294967295)', () => {
    for (const text of ['-5', '-0.5', '1.5', '4294967296', '1e20', 'abc', 'NaN', 'Infinity', '0x10', '1e3', '+5', '9'.repeat(400)]) {
      const r = readSeed(text);
      expect(r, text).toMatchObject({ ok: false, message: expect.stringContaining('a whole number from 0 to 4294967295') });
    }
    expect(readSeed('   ')).toEqual({ ok: false, message: 'Type a seed: a whole number from 0 to 4294967295.' });
  });
});
