/**
 * Splits one line of a scenario into words. Words are separated by white space;
 * `"..."` quotes a word that holds spaces (with `\"` and `\\` escapes); `#` outside
 * quotes starts a comment that runs to the end of the line. Control characters
 * (other than the white space tab, CR, FF and VT) are refused wherever they
 * stand, even in a comment: they are invisible in an editor, and a word holding
 * one would look like a word it is not.
 */
import type { ScenarioError } from './ast.ts';

export interface Token {
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly col: number;
  readonly quoted: boolean;
}

export type LexResult = { readonly ok: true; readonly tokens: Token[] } | { readonly ok: false; readonly error: ScenarioError };

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

/** C0 controls and DEL, except the white space above. */
// eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

export function lexLine(text: string, line: number): LexResult {
  const control = CONTROL.exec(text);
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, error: { line, col: control.index + 1, message: `a control character (U+${code}) cannot be in a script: delete it` } };
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') break;
    const start = i;
    if (c === '"') {
      let value = '';
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i];
        if (d === '\\' && i + 1 < text.length && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          value += text[i + 1];
          i += 2;
        } else if (d === '"') {
          closed = true;
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      if (!closed) return { ok: false, error: { line, col: start + 1, message: 'unterminated quoted text: add the closing "' } };
      if (i < text.length && !isSpace(text[i]) && text[i] !== '#') {
        return { ok: false, error: { line, col: i + 1, message: 'put a space after the closing "' } };
      }
      tokens.push({ text: value, col: start + 1, quoted: true });
      continue;
    }
    while (i < text.length && !isSpace(text[i]) && text[i] !== '#') i++;
    tokens.push({ text: text.slice(start, i), col: start + 1, quoted: false });
  }
  return { ok: true, tokens };
}
