/**
 * How a message looks, wherever it is drawn (on a link, in the legend):
 * shape = kind (◆ RequestVote, ▭ AppendEntries), filled = request,
 * hollow = response, ✓/✗ = granted/accepted or refused/rejected, colour = term,
 * dashed outline = a PreVote request or reply (it changes no term and no vote).
 */
import type { MessageType } from '../../engine/types.ts';
import { crossPath, diamondPath, tickPath } from '../geometry/glyphs.ts';
import { termColor, termInk } from '../theme/termColor.ts';

export interface MessageLook {
  readonly type: MessageType;
  readonly term: number;
  /** For responses: granted / accepted. */
  readonly ok: boolean | null;
  /** AppendEntries: how many entries it carries (0 = heartbeat). */
  readonly entries: number | null;
  /** A PreVote request or reply. */
  readonly pre?: boolean;
}

const isRequest = (t: MessageType): boolean => t === 'RequestVote' || t === 'AppendEntries';
const isVote = (t: MessageType): boolean => t === 'RequestVote' || t === 'RequestVoteResponse';

export function MessageShape({ look }: { look: MessageLook }) {
  const fill = termColor(look.term);
  const request = isRequest(look.type);
  const body = isVote(look.type) ? (
    <path
      d={diamondPath(12)}
      className={look.pre ? 'msg-body pre' : 'msg-body'}
      fill={request ? fill : '#fff'}
      stroke={request ? '#222' : fill}
      strokeWidth={request ? (look.pre ? 2 : 1.5) : 3}
      strokeDasharray={look.pre ? '3.5 2.5' : undefined}
    />
  ) : (
    <rect x={-13} y={-8} width={26} height={16} rx={2} className="msg-body" fill={request ? fill : '#fff'} stroke={request ? '#222' : fill} strokeWidth={request ? 1.5 : 3} />
  );
  return (
    <>
      {body}
      {look.type === 'AppendEntries' &&
        (look.entries ? (
          <text className="msg-count" y={4.5} fill={termInk(look.term)}>
            {look.entries > 99 ? '99+' : look.entries}
          </text>
        ) : (
          // An envelope's flap: a heartbeat carries no entries.
          <path d="M-13,-8 L0,1 L13,-8" fill="none" stroke={termInk(look.term)} strokeWidth={1} />
        ))}
      {look.ok === true && <path d={tickPath(6)} className="msg-ok" />}
      {look.ok === false && <path d={crossPath(5)} className="msg-refused" />}
    </>
  );
}
