import { describe, expect, it } from 'vitest';
import { badLinkMessage, unknownNameMessage } from './openingNotices.ts';
import { endSentence, joinSentences } from './sentence.ts';
import { loadNotice } from './loadNotice.ts';
import { decodeShare, describeShareError, type ShareError } from '../share/shareCodec.ts';
import { savedRunProblemText } from '../share/savedRunProblem.ts';

/** Every kind of share error, each detail the decoder gives (the type checker holds the list of kinds complete). */
const EVERY_SHARE_ERROR: Record<ShareError['kind'], ShareError[]> = {
  'not-a-link': [{ kind: 'not-a-link' }],
  'future-version': [{ kind: 'future-version', version: 2 }],
  'too-large': [
    { kind: 'too-large', what: 'link' },
    { kind: 'too-large', what: 'script' },
  ],
  damaged: [
    'bad percent-encoding',
    'a character that cannot be in a link',
    'it ends too early',
    'the data is not valid',
    'no run in it',
    'no script in it',
    'no cursor in it',
    'a bad cursor',
  ].map((detail) => ({ kind: 'damaged', detail })),
};
const everyShareError = Object.values(EVERY_SHARE_ERROR).flat();

/** One mark ends each sentence: no "?." or "..", no sentence without its mark. */
function expectWellPunctuated(text: string): void {
  expect(text).not.toMatch(/[.?!]\s*\./);
  expect(text).toMatch(/[.?!]$/);
  expect(text).not.toMatch(/\s{2}/);
}

describe('joining sentences', () => {
  it('adds a full stop only where a sentence has no mark of its own', () => {
    expect(endSentence('it is damaged')).toBe('it is damaged.');
    expect(endSentence('was it cut off when it was copied?')).toBe('was it cut off when it was copied?');
    expect(endSentence('Stop.')).toBe('Stop.');
    expect(endSentence('(did you mean "run"?)')).toBe('(did you mean "run"?).');
    expect(endSentence('named “x…”')).toBe('named “x…”');
    expect(joinSentences('One', null, false, '', 'Two?', 'Three.')).toBe('One. Two? Three.');
  });
});

describe('bad link notices', () => {
  it('punctuate every share error description correctly, with and without the fallback', () => {
    for (const error of everyShareError) {
      for (const fallback of [true, false]) {
        const message = badLinkMessage(error, fallback);
        expect(message.startsWith(`This link could not be opened: ${describeShareError(error)}`)).toBe(true);
        expectWellPunctuated(message);
        expect(message.endsWith('Showing the default cluster instead.')).toBe(fallback);
      }
    }
  });

  it('reads as one sentence per thought for a link cut off in copying', () => {
    expect(badLinkMessage({ kind: 'damaged', detail: 'it ends too early' }, true)).toBe(
      'This link could not be opened: it is damaged or incomplete (it ends too early); was it cut off when it was copied? Showing the default cluster instead.',
    );
  });

  it('cover what the decoder really says about bad links', () => {
    const kinds = new Set<string>();
    for (const hash of ['#hello', '#v9.abc', '#v1.%', '#v1.!!!', '#v1.', `#v1.${'A'.repeat(50)}`]) {
      const d = decodeShare(hash);
      if (d.ok) continue;
      kinds.add(d.error.kind);
      // Every damage the decoder names is among those above.
      if (d.error.kind === 'damaged') expect(EVERY_SHARE_ERROR.damaged).toContainEqual(d.error);
    }
    expect(kinds.size).toBeGreaterThan(2);
  });
});

describe('notices about a load', () => {
  it('do not add a full stop after a question mark', () => {
    const n = loadNotice({ text: '', label: 'The link' }, { ok: false, text: 'x', error: { line: 1, col: 1, message: 'is this a script?' } }, true);
    expect(n?.message).toBe('The link could not be opened: line 1, column 1: is this a script? Showing the default cluster instead.');
  });
});

describe('unknown names in the address', () => {
  it('quote a short name whole', () => {
    expect(unknownNameMessage('scenario', 'leader-crsh')).toBe('There is no scenario named “leader-crsh”. Showing the default cluster instead.');
    expect(unknownNameMessage('tour', 'electoin')).toBe('There is no tour named “electoin”. Showing the default cluster instead.');
  });

  it('quote a long one by its start and its length, so the notice stays short', () => {
    const name = 'x'.repeat(15_000);
    const message = unknownNameMessage('tour', name);
    expect(message).toBe(`There is no tour named “${'x'.repeat(30)}…” (15,000 characters). Showing the default cluster instead.`);
    expect(message.length).toBeLessThan(120);
  });
});

describe('the saved-run problem', () => {
  it('names what is wrong: made by a newer raftviz, or unreadable', () => {
    expect(savedRunProblemText({ kind: 'future-version', version: 3 })).toContain('saved by a newer version of raftviz (format v3; this page reads up to v1)');
    expect(savedRunProblemText({ kind: 'damaged', detail: 'it ends too early' })).toContain('it is unreadable (it ends too early)');
    expect(savedRunProblemText({ kind: 'not-a-link' })).toContain('it is unreadable');
    for (const error of everyShareError) {
      const text = savedRunProblemText(error);
      expectWellPunctuated(text);
      expect(text).toContain('It stays saved until you change the run on screen or dismiss this message');
    }
  });
});
