/**
 * A long text cut into blocks of lines, for views that draw it a block at a
 * time. One pass over the text, slicing it: no array of every line, which for
 * 100,000 lines costs more than the rest of drawing them.
 */

export interface TextBlock {
  /** The block's first line, 1-based. */
  readonly from: number;
  /** Its lines, without the newline after the last. */
  readonly text: string;
  readonly count: number;
}

/** Blocks of `size` lines (the last may be shorter); the lines are those of `text.split('\n')`. */
export function textBlocks(text: string, size: number): TextBlock[] {
  const out: TextBlock[] = [];
  let start = 0;
  for (let from = 1; ; from += size) {
    // Find the newline after the block's last line, if there is one.
    let newline = start - 1;
    let count = 1;
    for (; ; count++) {
      newline = text.indexOf('\n', newline + 1);
      if (newline === -1 || count === size) break;
    }
    if (newline === -1) {
      out.push({ from, text: text.slice(start), count });
      return out;
    }
    out.push({ from, text: text.slice(start, newline), count });
    start = newline + 1;
  }
}
