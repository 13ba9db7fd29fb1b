/**
 * The block a log row starts with when its node has a snapshot (§7, Figure 12):
 * the entries up to `index` were applied and compacted into it, so the row holds
 * none of them. It spans their columns, so every later entry stays under its
 * index. It must not read as log cells: grey and hatched (never a term's
 * colour), a double border, a "snapshot" label with the range and the last
 * included term in words. Hovering or focusing it shows the state it holds
 * (app/explain/whySnapshot.ts); it is a stop of the log grid like the cells.
 */
import { memo } from 'react';
import type { NodeId } from '../../engine/types.ts';
import { cssVars } from '../theme/cssVars.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { WHY_TOOLTIP_ID, whyAttr } from '../explain/whyTarget.ts';
import './log.css';

interface Props {
  readonly node: NodeId;
  /** The last included index and its term. */
  readonly index: number;
  readonly term: number;
  /** How many columns of the window it covers. */
  readonly span: number;
  /** In the Tab order: when the log holds no entry after the snapshot. */
  readonly tabStop: boolean;
  readonly column?: number;
}

/** Narrower than this many columns, the block says only the range. */
const ROOM_FOR_WORDS = 4;

export const SnapshotBlock = memo(function SnapshotBlock({ node, index, term, span, tabStop, column }: Props) {
  const range = `1–${index}`;
  return (
    <div
      data-testid={`snapshot-${node}`}
      data-index={index}
      data-term={term}
      className="snapshot-block"
      style={cssVars({ '--span': span })}
      role="gridcell"
      aria-colindex={column}
      tabIndex={tabStop ? 0 : -1}
      aria-label={`${node} snapshot: entries ${range} compacted into a snapshot, last included term ${term}`}
      data-why={whyAttr({ kind: 'snapshot', node })}
      aria-describedby={WHY_TOOLTIP_ID}
    >
      {/* Sticky: while any of the block is in view, its words are, however far the log is scrolled. */}
      <span className="snapshot-label">
        <span className="snapshot-icon" aria-hidden="true">
          ▤
        </span>
        {span >= ROOM_FOR_WORDS && <span className="snapshot-word">snapshot</span>}
        <span className="snapshot-range">{range}</span>
        <span className="snapshot-term" style={cssVars({ '--term': termColor(term), '--ink': termInk(term) })} title={`last included term ${term}`}>
          t{term}
        </span>
      </span>
    </div>
  );
});
