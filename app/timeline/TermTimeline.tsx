/**
 * Terms and roles over simulated time, one lane per node: colour is the term,
 * bar height is the role (tallest = leader, dashed = candidate, hatched grey =
 * crashed), so elections, leaderships and crashes read at a glance.
 */
import { useMemo, useRef } from 'react';
import { scaleLinear } from 'd3-scale';
import { useAppStore } from '../store/useAppStore.ts';
import { type Store } from '../store/store.ts';
import { selectHistory, selectIds, selectSpeed } from '../store/selectors.ts';
import { useElementWidth } from '../hooks/useElementWidth.ts';
import { formatTick, timelineDomain, timeStep } from './timelineWindow.ts';
import { TimelineLane } from './TimelineLane.tsx';

const LANE = 26;
const LABEL_WIDTH = 40;
const AXIS = 22;
const RIGHT_PAD = 24;

/** Simulated time rounded to the timeline's resolution, so it redraws once per pixel, not per snapshot. */
const selectCoarseTime = (s: Store): number => {
  const step = timeStep(s.speed);
  return Math.floor(s.time / step) * step;
};

export function TermTimeline() {
  const ids = useAppStore(selectIds);
  const history = useAppStore(selectHistory);
  const speed = useAppStore(selectSpeed);
  const now = useAppStore(selectCoarseTime);
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [t0, t1] = timelineDomain(now, speed);
  const x = useMemo(() => scaleLinear().domain([t0, t1]).range([LABEL_WIDTH, width - RIGHT_PAD]), [t0, t1, width]);
  const height = ids.length * LANE + AXIS;
  return (
    <div className="timeline" ref={box}>
      <svg width={width} height={height} role="img" aria-label="Term and role of every node over time">
        <defs>
          <pattern id="down-hatch" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill="#e6e6e6" />
            <line x1={0} y1={0} x2={0} y2={6} stroke="#8a8a8a" strokeWidth={2} />
          </pattern>
        </defs>
        {ids.map((id, i) => (
          <TimelineLane key={id} id={id} spans={history[id] ?? []} x={x} now={now} top={i * LANE} height={LANE} labelWidth={LABEL_WIDTH} />
        ))}
        <g className="axis" transform={`translate(0,${ids.length * LANE})`}>
          <line x1={LABEL_WIDTH} x2={width - RIGHT_PAD} y1={1} y2={1} />
          {x.ticks(Math.max(2, Math.floor(width / 110))).map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={1} y2={6} />
              <text y={18}>{formatTick(t, t1 - t0)}</text>
            </g>
          ))}
        </g>
        <line className="now-line" x1={x(now)} x2={x(now)} y1={0} y2={ids.length * LANE} />
      </svg>
    </div>
  );
}
