/**
 * One log entry: its term as colour and number, its kind as a letter in the
 * corner (P put, A append, G get, · no-op, C a configuration and J a joint one,
 * which also wear an inset ring: §6), its contents in its accessible
 * name and hover explanation; solid when committed, faded and
 * dashed when not; a red double ring when a safety violation involves it.
 * Hovering or focusing it explains it (app/explain/whyEntry.ts); it is a cell of
 * the log grid, which arrow keys move through (LogView).
 */
import { memo } from 'react';
import type { NodeId } from '../../engine/types.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { cssVars } from '../theme/cssVars.ts';
import { WHY_TOOLTIP_ID, whyAttr } from '../explain/whyTarget.ts';
import './log.css';

interface Props {
  readonly node: NodeId;
  readonly index: number;
  readonly term: number;
  /** What the entry holds, as `entryText` writes it: `no-op`, `c1#3 put x 1`, or a quoted raw value. */
  readonly text: string;
  /** Its kind, as a letter in the corner (entryMark.ts). */
  readonly mark: string;
  /** A configuration entry (§6): its members in words (configWords.ts); null for any other entry. */
  readonly config?: string | null;
  readonly committed: boolean;
  /** Same index as a leader entry of another term (§5.3): it will be replaced. */
  readonly conflict: boolean;
  /** Involved in a safety violation shown in the Safety panel. */
  readonly violation: boolean;
  /** In the Tab order: one cell per row is, the others are reached with the arrow keys. */
  readonly tabStop: boolean;
  /** aria-colindex (the name column is 1), set when the grid draws only a window of its columns. */
  readonly column?: number;
}

export const LogCell = memo(function LogCell({ node, index, term, text, mark, config = null, committed, conflict, violation, tabStop, column }: Props) {
  // entryText quotes a raw value (and only a raw value): say what it is.
  const what = config !== null ? `configuration entry, ${config}` : text === 'no-op' ? 'leader no-op' : text.startsWith('"') ? `value ${text}` : `command ${text}`;
  const status = committed ? 'committed' : 'not committed yet';
  return (
    <div
      data-testid={`entry-${node}-${index}`}
      data-term={term}
      data-text={text}
      data-committed={committed}
      data-violation={violation}
      data-kind={config !== null ? 'config' : undefined}
      className={`cell ${committed ? 'committed' : 'uncommitted'}${config !== null ? ' config-cell' : ''}${conflict ? ' conflict' : ''}${violation ? ' violation' : ''}`}
      style={cssVars({ '--term': termColor(term), '--ink': committed ? termInk(term) : '#111' })}
      role="gridcell"
      aria-colindex={column}
      tabIndex={tabStop ? 0 : -1}
      aria-label={`${node} index ${index}: term ${term}, ${what}, ${status}${conflict ? ", conflicts with the leader's entry" : ''}${
        violation ? ', involved in a safety violation' : ''
      }`}
      data-why={whyAttr({ kind: 'entry', node, index })}
      aria-describedby={WHY_TOOLTIP_ID}
    >
      {term}
      {mark !== '' && (
        <span className="cell-mark" aria-hidden="true">
          {mark}
        </span>
      )}
    </div>
  );
});
