/**
 * How much the script editor takes on. A textarea lays out every line of its
 * text at once, about 10 µs a line in Chromium: 20,000 lines cost a fifth of a
 * second, 100,000 lines more than a second, at every open and every reload. A
 * draft past these limits (a paste gone wrong, a file of generated lines) is
 * shown read-only instead, so it can never freeze the page, and the page says
 * how to go on with it.
 */
import { MAX_SCRIPT_FILE_BYTES } from './scriptFile.ts';
import { lineCount } from './scriptCheck.ts';

/** The most lines the editor edits in place. A long recording (10,000 requests) still fits. */
export const MAX_EDITABLE_LINES = 20_000;
/** The most characters: the size of the largest file the editor opens, or script a link carries. */
export const MAX_EDITABLE_CHARS = MAX_SCRIPT_FILE_BYTES;
/** The editor's margin marks the first lines with problems, up to this many; the list under it counts them all. */
export const MAX_MARKED_LINES = 500;

export interface DraftSize {
  readonly lines: number;
  readonly chars: number;
}

/** Why `text` is too long to edit in place (its size), or null if it is not. Linear in the text: callers memoize it per draft. */
export function tooLongToEdit(text: string): DraftSize | null {
  const size = { lines: lineCount(text), chars: text.length };
  return size.lines > MAX_EDITABLE_LINES || size.chars > MAX_EDITABLE_CHARS ? size : null;
}

/** The sentence that says so, with what the user can do. */
export function tooLongText(size: DraftSize): string {
  const n = (x: number) => x.toLocaleString('en');
  const what =
    size.chars > MAX_EDITABLE_CHARS
      ? `${n(size.chars)} characters, more than the ${n(MAX_EDITABLE_CHARS)} the editor takes`
      : `${n(size.lines)} lines, more than the ${n(MAX_EDITABLE_LINES)} the editor takes`;
  return `This draft has ${what}, so it is shown read-only here (editing it in the page would freeze it). Save it as .txt to cut it down in a text editor, then open it again.`;
}
