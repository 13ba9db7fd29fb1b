/**
 * How a message looks, wherever it is drawn (on a link, in the legend):
 * shape = kind (◆ RequestVote, ▭ AppendEntries), filled = request,
 * hollow = response, ✓/✗ = granted/accepted or refused/rejected, colour = term,
 * dashed outline = a PreVote request or reply (it changes no term and no vote).
 * Client messages (§8) are round and slate, since clients have no term: a
 * filled disc with the operation's letter (P put, A append, G get) is a
 * request, a hollow ring with ✓ a reply, a dashed ring with ↪ a NotLeader
 * (the node sends the client elsewhere).
 * InstallSnapshot (§7, Figure 13) is a stack of cards, the many entries of a
 * snapshot in one message, marked S; filled (term colour) for the request,
 * hollow with ✓ for its answer.
 * TimeoutNow (leadership transfer, thesis §3.10) is a tag pointing ahead with a
 * lightning bolt: "campaign now", filled in the term's colour. The RequestVote
 * of the election it starts (`transfer`) wears the same bolt on its diamond.
 */
import { isClientMessageType, type MessageType } from '../../engine/types.ts';
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
  /** A client request: its operation's letter (P, A, G). */
  readonly op?: string;
  /** A RequestVote of an election a leader asked for (TimeoutNow, thesis §3.10). */
  readonly transfer?: boolean;
}

/** A lightning bolt, about 12 units tall: "now", on TimeoutNow and on the RequestVote it causes. */
const BOLT = 'M1.5,-7 L-4,1 L-0.5,1 L-2,7 L4,-1.5 L0.5,-1.5 Z';

/** TimeoutNow: a tag pointing ahead, filled in the term's colour, with a bolt. No reply: the election that follows is the answer. */
function TimeoutNowShape({ look }: { look: MessageLook }) {
  return (
    <>
      <path d="M-13,-9 L5,-9 L13,0 L5,9 L-13,9 Z" className="msg-body msg-timeoutnow" fill={termColor(look.term)} stroke="#222" strokeWidth={1.5} strokeLinejoin="round" />
      <path d={BOLT} className="msg-bolt" fill={termInk(look.term)} transform="translate(-2,0)" />
    </>
  );
}

/** Client messages' one colour: slate, never a term's. */
export const CLIENT_INK = '#3f4c5c';

function ClientMessageShape({ look }: { look: MessageLook }) {
  switch (look.type) {
    case 'ClientRequest':
      return (
        <>
          <circle r={11} className="msg-body msg-client" fill={CLIENT_INK} stroke="#111" />
          <text className="msg-op" y={4.5}>
            {look.op}
          </text>
        </>
      );
    case 'NotLeader':
      return (
        <>
          <circle r={11} className="msg-body msg-client" fill="#fff" stroke={CLIENT_INK} strokeWidth={2.5} strokeDasharray="4 2.5" />
          {/* A turn-back arrow: "not me, try there". */}
          <path className="msg-redirect" d="M4,-5 L-3,-5 Q-7,-5 -7,0 Q-7,5 -3,5 L5,5 M2,1.5 L5.5,5 L2,8.5" />
        </>
      );
    default:
      return (
        <>
          <circle r={11} className="msg-body msg-client" fill="#fff" stroke={CLIENT_INK} strokeWidth={3} />
          <path d={tickPath(5.5)} className="msg-ok" />
        </>
      );
  }
}

const isRequest = (t: MessageType): boolean => t === 'RequestVote' || t === 'AppendEntries';
const isVote = (t: MessageType): boolean => t === 'RequestVote' || t === 'RequestVoteResponse';

/** InstallSnapshot and its answer: a card on a card, "a whole snapshot", never a log entry's lone card. */
function SnapshotShape({ look }: { look: MessageLook }) {
  const fill = termColor(look.term);
  const request = look.type === 'InstallSnapshot';
  return (
    <>
      <rect x={-9} y={-13} width={22} height={18} rx={2} className="msg-body msg-snapshot-back" fill="#fff" stroke={request ? '#222' : fill} strokeWidth={1.5} />
      <rect x={-13} y={-8} width={22} height={18} rx={2} className="msg-body msg-snapshot" fill={request ? fill : '#fff'} stroke={request ? '#222' : fill} strokeWidth={request ? 1.5 : 3} />
      {request ? (
        <text className="msg-count" x={-2} y={5.5} fill={termInk(look.term)}>
          S
        </text>
      ) : (
        <path d={tickPath(5)} className="msg-ok" transform="translate(-2,1)" />
      )}
    </>
  );
}

export function MessageShape({ look }: { look: MessageLook }) {
  if (isClientMessageType(look.type)) return <ClientMessageShape look={look} />;
  if (look.type === 'InstallSnapshot' || look.type === 'InstallSnapshotResponse') return <SnapshotShape look={look} />;
  if (look.type === 'TimeoutNow') return <TimeoutNowShape look={look} />;
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
      {look.transfer === true && <path d={BOLT} className="msg-bolt" fill={termInk(look.term)} transform="scale(0.8)" />}
      {look.ok === true && <path d={tickPath(6)} className="msg-ok" />}
      {look.ok === false && <path d={crossPath(5)} className="msg-refused" />}
    </>
  );
}
