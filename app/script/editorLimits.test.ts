import { describe, expect, it } from 'vitest';
import { MAX_EDITABLE_CHARS, MAX_EDITABLE_LINES, tooLongText, tooLongToEdit } from './editorLimits.ts';
import { textBlocks } from './textBlocks.ts';

const lines = (n: number) => Array.from({ length: n }, () => 'run 1ms').join('\n');

describe('tooLongToEdit', () => {
  it('lets a script up to the limits be edited in place', () => {
    expect(tooLongToEdit('')).toBeNull();
    expect(tooLongToEdit(lines(MAX_EDITABLE_LINES))).toBeNull();
  });

  it('sends a longer one, by lines or by characters, to the read-only view, saying why', () => {
    const long = tooLongToEdit(lines(MAX_EDITABLE_LINES + 1));
    expect(long).toEqual({ lines: MAX_EDITABLE_LINES + 1, chars: 8 * (MAX_EDITABLE_LINES + 1) - 1 });
    expect(tooLongText(long!)).toMatch(/^This draft has 20,001 lines, more than the 20,000 the editor takes, so it is shown read-only/);
    const wide = tooLongToEdit('#'.repeat(MAX_EDITABLE_CHARS + 1));
    expect(wide).toEqual({ lines: 1, chars: MAX_EDITABLE_CHARS + 1 });
    expect(tooLongText(wide!)).toContain('1,000,001 characters, more than the 1,000,000');
  });
});

describe('textBlocks', () => {
  it('cuts a text into blocks of lines, as split would', () => {
    for (const text of ['', 'a', 'a\nb', 'a\nb\n', '\n\n\n', 'a\nb\nc\nd\ne']) {
      for (const size of [1, 2, 3, 100]) {
        const all = text.split('\n');
        const want = [];
        for (let i = 0; i < all.length; i += size) want.push({ from: i + 1, text: all.slice(i, i + size).join('\n'), count: Math.min(size, all.length - i) });
        expect(textBlocks(text, size)).toEqual(want);
      }
    }
  });
});
