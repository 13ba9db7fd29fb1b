/**
 * Every event record in plain words: what happened, why, what happens next, and
 * the rule of Raft that decided it (rules.ts). One `case` per record kind, so a
 * new kind in events.ts fails the typecheck until it is explained here.
 */
import type { RecordBody } from '../events.ts';
import { assertNever } from '../assertNever.ts';
import type { Explanation } from './explanation.ts';
import * as election from './election.ts';
import * as replication from './replication.ts';
import * as commit from './commit.ts';
import * as client from './client.ts';
import * as snapshot from './snapshot.ts';
import * as faults from './faults.ts';
import * as membership from './membership.ts';
import * as transfer from './transfer.ts';

export type { Explanation } from './explanation.ts';

export function explain(r: RecordBody): Explanation {
  switch (r.type) {
    case 'electionTimeout':
      return election.electionTimeout(r);
    case 'becameCandidate':
      return election.becameCandidate(r);
    case 'becameLeader':
      return election.becameLeader(r);
    case 'becameFollower':
      return election.becameFollower(r);
    case 'voteGranted':
      return election.voteGranted(r);
    case 'voteRefused':
      return election.voteRefused(r);
    case 'voteCounted':
      return election.voteCounted(r);
    case 'voteIgnored':
      return election.voteIgnored(r);
    case 'quorumChecked':
      return election.quorumChecked(r);
    case 'heartbeat':
      return replication.heartbeat(r);
    case 'appendAccepted':
      return replication.appendAccepted(r);
    case 'appendRejected':
      return replication.appendRejected(r);
    case 'truncated':
      return replication.truncated(r);
    case 'matchAdvanced':
      return replication.matchAdvanced(r);
    case 'nextIndexBackedOff':
      return replication.nextIndexBackedOff(r);
    case 'probeSettled':
      return replication.probeSettled(r);
    case 'staleResponse':
      return replication.staleResponse(r);
    case 'commitAdvanced':
      return commit.commitAdvanced(r);
    case 'commitDeferred':
      return commit.commitDeferred(r);
    case 'proposed':
      return client.proposed(r);
    case 'proposalRefused':
      return client.proposalRefused(r);
    case 'clientInvoked':
      return client.clientInvoked(r);
    case 'clientQueued':
      return client.clientQueued(r);
    case 'clientRetried':
      return client.clientRetried(r);
    case 'clientReturned':
      return client.clientReturned(r);
    case 'notLeader':
      return client.notLeader(r);
    case 'commandAppended':
      return client.commandAppended(r);
    case 'duplicateAnswered':
      return client.duplicateAnswered(r);
    case 'duplicatePending':
      return client.duplicatePending(r);
    case 'applied':
      return client.applied(r);
    case 'readQueued':
      return client.readQueued(r);
    case 'readServed':
      return client.readServed(r);
    case 'readsDropped':
      return client.readsDropped(r);
    case 'workloadScheduled':
      return client.workloadScheduled(r);
    case 'campaignRefused':
      return election.campaignRefused(r);
    case 'snapshotTaken':
      return snapshot.snapshotTaken(r);
    case 'snapshotSkipped':
      return snapshot.snapshotSkipped(r);
    case 'snapshotSent':
      return snapshot.snapshotSent(r);
    case 'snapshotInstalled':
      return snapshot.snapshotInstalled(r);
    case 'snapshotIgnored':
      return snapshot.snapshotIgnored(r);
    case 'snapshotAcknowledged':
      return snapshot.snapshotAcknowledged(r);
    case 'changeStarted':
      return membership.changeStarted(r);
    case 'changeRefused':
      return membership.changeRefused(r);
    case 'changeWaiting':
      return membership.changeWaiting(r);
    case 'configAppended':
      return membership.configAppended(r);
    case 'configAdopted':
      return membership.configAdopted(r);
    case 'learnerCaughtUp':
      return membership.learnerCaughtUp(r);
    case 'changeDone':
      return membership.changeDone(r);
    case 'changeAborted':
      return membership.changeAborted(r);
    case 'transferStarted':
      return transfer.transferStarted(r);
    case 'transferRefused':
      return transfer.transferRefused(r);
    case 'timeoutNowSent':
      return transfer.timeoutNowSent(r);
    case 'timeoutNowReceived':
      return transfer.timeoutNowReceived(r);
    case 'transferAborted':
      return transfer.transferAborted(r);
    case 'requestHeld':
      return transfer.requestHeld(r);
    case 'crashed':
      return faults.crashed(r);
    case 'restarted':
      return faults.restarted(r);
    case 'linkCut':
      return faults.linkCut(r);
    case 'linkHealed':
      return faults.linkHealed(r);
    case 'messageLost':
      return faults.messageLost(r);
    case 'violation':
      return faults.violation(r);
    default:
      return assertNever(r);
  }
}
