/**
 * Which index columns of the log grid to put in the DOM. Pure: LogView measures
 * the scroller and renders the window this returns.
 *
 * Short logs are drawn whole, exactly as they always were. Every cell is then
 * in the DOM, where find-in-page, screen readers and the end-to-end tests
 * (which read whole rows of cells, and compare screenshots) see them. Only
 * past VIRTUALIZE_ABOVE columns (9,000 px of cells, far beyond any screen, and
 * beyond every tour and library scenario) does the grid draw just the columns
 * in view plus a margin: at 10,000 entries on 3 nodes, drawing every cell
 * means 30,000 elements to create, lay out and style, and the page freezes
 * for seconds on opening such a run and stutters while it plays.
 *
 * Invariants, for any input: 0 <= first <= end <= columns; the columns in view
 * lie within [first, end), with a chunk to spare on each side (where there are
 * columns); first and end are multiples of CHUNK (or 0 and `columns`); and the
 * window depends on the view's left edge only through its chunk, so scrolling
 * moves the window once per chunk scrolled, not on every scroll event.
 */

/** Logs of up to this many columns are drawn whole. */
export const VIRTUALIZE_ABOVE = 300;
/** The window moves in steps of this many columns, and reaches at least one step past the view on each side. */
export const CHUNK = 16;

/** Columns [first, end), 0-based: column c holds index c + 1. */
export interface ColumnWindow {
  readonly first: number;
  readonly end: number;
}

export interface ColumnView {
  /** How many columns the grid has. */
  readonly columns: number;
  /** The left edge of the view, in pixels from the first column's left edge. */
  readonly left: number;
  /** How many pixels of columns are in view. */
  readonly width: number;
  readonly cellWidth: number;
}

export function columnWindow({ columns, left, width, cellWidth }: ColumnView): ColumnWindow {
  if (columns <= VIRTUALIZE_ABOVE || !(cellWidth > 0)) return { first: 0, end: columns };
  // Placed by the view's left edge alone (its chunk), and wide enough for the
  // whole view plus a chunk after it, so the window moves once per chunk scrolled.
  const chunk = Math.floor(Math.max(0, left) / cellWidth / CHUNK);
  const span = Math.ceil(Math.max(0, width) / cellWidth / CHUNK);
  const first = Math.max(0, (chunk - 1) * CHUNK);
  const end = Math.min(columns, (chunk + span + 2) * CHUNK);
  // A view past the last column (the logs were cut short) still shows the last chunk.
  return first < end ? { first, end } : { first: Math.max(0, Math.floor((columns - 1) / CHUNK) * CHUNK), end: columns };
}

/** The left edge that puts the end of the last column at the right of the view: where the grid follows the end. */
export const endLeft = (columns: number, width: number, cellWidth: number): number => Math.max(0, columns * cellWidth - width);

/**
 * The left edge that brings `column` into a view of `width` px starting at
 * `left`, moving it as little as possible; `left` itself if it is in view.
 */
export function leftToShow(column: number, left: number, width: number, cellWidth: number): number {
  const start = column * cellWidth;
  if (start < left) return start;
  if (start + cellWidth > left + width) return Math.max(0, start + cellWidth - width);
  return left;
}

export const sameWindow = (a: ColumnWindow, b: ColumnWindow): boolean => a.first === b.first && a.end === b.end;
