/** Every node's log side by side: one row per node, one column per index. */
import { cssVars } from '../theme/cssVars.ts';
import { memo, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store/store.ts';
import type { Store } from '../store/store.ts';
import { LogRow } from './LogRow.tsx';
import { columnCount } from './logModel.ts';
import { GRID_KEYS, gridMove } from './gridMove.ts';
import { parseWhy } from '../explain/whyTarget.ts';
import { NO_INDEXES, violationMarks } from '../safety/violationMarks.ts';

const selectLogView = (s: Store) => ({ ids: s.ids, nodes: s.nodes, logs: s.logs, leader: s.leader, violations: s.violations, probes: s.stats.probes });

export function LogView() {
  const { ids, nodes, logs, leader, violations, probes } = useStore(useShallow(selectLogView));
  const marks = violationMarks(violations);
  // Once any follower was probed, every row shows its count (zero included), so they compare at a glance.
  const probed = Object.keys(probes).length > 0;
  const progress = leader === null ? null : (nodes[leader]?.progress ?? null);
  const leaderLog = leader === null ? null : (logs[leader] ?? null);
  const columns = columnCount(
    ids.map((id) => logs[id]?.length ?? 0),
    progress === null ? [] : Object.values(progress).map((p) => p.next),
  );
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  // Follow the end of the logs as they grow, unless the reader scrolled back.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el !== null && atEnd.current) el.scrollLeft = el.scrollWidth;
  }, [columns]);
  const empty = ids.every((id) => (logs[id]?.length ?? 0) === 0);
  // One cell per row is in the Tab order; the arrow keys move between cells (gridMove.ts).
  const moveFocus = (e: KeyboardEvent<HTMLDivElement>): void => {
    const at = e.target instanceof Element ? parseWhy(e.target.getAttribute('data-why')) : null;
    if (at?.kind !== 'entry' || !GRID_KEYS.has(e.key)) return;
    e.preventDefault();
    const to = gridMove(e.key, at, ids, (id) => logs[id]?.length ?? 0);
    if (to !== null) e.currentTarget.querySelector<HTMLElement>(`[data-testid="entry-${to.node}-${to.index}"]`)?.focus();
  };
  return (
    <div
      className="log-scroller"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 4;
      }}
    >
      <div className="log-grid" role="grid" aria-label="Logs: a row per node, a column per index" onKeyDown={moveFocus}>
        <IndexHeader columns={columns} />
        {ids.map((id) => {
          const node = nodes[id];
          const p = id === leader ? undefined : progress?.[id];
          return (
            <LogRow
              key={id}
              id={id}
              role={node?.role ?? 'follower'}
              log={logs[id] ?? []}
              commitIndex={node?.commitIndex ?? 0}
              leaderLog={id === leader ? null : leaderLog}
              next={p?.next ?? null}
              match={p?.match ?? null}
              columns={columns}
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

/** The index numbers above the columns; memoized, since the view re-renders with every node change. */
const IndexHeader = memo(function IndexHeader({ columns }: { columns: number }) {
  return (
    <div className="log-row log-header" style={cssVars({ '--columns': columns })} role="row">
      <div className="log-label" role="columnheader">
        index
      </div>
      <div className="log-cells">
        {Array.from({ length: columns }, (_, i) => (
          <div key={i} className="index-cell" role="columnheader">
            {i + 1}
          </div>
        ))}
      </div>
    </div>
  );
});
