/**
 * The history of client operations, one lane per client, each operation a bar
 * from its call to its answer (as Porcupine draws a linearizability check),
 * with the checker's verdict: the order found, or the operations no order
 * explains. The history is the one of the moment viewed, so it grows as the run
 * plays and shrinks when the view goes back in time.
 *
 * A click on an operation shows the run at its call; a shift-click (or
 * Shift+Enter) at its answer.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { useAppStore } from '../store/useAppStore.ts';
import { selectClientHistory, selectConfig, selectTime } from '../store/selectors.ts';
import { useElementWidth } from '../hooks/useElementWidth.ts';
import { formatTick } from '../timeline/timelineWindow.ts';
import { historyWindow, opsInWindow, orderPlaces, violationSet, type HistoryZoom } from './historyLayout.ts';
import { HistoryOpBar, KEY_FILLS } from './HistoryOpBar.tsx';
import { VerdictLine } from './VerdictLine.tsx';
import './history.css';

const LANE = 30;
const LABEL_WIDTH = 32;
const AXIS = 22;
const RIGHT_PAD = 16;

export function HistoryPanel() {
  const history = useAppStore(selectClientHistory);
  const config = useAppStore(selectConfig);
  const now = useAppStore(selectTime);
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [zoom, setZoom] = useState<HistoryZoom>('readable');
  const clipId = `history-plot-${useId().replace(/:/g, '')}`;
  const { ops, clients, verdict } = history;
  const plotPx = Math.max(10, width - RIGHT_PAD - LABEL_WIDTH);
  const [t0, t1] = historyWindow(ops, now, zoom, plotPx);
  const x = useMemo(() => scaleLinear().domain([t0, t1]).range([LABEL_WIDTH, Math.max(LABEL_WIDTH + 10, width - RIGHT_PAD)]), [t0, t1, width]);
  const shown = useMemo(() => opsInWindow(ops, t0, t1), [ops, t0, t1]);
  const places = useMemo(() => orderPlaces(verdict), [verdict]);
  const bad = useMemo(() => violationSet(verdict), [verdict]);
  const keys = useMemo(() => [...new Set(ops.map((o) => o.key))], [ops]);

  if (config.clients === 0 && ops.length === 0) {
    return (
      <div className="history" data-testid="history" ref={box}>
        <p className="muted history-empty" data-testid="history-empty">
          No client operations yet: add clients with the cluster line's <code>clients=N</code> option.
        </p>
      </div>
    );
  }
  const lanes = clients.length > 0 ? clients : Array.from({ length: config.clients }, (_, i) => `c${i + 1}`);
  const height = lanes.length * LANE + AXIS;
  const zoomBy = (factor: number) => setZoom(Math.max(20, (t1 - t0) * factor));
  return (
    <div className="history" data-testid="history" ref={box} data-verdict={verdict.verdict} data-ops={ops.length}>
      <VerdictLine verdict={verdict} count={ops.length} />
      {ops.length === 0 ? (
        <p className="muted history-empty" data-testid="history-empty">
          No client operations yet: send one with <code>client c1 put x 1</code> in the script, or <code>workload ops=20</code>.
        </p>
      ) : (
        <>
          <div className="history-zoom" role="group" aria-label="Time shown">
            <button type="button" onClick={() => zoomBy(0.5)} title="Show half as much time, ending at the latest operation">
              Zoom in
            </button>
            <button type="button" onClick={() => zoomBy(2)} title="Show twice as much time">
              Zoom out
            </button>
            <button type="button" onClick={() => setZoom('all')} disabled={zoom === 'all'} title="Show the whole history from the first call">
              Fit all
            </button>
            <button type="button" onClick={() => setZoom('readable')} disabled={zoom === 'readable'} title="Show the latest operations, wide enough to read">
              Readable
            </button>
            <span className="history-keys" aria-label="Colour of each key">
              {keys.map((k, i) => (
                <span key={k} className="history-key">
                  <span className="history-swatch" style={{ background: KEY_FILLS[i % KEY_FILLS.length] }} aria-hidden="true" /> key {k}
                </span>
              ))}
            </span>
            {shown.length < ops.length && (
              <span className="muted history-count" data-testid="history-count">
                the latest {shown.length} of {ops.length} operations
              </span>
            )}
          </div>
          <svg className="history-chart" width={width} height={height} role="group" aria-label="Client operations over time: a bar from each call to its answer">
            {lanes.map((c, i) => (
              <g key={c} className="history-lane" transform={`translate(0,${i * LANE})`}>
                <line className="history-lane-rule" x1={LABEL_WIDTH} x2={width - RIGHT_PAD} y1={LANE - 0.5} y2={LANE - 0.5} />
                <text className="history-lane-label" x={4} y={LANE / 2 + 4}>
                  {c}
                </text>
              </g>
            ))}
            <clipPath id={clipId}>
              <rect x={LABEL_WIDTH} y={0} width={plotPx + RIGHT_PAD / 2} height={lanes.length * LANE} />
            </clipPath>
            <g clipPath={`url(#${clipId})`}>
            {shown.map((i) => {
              const o = ops[i];
              const lane = lanes.indexOf(o.client);
              return (
                <HistoryOpBar
                  key={i}
                  index={i}
                  op={o}
                  x={x}
                  now={now}
                  top={lane * LANE + 4}
                  height={LANE - 8}
                  keyIndex={keys.indexOf(o.key)}
                  place={places.get(i) ?? null}
                  violation={bad.has(i)}
                />
              );
            })}
            </g>
            <g className="axis" transform={`translate(0,${lanes.length * LANE})`} aria-hidden="true">
              <line x1={LABEL_WIDTH} x2={width - RIGHT_PAD} y1={1} y2={1} />
              {x.ticks(Math.max(2, Math.floor(width / 110))).map((t) => (
                <g key={t} transform={`translate(${x(t)},0)`}>
                  <line y1={1} y2={6} />
                  <text y={18}>{formatTick(t, t1 - t0)}</text>
                </g>
              ))}
            </g>
            <line className="now-line" x1={x(now)} x2={x(now)} y1={0} y2={lanes.length * LANE} />
          </svg>
          <p className="muted history-hint">
            A bar runs from a client's call to its answer (dashed: no answer yet); <code>+a</code> appends a, <code>→1a</code> is what a get returned.
            Click an operation to see the run when it was called; Shift+click, when it was answered.
          </p>
        </>
      )}
    </div>
  );
}
