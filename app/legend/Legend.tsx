/** What the colours and shapes mean, drawn with the same components as the views. */
import { MessageShape, type MessageLook } from '../cluster/MessageShape.tsx';
import { crossPath, crownPath } from '../geometry/glyphs.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { cssVars } from '../theme/cssVars.ts';
import { LegendIcon as Icon } from './LegendIcon.tsx';
import './legendClients.css';
import '../log/log.css';

const TERMS = [1, 2, 3, 4, 5, 6, 7, 8];

const MESSAGES: { look: MessageLook; text: string }[] = [
  { look: { type: 'RequestVote', term: 2, ok: null, entries: null }, text: 'RequestVote' },
  { look: { type: 'RequestVoteResponse', term: 2, ok: true, entries: null }, text: 'vote granted' },
  { look: { type: 'RequestVoteResponse', term: 2, ok: false, entries: null }, text: 'vote refused' },
  { look: { type: 'RequestVote', term: 2, ok: null, entries: null, pre: true }, text: 'pre-vote request (dashed: PreVote)' },
  { look: { type: 'RequestVoteResponse', term: 2, ok: true, entries: null, pre: true }, text: 'pre-vote granted' },
  { look: { type: 'AppendEntries', term: 2, ok: null, entries: 3 }, text: 'AppendEntries (3 entries)' },
  { look: { type: 'AppendEntries', term: 2, ok: null, entries: 0 }, text: 'heartbeat (no entries)' },
  { look: { type: 'AppendEntriesResponse', term: 2, ok: true, entries: null }, text: 'accepted' },
  { look: { type: 'AppendEntriesResponse', term: 2, ok: false, entries: null }, text: 'rejected' },
  { look: { type: 'InstallSnapshot', term: 2, ok: null, entries: null }, text: 'InstallSnapshot: the leader sends its snapshot (§7)' },
  { look: { type: 'InstallSnapshotResponse', term: 2, ok: true, entries: null }, text: 'snapshot installed (answer)' },
  { look: { type: 'TimeoutNow', term: 2, ok: null, entries: null }, text: 'TimeoutNow: the leader tells the server it hands leadership to: campaign now (thesis §3.10)' },
  { look: { type: 'RequestVote', term: 3, ok: null, entries: null, transfer: true }, text: 'RequestVote of that election (bolt: voters grant it even while they hear from a leader)' },
];

/** Client messages (§8) are round and slate: clients have no term. */
const CLIENT_MESSAGES: { look: MessageLook; text: string }[] = [
  { look: { type: 'ClientRequest', term: 0, ok: null, entries: null, op: 'A' }, text: 'client request: P put, A append, G get (#serial trails it)' },
  { look: { type: 'ClientReply', term: 0, ok: true, entries: null }, text: 'reply to a client: done, with a get\'s value' },
  { look: { type: 'NotLeader', term: 0, ok: false, entries: null }, text: 'NotLeader: not me, try the leader I know of' },
];

export function Legend() {
  return (
    <div className="legend">
      <section>
        <h3>Colour = term</h3>
        <p className="legend-note">Same colour, same term: in nodes, log cells and the timeline.</p>
        <div className="legend-terms">
          {TERMS.map((t) => (
            <span key={t} className="term-swatch" style={{ background: termColor(t), color: termInk(t) }}>
              {t}
            </span>
          ))}
        </div>
      </section>
      <section>
        <h3>Roles</h3>
        <ul>
          <li>
            <Icon>
              <circle r={10} className="legend-node leader" fill={termColor(3)} />
              <path d={crownPath(14, 8)} className="crown" transform="translate(0,-10)" />
            </Icon>
            leader: crown, heavy ring
          </li>
          <li>
            <Icon>
              <circle r={10} className="legend-node candidate" fill={termColor(3)} />
            </Icon>
            candidate: dashed ring
          </li>
          <li>
            <Icon>
              <circle r={10} className="legend-node candidate" fill={termColor(3)} />
            </Icon>
            pre-candidate (PreVote): a candidate that asks first, keeping its term
          </li>
          <li>
            <Icon>
              <circle r={10} className="legend-node follower" fill={termColor(3)} />
            </Icon>
            follower
          </li>
          <li>
            <Icon>
              <circle r={10} className="legend-node down" fill="#d9d9d9" />
              <path d={crossPath(7)} className="down-cross" />
            </Icon>
            crashed
          </li>
          <li>
            <Icon>
              <circle r={10} className="legend-node follower" fill={termColor(3)} />
              <path d="M0,-14 A14,14 0 0 1 12.1,7" className="legend-arc" />
            </Icon>
            arc: election timer running down
          </li>
        </ul>
      </section>
      <section>
        <h3>Messages</h3>
        <p className="legend-note">Filled = request, hollow = reply. They keep to the right of the link, arrow ahead.</p>
        <ul className="legend-messages">
          {MESSAGES.map((m) => (
            <li key={m.text}>
              <Icon>
                <MessageShape look={m.look} />
              </Icon>
              {m.text}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Clients</h3>
        <p className="legend-note">Under the ring, when the run has clients: each waits on one request at a time and sends it again if no answer comes.</p>
        <ul className="legend-messages">
          <li>
            <Icon width={44}>
              <rect x={-16} y={-11} width={32} height={22} rx={4} className="legend-client waiting" />
              <text y={4} className="legend-client-id">
                c1
              </text>
            </Icon>
            client waiting for an answer; pale when idle, orange edge after a retry
          </li>
          <li>
            <span className="legend-client-words">#3 append x a</span> the request it waits on; <span className="legend-client-words">try 2 → n2</span> copies sent, and to whom
          </li>
          <li>
            <Icon width={44}>
              <line x1={-20} x2={20} y1={0} y2={0} className="legend-link guess" />
            </Icon>
            <span className="legend-client-words">⇢ n2</span> the node it believes leads, and the dashed link to it
          </li>
          <li>
            <Icon width={44}>
              <rect x={-18} y={-3} width={36} height={6} rx={2} className="legend-client-track" />
              <rect x={-18} y={-3} width={22} height={6} rx={2} className="legend-client-bar" />
            </Icon>
            time left before it retries
          </li>
          {CLIENT_MESSAGES.map((m) => (
            <li key={m.text}>
              <Icon>
                <MessageShape look={m.look} />
              </Icon>
              {m.text}
            </li>
          ))}
          <li>
            <span className="cell committed legend-cell" style={cssVars({ '--term': termColor(4), '--ink': termInk(4) })}>
              4<span className="cell-mark">A</span>
            </span>
            log entry of a client command (P, A, G); <span className="cell-mark-inline">·</span> a leader's no-op
          </li>
        </ul>
      </section>
      <section>
        <h3>Links and logs</h3>
        <ul>
          <li>
            <Icon width={44}>
              <line x1={-20} x2={20} y1={0} y2={0} className="legend-link" />
            </Icon>
            link (click to cut)
          </li>
          <li>
            <Icon width={44}>
              <line x1={-20} x2={20} y1={0} y2={0} className="legend-link cut" />
              <circle r={8} className="legend-cut-mark" />
              <path d={crossPath(4)} className="legend-cut-cross" />
            </Icon>
            cut link
          </li>
          <li>
            <span className="cell committed legend-cell" style={cssVars({ '--term': termColor(4), '--ink': termInk(4) })}>
              4
            </span>
            committed entry
          </li>
          <li>
            <span className="cell uncommitted legend-cell" style={cssVars({ '--term': termColor(4), '--ink': '#111' })}>
              4
            </span>
            not committed yet
          </li>
          <li>
            <span className="cell uncommitted conflict legend-cell" style={cssVars({ '--term': termColor(2), '--ink': '#111' })}>
              2
            </span>
            conflicts with the leader
          </li>
          <li>
            <span className="legend-markers">▲next · match</span> the leader's nextIndex / matchIndex
          </li>
          <li>
            <span className="key-probe">↩2 · ⇄3</span> probing a follower: AppendEntries rejected · round trips (§5.3)
          </li>
        </ul>
      </section>
      <section>
        <h3>Membership (§6)</h3>
        <p className="legend-note">The ring holds the configuration the leader uses; the line over the cluster says it in words.</p>
        <ul>
          <li>
            <Icon>
              <circle r={10} className="legend-node follower" fill={termColor(3)} />
            </Icon>
            voter: on the ring, votes and counts toward a majority
          </li>
          <li>
            <Icon>
              <circle r={14} className="learner-ring" />
              <circle r={14} className="learner-ring-gap" />
              <circle r={10} className="legend-node follower" fill={termColor(3)} />
            </Icon>
            learner (double ring): copies the log to catch up, does not vote yet
          </li>
          <li>
            <Icon>
              <circle r={10} className="legend-node follower legend-apart" fill={termColor(3)} />
            </Icon>
            not a member: faded, apart under the ring; can be added
          </li>
          <li>
            <Icon width={44}>
              <line x1={-20} x2={20} y1={-4} y2={-4} className="hull hull-old" />
              <line x1={-20} x2={20} y1={5} y2={5} className="hull hull-new" />
            </Icon>
            joint consensus: C_old dashed, C_new solid; every decision needs a majority of each (<span className="legend-client-words">old 2/3 ✓ · new 1/3</span>)
          </li>
          <li>
            <span className="cell committed legend-cell config-cell" style={cssVars({ '--term': termColor(4), '--ink': termInk(4) })}>
              4<span className="cell-mark">C</span>
            </span>
            configuration entry; <span className="cell-mark-inline">J</span> a joint one (C_old,new)
          </li>
        </ul>
      </section>
      <section>
        <h3>Safety</h3>
        <ul>
          <li>
            <Icon>
              <circle r={10} className="legend-node follower" fill={termColor(3)} />
              <circle r={13} className="legend-violation-ring" />
            </Icon>
            node involved in a safety violation
          </li>
          <li>
            <span className="cell committed legend-cell violation" style={cssVars({ '--term': termColor(2), '--ink': termInk(2) })}>
              2
            </span>
            entry involved in a safety violation
          </li>
          <li>
            <span className="unsafe-badge legend-unsafe">⚠ UNSAFE</span> a rule of Raft is switched off
          </li>
        </ul>
      </section>
    </div>
  );
}
