/** Groups event records for colour-coding the event list. */
import type { RecordType } from '../../engine/events.ts';

export type EventCategory = 'election' | 'replication' | 'commit' | 'fault' | 'client' | 'violation' | 'heartbeat' | 'snapshot';

const CATEGORY: Record<RecordType, EventCategory> = {
  clientInvoked: 'client',
  clientQueued: 'client',
  clientRetried: 'client',
  clientReturned: 'client',
  notLeader: 'client',
  commandAppended: 'client',
  duplicateAnswered: 'client',
  duplicatePending: 'client',
  applied: 'commit',
  readQueued: 'client',
  readServed: 'client',
  readsDropped: 'client',
  workloadScheduled: 'client',
  campaignRefused: 'election',
  electionTimeout: 'election',
  becameCandidate: 'election',
  becameLeader: 'election',
  becameFollower: 'election',
  voteGranted: 'election',
  voteRefused: 'election',
  voteCounted: 'election',
  voteIgnored: 'election',
  appendAccepted: 'replication',
  appendRejected: 'replication',
  truncated: 'replication',
  matchAdvanced: 'replication',
  nextIndexBackedOff: 'replication',
  probeSettled: 'replication',
  quorumChecked: 'election',
  staleResponse: 'replication',
  commitAdvanced: 'commit',
  commitDeferred: 'commit',
  heartbeat: 'heartbeat',
  proposed: 'client',
  proposalRefused: 'client',
  crashed: 'fault',
  restarted: 'fault',
  linkCut: 'fault',
  linkHealed: 'fault',
  messageLost: 'fault',
  violation: 'violation',
  // Log compaction (§7): taking a snapshot is a node's own bookkeeping, like
  // applying; sending and installing one is how a leader repairs a follower's log.
  snapshotTaken: 'snapshot',
  snapshotSkipped: 'snapshot',
  snapshotSent: 'snapshot',
  snapshotInstalled: 'snapshot',
  snapshotIgnored: 'snapshot',
  snapshotAcknowledged: 'snapshot',
};

export const eventCategory = (type: RecordType): EventCategory => CATEGORY[type];
