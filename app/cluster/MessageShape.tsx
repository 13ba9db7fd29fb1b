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
