import type { MessageView } from '../worker/viewModel.ts';
import type { MessageLook } from './MessageShape.tsx';

export function lookOf(m: MessageView): MessageLook {
  switch (m.type) {
    case 'RequestVote':
      return { type: m.type, term: m.term, ok: null, entries: null, pre: m.preVote };
    case 'RequestVoteResponse':
      return { type: m.type, term: m.term, ok: m.granted, entries: null, pre: m.preVote };
    case 'AppendEntries':
      return { type: m.type, term: m.term, ok: null, entries: m.entryCount };
    case 'AppendEntriesResponse':
      return { type: m.type, term: m.term, ok: m.success, entries: null };
    case 'ClientRequest':
      return { type: m.type, term: m.term, ok: null, entries: null };
    case 'ClientReply':
      return { type: m.type, term: m.term, ok: true, entries: null };
    case 'NotLeader':
      return { type: m.type, term: m.term, ok: false, entries: null };
  }
}
