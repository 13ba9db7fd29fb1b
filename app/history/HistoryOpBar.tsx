/**
 * One client operation: a bar from its call to its answer (to the moment viewed
 * while it waits, its open end dashed), labelled with the operation and what it
 * returned. Focusable: Enter shows the run at its call, Shift+Enter at its answer.
 */
import type { KeyboardEvent, MouseEvent } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { HistoryOp } from '../../engine/linearize/history.ts';
import { useSession } from '../session/useSession.ts';
import { seekTo } from '../sim/actions.ts';
import { MIN_BAR_PX, opDescription, opLabel, shortLabel } from './historyLayout.ts';

/** Pale fills, one per key in order of first use, so one key's operations read as a set (the panel's key legend shows them). */
export const KEY_FILLS = ['#dbe9f6', '#f6e3c8', '#dcefd9', '#eadcf3', '#f3dbe2', '#e3e3e3'];
/** Roughly the width of one character of the 11px label. */
const CHAR_PX = 6.2;

interface Props {
  readonly index: number;
  readonly op: HistoryOp;
  readonly x: ScaleLinear<number, number>;
  readonly now: number;
  readonly top: number;
  readonly height: number;
  readonly keyIndex: number;
  /** Its place in the order found for its key, 1-based; null when the history has no order (or it was left out). */
  readonly place: number | null;
  /** One of the operations that no order explains. */
  readonly violation: boolean;
}

export function HistoryOpBar({ index, op, x, now, top, height, keyIndex, place, violation }: Props) {
  const session = useSession();
  const answered = op.returnedAt !== null;
  const x0 = x(op.invokedAt);
  const x1 = Math.max(x(op.returnedAt ?? now), x0 + MIN_BAR_PX);
  const w = x1 - x0;
  const badge = place === null ? '' : `${place}`;
  const badgeW = badge === '' ? 0 : 6 + badge.length * 6;
  const room = (text: string): boolean => w >= badgeW + text.length * CHAR_PX + 8;
  const full = opLabel(op);
  const short = shortLabel(op);
  const label = room(full) ? full : room(short) ? short : null;
  const seek = (atAnswer: boolean) => {
    if (atAnswer && op.returnedEvent !== null) seekTo(session, op.returnedEvent, op.returnedAt ?? undefined);
    else seekTo(session, op.invokedEvent, op.invokedAt);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    seek(e.shiftKey);
  };
  const description = `${opDescription(op)}${place === null ? '' : `; number ${place} in the order found for ${op.key}`}${violation ? '; part of the violation' : ''}`;
  return (
    <g
      className={`history-op${answered ? '' : ' pending'}${violation ? ' violation' : ''}`}
      transform={`translate(${x0},${top})`}
      data-testid="history-op"
      data-index={index}
      data-client={op.client}
      data-op={op.op}
      data-key={op.key}
      data-result={op.result ?? ''}
      data-answered={answered}
      data-violation={violation}
      data-place={place ?? ''}
      tabIndex={0}
      role="button"
      aria-label={`${description}. Enter shows the run at the call, Shift+Enter at the answer.`}
      onClick={(e: MouseEvent) => seek(e.shiftKey)}
      onKeyDown={onKey}
    >
      <title>{`${description}\nClick: the run at the call · Shift+click: at the answer`}</title>
      <rect className="history-bar" width={w} height={height} rx={3} fill={KEY_FILLS[keyIndex % KEY_FILLS.length]} />
      {badge !== '' && w >= badgeW + 2 && (
        <g className="history-place" aria-hidden="true">
          <rect x={2} y={3} width={badgeW} height={height - 6} rx={(height - 6) / 2} />
          <text x={2 + badgeW / 2} y={height / 2 + 3.5} textAnchor="middle">
            {badge}
          </text>
        </g>
      )}
      {label !== null && (
        <text className="history-label" x={badgeW + 6} y={height / 2 + 4} aria-hidden="true">
          {label}
        </text>
      )}
    </g>
  );
}
