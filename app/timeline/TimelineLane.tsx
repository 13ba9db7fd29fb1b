/** One node's history on the timeline: a bar per span of (role, term). */
import { memo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { NodeId } from '../../engine/types.ts';
import type { RoleSpan } from '../worker/viewModel.ts';
import { termColor, termInk } from '../theme/termColor.ts';

interface Props {
  readonly id: NodeId;
  readonly spans: readonly RoleSpan[];
  readonly x: ScaleLinear<number, number>;
  readonly now: number;
  readonly top: number;
  readonly height: number;
  readonly labelWidth: number;
}

/** Bar height and offset within the lane, by role: the leader's bar is the tallest. */
const BAR = { leader: [0.06, 0.88], candidate: [0.16, 0.68], follower: [0.28, 0.44], down: [0.2, 0.6] } as const;

export const TimelineLane = memo(function TimelineLane({ id, spans, x, now, top, height, labelWidth }: Props) {
  const [t0, t1] = x.domain();
  return (
    <g className="lane" transform={`translate(0,${top})`}>
      <text className="lane-label" x={labelWidth - 8} y={height / 2 + 5}>
        {id}
      </text>
      <line className="lane-rule" x1={labelWidth} x2={x.range()[1]} y1={height / 2} y2={height / 2} />
      {spans.map((s, i) => {
        const end = i + 1 < spans.length ? spans[i + 1].start : now;
        if (end < t0 || s.start > t1) return null;
        const x0 = x(Math.max(s.start, t0));
        const x1 = x(Math.min(end, t1));
        const w = Math.max(1, x1 - x0);
        const [offset, scale] = BAR[s.role];
        const h = height * scale;
        const y = height * offset;
        const label = s.role === 'down' ? (w > 44 ? 'down' : '') : w > 54 && s.role === 'leader' ? `♛ ${s.term}` : w > 14 ? String(s.term) : '';
        return (
          <g key={`${s.start}-${i}`} className={`span span-${s.role}`}>
            <title>{`${id}: ${s.role === 'down' ? 'crashed' : `${s.role}, term ${s.term}`}, from ${s.start} ms to ${i + 1 < spans.length ? `${end} ms` : 'now'}`}</title>
            <rect x={x0} y={y} width={w} height={h} fill={s.role === 'down' ? 'url(#down-hatch)' : termColor(s.term)} />
            {label && (
              <text x={x0 + 3} y={height / 2 + 4} fill={s.role === 'down' ? '#333' : termInk(s.term)}>
                {label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
});
