/**
 * The log grid's horizontal scroll, as React state, and the window of columns
 * to draw for it (columnWindow.ts).
 *
 * - Scroll events are read at most once an animation frame, and rendered in
 *   that frame. The state only changes when that moves the window (by a
 *   chunk) or starts or stops following the end: scrolling through a long log
 *   re-renders the rows once per chunk scrolled, not on every scroll event.
 * - Follow the end: while the reader has not scrolled back from the end of the
 *   logs, the view stays at the end as they grow, and the window is placed
 *   there in the same render that adds the columns, so no frame shows blanks
 *   (the scroll itself follows before the next frame is drawn).
 *
 * Geometry is the stylesheet's: the cell width (--cell-w) and the sticky name
 * column (--label-w) are read from the scroller's computed style, so the
 * numbers here cannot drift from what is drawn.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { type ColumnWindow, columnWindow, endLeft, leftToShow, sameWindow } from './columnWindow.ts';

interface ScrollView {
  /** scrollLeft: with the name column sticky, the first column's left edge is at 0 in view. */
  readonly left: number;
  /** Pixels of columns in view: the scroller's width less the name column over it. */
  readonly width: number;
  /** At the end of the logs (within a few pixels): the view keeps to the end as they grow. */
  readonly following: boolean;
  readonly cellWidth: number;
}

/** The CSS fallbacks, for the first render before anything is measured: app.css sets --cell-w and --label-w to these. */
const CELL_W = 30;
const LABEL_W = 54;
/** Within this many pixels of the end counts as at the end (fractional scroll positions). */
const END_SLACK = 4;

/** The view as the scroller has it; whether it follows the end is the caller's (see `following` below). */
function measure(el: HTMLElement, following: boolean): ScrollView {
  const style = getComputedStyle(el);
  const px = (name: string, fallback: number): number => {
    const v = parseFloat(style.getPropertyValue(name));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return { left: el.scrollLeft, width: Math.max(0, el.clientWidth - px('--label-w', LABEL_W)), following, cellWidth: px('--cell-w', CELL_W) };
}

const atEnd = (el: HTMLElement): boolean => el.scrollLeft + el.clientWidth >= el.scrollWidth - END_SLACK;

const windowOf = (v: ScrollView, columns: number): ColumnWindow =>
  columnWindow({ columns, left: v.following ? endLeft(columns, v.width, v.cellWidth) : v.left, width: v.width, cellWidth: v.cellWidth });

export interface ColumnWindowControl {
  readonly window: ColumnWindow;
  /** The scroller's onScroll. */
  readonly onScroll: () => void;
  /** Scroll so that `column` (0-based) is in view, and draw the window there before returning, so its cell can be focused. */
  readonly bringIntoView: (column: number) => void;
}

/** `scrollerRef`, not `scroller`: React's rules of hooks know a ref passed in by its `Ref` suffix. */
export function useColumnWindow(scrollerRef: RefObject<HTMLDivElement | null>, columns: number): ColumnWindowControl {
  // Until measured: following the end with no width, which draws the last chunks only.
  const [view, setView] = useState<ScrollView>({ left: 0, width: 0, following: true, cellWidth: CELL_W });
  const columnsNow = useRef(columns);
  useLayoutEffect(() => {
    columnsNow.current = columns;
  });
  // Whether the reader is at the end. Set on every scroll event, not once a
  // frame: the follow-the-end effect may run between a scroll and the frame
  // that reads it. The state's copy follows it once a frame.
  const following = useRef(true);
  const frame = useRef(0);

  /** Take a measured view, unless it draws the same window as the one shown. */
  const adopt = useCallback((next: ScrollView): void => {
    setView((prev) => {
      const n = columnsNow.current;
      const same = prev.following === next.following && prev.width === next.width && prev.cellWidth === next.cellWidth && sameWindow(windowOf(prev, n), windowOf(next, n));
      return same ? prev : next;
    });
  }, []);

  const onScroll = useCallback((): void => {
    const el = scrollerRef.current;
    if (el === null) return;
    following.current = atEnd(el);
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      // Rendered now, before this frame is laid out and painted: left to React's
      // scheduler, the new window would come a frame after the scroll, which
      // shows as a blank strip while flinging through a long log.
      if (scrollerRef.current !== null) flushSync(() => adopt(measure(scrollerRef.current!, following.current)));
    });
  }, [scrollerRef, adopt]);

  // Follow the end of the logs as they grow, unless the reader scrolled back.
  // At the start of the next frame, before it is drawn, rather than here:
  // moving the scroll lays the page out at once, and here is the middle of
  // the task that applied a snapshot, which the layout would lengthen by
  // as much again for a big one. The window is already at the end (`following`).
  const toEnd = useRef(0);
  useLayoutEffect(() => {
    if (!following.current || toEnd.current !== 0) return;
    toEnd.current = requestAnimationFrame(() => {
      toEnd.current = 0;
      const el = scrollerRef.current;
      if (el !== null && following.current) el.scrollLeft = el.scrollWidth;
    });
  }, [scrollerRef, columns]);

  // Measure whenever the scroller's size changes. The first call comes with
  // the first layout, before the first paint: measuring here instead would lay
  // the page out in the middle of the task that mounts it. Rendered at once, so
  // the frame being drawn has the window for the new size.
  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (el === null) return;
    const resized = new ResizeObserver(() => {
      if (following.current) el.scrollLeft = el.scrollWidth;
      flushSync(() => adopt(measure(el, following.current)));
    });
    resized.observe(el);
    return () => {
      resized.disconnect();
      cancelAnimationFrame(frame.current);
      cancelAnimationFrame(toEnd.current);
      frame.current = 0;
      toEnd.current = 0;
    };
  }, [scrollerRef, adopt]);

  const bringIntoView = useCallback(
    (column: number): void => {
      const el = scrollerRef.current;
      if (el === null) return;
      const now = measure(el, following.current);
      el.scrollLeft = leftToShow(column, now.left, now.width, now.cellWidth);
      following.current = atEnd(el);
      const moved = measure(el, following.current);
      flushSync(() => setView(moved));
    },
    [scrollerRef],
  );

  return { window: windowOf(view, columns), onScroll, bringIntoView };
}
