import { describe, expect, it } from 'vitest';
import { CHUNK, VIRTUALIZE_ABOVE, columnWindow, endLeft, leftToShow, sameWindow } from './columnWindow.ts';

const W = 30;
const view = (columns: number, left: number, width = 600) => columnWindow({ columns, left, width, cellWidth: W });

describe('columnWindow', () => {
  it('draws a short log whole, wherever the view is', () => {
    expect(view(5, 0)).toEqual({ first: 0, end: 5 });
    expect(view(VIRTUALIZE_ABOVE, 4000, 100)).toEqual({ first: 0, end: VIRTUALIZE_ABOVE });
    expect(view(0, 0)).toEqual({ first: 0, end: 0 });
  });

  it('draws the columns in view of a long log, plus at least a chunk either side, on chunk boundaries', () => {
    // Columns 100..119 in view (3000 px to 3600 px).
    const w = view(10_000, 3000);
    expect(w.first % CHUNK).toBe(0);
    expect(w.end % CHUNK).toBe(0);
    expect(w.first).toBeLessThanOrEqual(100 - CHUNK);
    expect(w.end).toBeGreaterThanOrEqual(120 + CHUNK);
    // A chunk either side, rounded out to boundaries: the view and at most two chunks each way.
    expect(w.end - w.first).toBeLessThanOrEqual(20 + 4 * CHUNK);
  });

  it('starts at column 0 at the start, and stops at the last column at the end', () => {
    expect(view(10_000, 0).first).toBe(0);
    const atEnd = view(10_001, endLeft(10_001, 600, W));
    expect(atEnd.end).toBe(10_001);
    expect(atEnd.first).toBeLessThanOrEqual(10_001 - 20 - CHUNK);
  });

  it("does not move while the view's left edge stays within a chunk, so small scrolls re-render nothing", () => {
    const base = view(10_000, CHUNK * W * 10);
    for (let dx = 0; dx < CHUNK * W; dx += 7) expect(sameWindow(view(10_000, CHUNK * W * 10 + dx), base)).toBe(true);
    expect(sameWindow(view(10_000, CHUNK * W * 11), base)).toBe(false);
  });

  it('keeps 0 <= first <= end <= columns and covers the view, for any view', () => {
    for (const columns of [301, 333, 1000, 10_001]) {
      for (let left = -50; left < columns * W + 2000; left += 997) {
        for (const width of [0, 1, 250, 1200]) {
          const w = view(columns, left, width);
          expect(0 <= w.first && w.first <= w.end && w.end <= columns).toBe(true);
          const from = Math.floor(Math.max(0, left) / W);
          const to = Math.min(columns, Math.ceil((Math.max(0, left) + width) / W));
          if (from < to) {
            expect(w.first <= from && to <= w.end).toBe(true);
            // A chunk to spare either side, where the log has one.
            expect(w.first <= Math.max(0, from - CHUNK) && Math.min(columns, to + CHUNK) <= w.end).toBe(true);
          }
          else expect(w.end).toBeGreaterThan(w.first);
        }
      }
    }
  });

  it('draws the last chunk for a view past the end (the logs were cut short)', () => {
    expect(view(400, 50_000)).toEqual({ first: Math.floor(399 / CHUNK) * CHUNK, end: 400 });
  });
});

describe('leftToShow', () => {
  it('keeps the view when the column is in it, and moves it as little as possible otherwise', () => {
    expect(leftToShow(12, 300, 600, W)).toBe(300);
    expect(leftToShow(0, 300, 600, W)).toBe(0);
    expect(leftToShow(5, 300, 600, W)).toBe(150);
    // Column 40 ends at 1230 px: the view's right edge goes there.
    expect(leftToShow(40, 0, 600, W)).toBe(630);
  });
});

describe('endLeft', () => {
  it('puts the last column at the right edge, or 0 when everything fits', () => {
    expect(endLeft(100, 600, W)).toBe(2400);
    expect(endLeft(10, 600, W)).toBe(0);
  });
});
