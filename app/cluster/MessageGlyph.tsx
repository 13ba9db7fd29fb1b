/**
 * A message in flight. React creates it once; ClusterPainter moves it along its
 * lane every frame. Clicking it, or Enter when it has focus, selects it (and
 * pauses) so it can be inspected or dropped. The messages share one Tab stop
 * (useRovingFocus).
 */
import { memo, useCallback } from 'react';
import type { MessageView } from '../worker/viewModel.ts';
import { MessageShape } from './MessageShape.tsx';
import { lookOf, trailLabel } from './messageLook.ts';
import type { ClusterPainter } from './clusterPainter.ts';
import { WHY_TOOLTIP_ID, whyAttr } from '../explain/whyTarget.ts';
import { useSession } from '../session/useSession.ts';
import type { Session } from '../session/session.ts';

interface Props {
  readonly message: MessageView;
  /** Direction of travel, degrees clockwise from east. */
  readonly heading: number;
  readonly painter: ClusterPainter;
  readonly selected: boolean;
  /** The messages' one place in the Tab order. */
  readonly tabStop: boolean;
}

export const MessageGlyph = memo(function MessageGlyph({ message: m, heading, painter, selected, tabStop }: Props) {
  const session = useSession();
  const register = useCallback((el: SVGGElement | null) => painter.message(m.id, el), [painter, m.id]);
  const pre = (m.type === 'RequestVote' || m.type === 'RequestVoteResponse') && m.preVote;
  const transfer = m.type === 'RequestVote' && m.transfer;
  const client = m.type === 'ClientRequest' || m.type === 'ClientReply' || m.type === 'NotLeader';
  const summary = client
    ? `${m.type} ${m.from}→${m.to}, request #${m.serial} (m${m.id})`
    : `${m.type}${pre ? ' (pre-vote)' : ''}${transfer ? ' (leadership transfer)' : ''} ${m.from}→${m.to}, term ${m.term} (m${m.id})`;
  return (
    <g
      ref={register}
      data-testid="message"
      data-type={m.type}
      data-from={m.from}
      data-to={m.to}
      data-id={m.id}
      data-pre={pre}
      data-transfer={transfer}
      className={selected ? 'message selected' : 'message'}
      onClick={(e) => {
        e.stopPropagation();
        inspect(session, m.id);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') inspect(session, m.id);
      }}
      role="button"
      aria-label={summary}
      tabIndex={tabStop ? 0 : -1}
      data-roving={String(m.id)}
      // Hovered, the floating explanation says what it asks or answers (app/explain/whyMessage.ts).
      data-why={whyAttr({ kind: 'message', id: m.id })}
      aria-describedby={WHY_TOOLTIP_ID}
    >
      {selected && <circle className="message-selection" r={19} />}
      <circle className="focus-ring" r={22} />
      <path className="msg-arrow" d="M17,-5 L24,0 L17,5 Z" transform={`rotate(${heading.toFixed(1)})`} />
      <MessageShape look={lookOf(m)} />
      {/* Its term (or a client's serial) as a number, trailing behind it (the arrow leads): colour is never the only sign of a term. */}
      <text className="msg-term" x={(-Math.cos(rad(heading)) * 24).toFixed(1)} y={(-Math.sin(rad(heading)) * 20 + 4).toFixed(1)}>
        {trailLabel(m)}
      </text>
    </g>
  );
});

const rad = (degrees: number): number => (degrees * Math.PI) / 180;

/** A message is inspected paused: it would fly on, or arrive, while being read. */
function inspect(session: Session, id: number): void {
  session.pause();
  session.store.getState().select({ kind: 'message', id });
}
