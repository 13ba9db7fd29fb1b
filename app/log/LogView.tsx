/**
 * Every node's log side by side: one row per node, one column per index. A
 * long log draws only the columns in view (columnWindow.ts, useColumnWindow.ts);
 * the arrow keys still reach every entry, scrolling it into view first.
 */
import { cssVars } from '../theme/cssVars.ts';
import { memo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/useAppStore.ts';
import type { Store } from '../store/store.ts';
import { LogRow } from './LogRow.tsx';
import { columnCount } from './logModel.ts';
import { useColumnWindow } from './useColumnWindow.ts';
import { GRID_KEYS, gridMove } from './gridMove.ts';
import { parseWhy } from '../explain/whyTarget.ts';
import { NO_INDEXES, violationMarks } from '../safety/violationMarks.ts';
import { lastIndex } from '../../engine/raft/log.ts';
import { EMPTY_LOG_VIEW } from '../worker/logDeltas.ts';

const selectLogView = (s: Store) => ({ ids: s.ids, nodes: s.nodes, logs: s.logs, leader: s.leader, violations: s.violations, probes: s.stats.probes });

export function LogView() {
  const { ids, nodes, logs, leader, violations, probes } = useAppStore(useShallow(selectLogView));
  const marks = violationMarks(violations);
  // Once any follower was probed, every row shows its count (zero included), so they compare at a glance.
  const probed = Object.keys(probes).length > 0;
  const progress = leader === null ? null : (nodes[leader]?.progress ?? null);
  const leaderLog = leader === null ? null : (logs[leader] ?? null);
  const columns = columnCount(
    ids.map((id) => lastIndex(logs[id] ?? EMPTY_LOG_VIEW)),
    progress === null ? [] : Object.values(progress).map((p) => p.next),
  );
  const scroller = useRef<HTMLDivElement>(null);
  const { window: drawn, onScroll, bringIntoView } = useColumnWindow(scroller, columns);
  const empty = ids.every((id) => lastIndex(logs[id] ?? EMPTY_LOG_VIEW) === 0);
  const startOf = (id: string): number => logs[id]?.start ?? 0;
  // One cell per row is in the Tab order; the arrow keys move between cells (gridMove.ts).
  const moveFocus = (e: KeyboardEvent<HTMLDivElement>): void => {
    const why = e.target instanceof Element ? parseWhy(e.target.getAttribute('data-why')) : null;
    // A snapshot's block stands at its last included index (gridMove.ts).
    const at = why?.kind === 'snapshot' ? { node: why.node, index: startOf(why.node) } : why?.kind === 'entry' ? why : null;
    if (at === null || !GRID_KEYS.has(e.key)) return;
    e.preventDefault();
    const to = gridMove(e.key, at, ids, (id) => lastIndex(logs[id] ?? EMPTY_LOG_VIEW), startOf);
    if (to === null) return;
    const selector = to.index === startOf(to.node) ? `[data-testid="snapshot-${to.node}"]` : `[data-testid="entry-${to.node}-${to.index}"]`;
    // Outside the drawn window (a long log): draw the window around it first.
    if (e.currentTarget.querySelector(selector) === null) bringIntoView(to.index - 1);
    e.currentTarget.querySelector<HTMLElement>(selector)?.focus();
  };
  return (
    <div
      className="log-scroller"
      ref={scroller}
      onScroll={onScroll}
    >
      <div
        className="log-grid"
        role="grid"
        aria-label="Logs: a row per node, a column per index"
        aria-colcount={drawn.first > 0 || drawn.end < columns ? columns + 1 : undefined}
        onKeyDown={moveFocus}
      >
        <IndexHeader columns={columns} first={drawn.first} end={drawn.end} />
        {ids.map((id) => {
          const node = nodes[id];
          const p = id === leader ? undefined : progress?.[id];
          return (
            <LogRow
              key={id}
              id={id}
              role={node?.role ?? 'follower'}
              log={logs[id] ?? EMPTY_LOG_VIEW}
              commitIndex={node?.commitIndex ?? 0}
              leaderLog={id === leader ? null : leaderLog}
              next={p?.next ?? null}
              match={p?.match ?? null}
              columns={columns}
              first={drawn.first}
              end={drawn.end}
              violations={marks.entries[id] ?? NO_INDEXES}
              rejections={probed ? (probes[id]?.rejections ?? 0) : null}
              roundTrips={probed ? (probes[id]?.roundTrips ?? 0) : null}
            />
          );
        })}
      </div>
      {empty && <p className="log-empty">No entries yet. A new leader appends a no-op; press c to send a client request.</p>}
    </div>
  );
}

/** Index numbers from here on have five digits, drawn smaller to fit a column (app.css). */
const WIDE_INDEX = 10_000;

/**
 * The index numbers above the columns, for the same window of columns as the
 * rows, padded the same way, so each number stays over its column.
 * Memoized, since the view re-renders with every node change.
 */
const IndexHeader = memo(function IndexHeader({ columns, first, end }: { columns: number; first: number; end: number }) {
  // Only a window of the columns is in the DOM: each header says which column it is, as the cells do.
  const virtual = first > 0 || end < columns;
  const numbers = [];
  for (let i = first; i < end; i++) {
    numbers.push(
      <div key={i} className={i + 1 >= WIDE_INDEX ? 'index-cell wide' : 'index-cell'} role="columnheader" aria-colindex={virtual ? i + 2 : undefined}>
        {i + 1}
      </div>,
    );
  }
  return (
    <div className="log-row log-header" style={cssVars({ '--columns': columns })} role="row">
      <div className="log-label" role="columnheader" aria-colindex={virtual ? 1 : undefined}>
        index
      </div>
      <div className="log-cells" style={first > 0 ? cssVars({ '--skip': first }) : undefined}>
        {numbers}
      </div>
    </div>
  );
});
