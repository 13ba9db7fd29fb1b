import type { MessageView } from '../worker/viewModel.ts';
import type { MessageLook } from './MessageShape.tsx';

export function lookOf(m: MessageView): MessageLook {
  switch (m.type) {
    case 'RequestVote':
      return { type: m.type, term: m.term, ok: null, entries: null, pre: m.preVote, transfer: m.transfer };
    case 'RequestVoteResponse':
      return { type: m.type, term: m.term, ok: m.granted, entries: null, pre: m.preVote };
    case 'AppendEntries':
      return { type: m.type, term: m.term, ok: null, entries: m.entryCount };
    case 'AppendEntriesResponse':
      return { type: m.type, term: m.term, ok: m.success, entries: null };
    case 'ClientRequest':
      return { type: m.type, term: m.term, ok: null, entries: null, op: m.op.kind[0].toUpperCase() };
    case 'ClientReply':
      return { type: m.type, term: m.term, ok: true, entries: null };
    case 'NotLeader':
      return { type: m.type, term: m.term, ok: false, entries: null };
    case 'InstallSnapshot':
      return { type: m.type, term: m.term, ok: null, entries: null };
    case 'InstallSnapshotResponse':
      return { type: m.type, term: m.term, ok: true, entries: null };
    case 'TimeoutNow':
      return { type: m.type, term: m.term, ok: null, entries: null };
  }
}

/**
 * The number trailing a message: its term for Raft's messages (colour is never
 * the only sign of a term), its serial for a client's (clients have no term).
 */
export function trailLabel(m: MessageView): string {
  switch (m.type) {
    case 'ClientRequest':
    case 'ClientReply':
    case 'NotLeader':
      return `#${m.serial}`;
    default:
      return String(m.term);
  }
}
