/**
 * Every event record explains itself in plain words and names the rule that
 * decided it. SAMPLES has one entry per record kind (a mapped type, so a new kind
 * without a sample fails the typecheck), and every library scenario's records
 * must explain as cleanly as the samples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describe as describeRecord } from '../describe.ts';
import type { RecordBody, RecordType } from '../events.ts';
import { explain } from '../explain/explain.ts';
import { RULE_IDS, RULES, type RuleId } from '../explain/rules.ts';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';

type Samples = { readonly [K in RecordType]: readonly Extract<RecordBody, { type: K }>[] };

const pos = (lastIndex: number, lastTerm: number) => ({ lastIndex, lastTerm });

const SAMPLES: Samples = {
  snapshotTaken: [
    { type: 'snapshotTaken', node: 'n1', index: 40, term: 2, dropped: 40, cause: 'threshold', keys: 3 },
    { type: 'snapshotTaken', node: 'n2', index: 12, term: 1, dropped: 2, cause: 'command', keys: 0 },
  ],
  snapshotSkipped: [{ type: 'snapshotSkipped', node: 'n2', index: 12, snapshotIndex: 12 }],
  snapshotSent: [
    { type: 'snapshotSent', node: 'n1', peer: 'n3', index: 40, term: 2, next: 5, retry: false },
    { type: 'snapshotSent', node: 'n1', peer: 'n3', index: 40, term: 2, next: 5, retry: true },
  ],
  snapshotInstalled: [
    { type: 'snapshotInstalled', node: 'n3', leader: 'n1', index: 40, term: 2, keptLog: false, kept: 0, discarded: 4, lastApplied: 3 },
    { type: 'snapshotInstalled', node: 'n3', leader: 'n1', index: 40, term: 2, keptLog: true, kept: 2, discarded: 0, lastApplied: 30 },
    { type: 'snapshotInstalled', node: 'n3', leader: 'n1', index: 40, term: 2, keptLog: true, kept: 0, discarded: 0, lastApplied: 30 },
  ],
  snapshotIgnored: [{ type: 'snapshotIgnored', node: 'n3', leader: 'n1', index: 40, lastApplied: 45 }],
  snapshotAcknowledged: [{ type: 'snapshotAcknowledged', node: 'n1', peer: 'n3', match: 40 }],
  electionTimeout: [
    { type: 'electionTimeout', node: 'n2', term: 3, forced: false },
    { type: 'electionTimeout', node: 'n2', term: 3, forced: true },
  ],
  becameCandidate: [
    { type: 'becameCandidate', node: 'n2', term: 4, pre: false },
    { type: 'becameCandidate', node: 'n2', term: 4, pre: true },
  ],
  becameLeader: [{ type: 'becameLeader', node: 'n1', term: 8, votes: ['n1', 'n2', 'n3', 'n6', 'n7'] }],
  becameFollower: [
    { type: 'becameFollower', node: 'n1', term: 5, was: 'leader', reason: 'higher-term', cause: 'n3' },
    { type: 'becameFollower', node: 'n2', term: 5, was: 'candidate', reason: 'higher-term', cause: 'n3' },
    { type: 'becameFollower', node: 'n4', term: 5, was: 'follower', reason: 'higher-term', cause: 'n3' },
    { type: 'becameFollower', node: 'n2', term: 5, was: 'candidate', reason: 'leader-found', cause: 'n1' },
    { type: 'becameFollower', node: 'n1', term: 5, was: 'leader', reason: 'lost-quorum', cause: 'n1' },
    { type: 'becameFollower', node: 'n1', term: 1, was: 'leader', reason: 'removed', cause: 'n1' },
  ],
  voteGranted: [
    { type: 'voteGranted', node: 'n3', candidate: 'n1', term: 8, preVote: false, logBehind: false },
    { type: 'voteGranted', node: 'n3', candidate: 'n1', term: 8, preVote: true, logBehind: false },
    { type: 'voteGranted', node: 'n3', candidate: 'n4', term: 2, preVote: false, logBehind: true },
  ],
  voteRefused: [
    { type: 'voteRefused', node: 'n7', candidate: 'n1', term: 8, why: { kind: 'log-behind', mine: pos(11, 7), theirs: pos(10, 6) }, preVote: false },
    { type: 'voteRefused', node: 'n4', candidate: 'n1', term: 8, why: { kind: 'log-behind', mine: pos(11, 6), theirs: pos(10, 6) }, preVote: true },
    { type: 'voteRefused', node: 'n3', candidate: 'n2', term: 6, why: { kind: 'stale-term' }, preVote: false },
    { type: 'voteRefused', node: 'n3', candidate: 'n2', term: 6, why: { kind: 'stale-term' }, preVote: true },
    { type: 'voteRefused', node: 'n3', candidate: 'n2', term: 6, why: { kind: 'already-voted', votedFor: 'n4' }, preVote: false },
    { type: 'voteRefused', node: 'n3', candidate: 'n2', term: 6, why: { kind: 'has-leader', leader: 'n1', ago: 40, minElectionTimeout: 100 }, preVote: true },
    { type: 'voteRefused', node: 'n1', candidate: 'n2', term: 6, why: { kind: 'has-leader', leader: 'n1', ago: 0, minElectionTimeout: 100 }, preVote: true },
    { type: 'voteRefused', node: 'n3', candidate: 'n2', term: 4, why: { kind: 'restarted', ago: 30, minElectionTimeout: 100 }, preVote: false },
    { type: 'voteRefused', node: 'n3', candidate: 'n1', term: 4, why: { kind: 'has-leader', leader: 'n2', ago: 40, minElectionTimeout: 100 }, preVote: false },
    { type: 'voteRefused', node: 'n2', candidate: 'n1', term: 4, why: { kind: 'has-leader', leader: 'n2', ago: 0, minElectionTimeout: 100 }, preVote: false },
    { type: 'voteRefused', node: 'n4', candidate: 'n2', term: 4, why: { kind: 'not-voter' }, preVote: false },
  ],
  voteIgnored: [
    { type: 'voteIgnored', node: 'n1', voter: 'n4', term: 1, granted: true, role: 'leader' },
    { type: 'voteIgnored', node: 'n2', voter: 'n5', term: 2, granted: false, role: 'follower' },
  ],
  voteCounted: [
    { type: 'voteCounted', node: 'n1', voter: 'n2', term: 8, granted: true, votes: 2, needed: 4, preVote: false },
    { type: 'voteCounted', node: 'n1', voter: 'n3', term: 8, granted: true, votes: 4, needed: 4, preVote: false },
    { type: 'voteCounted', node: 'n1', voter: 'n4', term: 8, granted: false, votes: 3, needed: 4, preVote: false },
    { type: 'voteCounted', node: 'n1', voter: 'n4', term: 8, granted: true, votes: 3, needed: 3, preVote: true },
  ],
  appendAccepted: [
    { type: 'appendAccepted', node: 'n3', leader: 'n1', term: 8, prevIndex: 4, entries: 7, matchIndex: 11 },
    { type: 'appendAccepted', node: 'n3', leader: 'n1', term: 8, prevIndex: 0, entries: 1, matchIndex: 1 },
    { type: 'appendAccepted', node: 'n3', leader: 'n1', term: 8, prevIndex: 11, entries: 0, matchIndex: 11 },
  ],
  appendRejected: [
    { type: 'appendRejected', node: 'n3', leader: 'n1', term: 8, prevIndex: 10, prevTerm: 6, why: { kind: 'missing-entry', lastIndex: 4 }, hintIndex: 4, hintTerm: 4 },
    { type: 'appendRejected', node: 'n7', leader: 'n1', term: 8, prevIndex: 10, prevTerm: 6, why: { kind: 'term-mismatch', actualTerm: 3 }, hintIndex: 3, hintTerm: 1 },
    { type: 'appendRejected', node: 'n3', leader: 'n1', term: 9, prevIndex: 10, prevTerm: 6, why: { kind: 'stale-term' }, hintIndex: 0, hintTerm: 0 },
  ],
  truncated: [{ type: 'truncated', node: 'n7', from: 4, removed: 8, conflictTerm: 2, leaderTerm: 4 }],
  matchAdvanced: [{ type: 'matchAdvanced', node: 'n1', peer: 'n3', match: 11 }],
  nextIndexBackedOff: [
    { type: 'nextIndexBackedOff', node: 'n1', peer: 'n3', from: 11, to: 5, how: 'hint' },
    { type: 'nextIndexBackedOff', node: 'n1', peer: 'n3', from: 11, to: 10, how: 'decrement' },
  ],
  quorumChecked: [
    { type: 'quorumChecked', node: 'n1', term: 3, heard: 5, needed: 3 },
    { type: 'quorumChecked', node: 'n1', term: 3, heard: 1, needed: 3 },
  ],
  probeSettled: [{ type: 'probeSettled', node: 'n1', peer: 'n7', rejections: 1 }],
  staleResponse: [{ type: 'staleResponse', node: 'n1', peer: 'n3', rejectedIndex: 9 }],
  commitAdvanced: [
    { type: 'commitAdvanced', node: 'n1', from: 8, to: 11, by: 'majority' },
    { type: 'commitAdvanced', node: 'n3', from: 8, to: 11, by: 'leader' },
    { type: 'commitAdvanced', node: 'n1', from: 0, to: 2, by: 'old-term-majority' },
  ],
  commitDeferred: [{ type: 'commitDeferred', node: 'n1', index: 2, entryTerm: 2, currentTerm: 4, replicas: 3, clusterSize: 5 }],
  heartbeat: [{ type: 'heartbeat', node: 'n1', term: 4 }],
  proposed: [{ type: 'proposed', node: 'n1', value: 'v2', index: 5, term: 3 }],
  proposalRefused: [
    { type: 'proposalRefused', node: 'n3', value: 'v1', why: 'not-leader', leader: 'n1' },
    { type: 'proposalRefused', node: 'n3', value: 'v1', why: 'not-leader', leader: null },
    { type: 'proposalRefused', node: 'n3', value: 'v1', why: 'down', leader: null },
    { type: 'proposalRefused', node: null, value: 'v1', why: 'no-leader', leader: null },
    { type: 'proposalRefused', node: 'n1', value: 'v1', why: 'transferring', leader: 'n3' },
  ],
  crashed: [{ type: 'crashed', node: 'n3' }],
  restarted: [
    { type: 'restarted', node: 'n3', term: 5, logLength: 7, snapshot: 0 },
    { type: 'restarted', node: 'n3', term: 5, logLength: 2, snapshot: 40 },
  ],
  linkCut: [{ type: 'linkCut', a: 'n1', b: 'n3' }],
  linkHealed: [{ type: 'linkHealed', a: 'n1', b: 'n3' }],
  messageLost: [
    { type: 'messageLost', message: { id: 12, type: 'AppendEntries', from: 'n1', to: 'n3', term: 4 }, why: 'link-cut' },
    { type: 'messageLost', message: { id: 13, type: 'RequestVote', from: 'n2', to: 'n3', term: 5 }, why: 'receiver-down' },
    { type: 'messageLost', message: { id: 14, type: 'AppendEntriesResponse', from: 'n3', to: 'n1', term: 4 }, why: 'dropped' },
    { type: 'messageLost', message: { id: 15, type: 'RequestVoteResponse', from: 'n3', to: 'n2', term: 5 }, why: 'dropped' },
    { type: 'messageLost', message: { id: 16, type: 'TimeoutNow', from: 'n1', to: 'n3', term: 5 }, why: 'dropped' },
  ],
  violation: [
    { type: 'violation', invariant: 'LeaderCompleteness', detail: 'n4 became leader of term 2 without the committed entry "x" (term 1) at index 2. Every leader must hold every committed entry (§5.4.1).' },
    { type: 'violation', invariant: 'CommitWithinLog', detail: 'n2 has commitIndex 5 but its log ends at 4.' },
    { type: 'violation', invariant: 'Linearizability', detail: 'c2\'s get x returned "1" after c1\'s put x "2" had finished, and nothing wrote "1" after it.' },
  ],
  clientInvoked: [{ type: 'clientInvoked', client: 'c1', serial: 3, op: { kind: 'append', key: 'x', value: 'a' }, to: 'n2' }],
  clientQueued: [{ type: 'clientQueued', client: 'c1', op: { kind: 'get', key: 'x' }, waiting: 2 }],
  clientRetried: [
    { type: 'clientRetried', client: 'c1', serial: 3, to: 'n3', why: 'timeout', from: 'n2' },
    { type: 'clientRetried', client: 'c1', serial: 3, to: 'n1', why: 'hint', from: 'n2' },
    { type: 'clientRetried', client: 'c1', serial: 3, to: 'n3', why: 'not-leader', from: 'n2' },
  ],
  clientReturned: [
    { type: 'clientReturned', client: 'c1', serial: 3, op: { kind: 'get', key: 'x' }, result: 'a', from: 'n1', attempts: 1 },
    { type: 'clientReturned', client: 'c1', serial: 3, op: { kind: 'put', key: 'x', value: '1' }, result: '', from: 'n1', attempts: 3 },
  ],
  notLeader: [
    { type: 'notLeader', node: 'n2', client: 'c1', serial: 3, hint: 'n1' },
    { type: 'notLeader', node: 'n2', client: 'c1', serial: 3, hint: null },
  ],
  commandAppended: [{ type: 'commandAppended', node: 'n1', client: 'c1', serial: 3, op: { kind: 'put', key: 'x', value: '1' }, index: 27, term: 1 }],
  duplicateAnswered: [{ type: 'duplicateAnswered', node: 'n2', client: 'c1', serial: 3, result: '' }],
  duplicatePending: [{ type: 'duplicatePending', node: 'n2', client: 'c1', serial: 3, index: 27 }],
  applied: [
    { type: 'applied', node: 'n2', index: 27, client: 'c1', serial: 3, op: { kind: 'append', key: 'x', value: 'a' }, result: '', duplicate: false, replied: true },
    { type: 'applied', node: 'n3', index: 29, client: 'c1', serial: 3, op: { kind: 'append', key: 'x', value: 'a' }, result: '', duplicate: true, replied: false },
    { type: 'applied', node: 'n3', index: 30, client: 'c2', serial: 1, op: { kind: 'get', key: 'x' }, result: 'a', duplicate: false, replied: false },
  ],
  readQueued: [
    { type: 'readQueued', node: 'n1', client: 'c2', serial: 1, key: 'x', readIndex: 5, lease: false },
    { type: 'readQueued', node: 'n1', client: 'c2', serial: 1, key: 'x', readIndex: null, lease: true },
  ],
  readServed: [
    { type: 'readServed', node: 'n1', client: 'c2', serial: 1, key: 'x', result: '1', how: 'readindex', readIndex: 5 },
    { type: 'readServed', node: 'n1', client: 'c2', serial: 1, key: 'x', result: '1', how: 'lease', readIndex: 5 },
    { type: 'readServed', node: 'n1', client: 'c2', serial: 1, key: 'x', result: '1', how: 'stale', readIndex: 5 },
  ],
  readsDropped: [{ type: 'readsDropped', node: 'n1', count: 2 }],
  campaignRefused: [
    { type: 'campaignRefused', node: 'n2', term: 3, why: { kind: 'has-leader', leader: 'n1', ago: 20, minElectionTimeout: 100 } },
    { type: 'campaignRefused', node: 'n2', term: 3, why: { kind: 'restarted', ago: 20, minElectionTimeout: 100 } },
    { type: 'campaignRefused', node: 'n4', term: 1, why: { kind: 'not-voter' } },
  ],
  changeStarted: [
    { type: 'changeStarted', node: 'n1', asked: 'change +n4,+n5,-n1', how: 'joint', target: ['n2', 'n3', 'n4', 'n5'] },
    { type: 'changeStarted', node: 'n1', asked: 'add n4', how: 'single', target: ['n1', 'n2', 'n3', 'n4'] },
    { type: 'changeStarted', node: 'n1', asked: 'change +n4,+n5', how: 'direct', target: ['n1', 'n2', 'n3', 'n4', 'n5'] },
  ],
  changeRefused: [
    { type: 'changeRefused', node: null, asked: 'add n4', why: { kind: 'no-leader' } },
    { type: 'changeRefused', node: 'n2', asked: 'add n4', why: { kind: 'down' } },
    { type: 'changeRefused', node: 'n2', asked: 'add n4', why: { kind: 'not-leader', leader: 'n1' } },
    { type: 'changeRefused', node: 'n2', asked: 'change +n4', why: { kind: 'not-leader', leader: null } },
    { type: 'changeRefused', node: 'n1', asked: 'remove n2', why: { kind: 'in-progress', pending: 'add n4' } },
    { type: 'changeRefused', node: 'n1', asked: 'remove n2', why: { kind: 'in-progress', pending: 'the joint configuration n1,n2,n3 -> n2,n3,n4' } },
    { type: 'changeRefused', node: 'n1', asked: 'add n4', why: { kind: 'transferring', target: 'n3' } },
    { type: 'changeRefused', node: 'n1', asked: 'add n2', why: { kind: 'nothing-to-change' } },
    { type: 'changeRefused', node: 'n1', asked: 'remove n1', why: { kind: 'no-voters' } },
    { type: 'changeRefused', node: 'n1', asked: 'add n4', why: { kind: 'not-a-voter', target: 'n4' } },
    { type: 'changeRefused', node: 'n1', asked: 'add n4', why: { kind: 'is-leader' } },
  ],
  changeWaiting: [{ type: 'changeWaiting', node: 'n1', asked: 'add n4', term: 2 }],
  configAppended: [
    { type: 'configAppended', node: 'n1', index: 2, term: 1, config: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: ['n4'] }, phase: 'learners', asked: 'add n4' },
    { type: 'configAppended', node: 'n1', index: 4, term: 1, config: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: ['n4', 'n5'] }, phase: 'learners', asked: 'change +n4,+n5,-n1' },
    {
      type: 'configAppended',
      node: 'n1',
      index: 5,
      term: 1,
      config: { voters: ['n2', 'n3', 'n4', 'n5'], outgoing: ['n1', 'n2', 'n3'], learners: [] },
      phase: 'joint',
      asked: 'change +n4,+n5,-n1',
    },
    { type: 'configAppended', node: 'n1', index: 6, term: 1, config: { voters: ['n2', 'n3', 'n4', 'n5'], outgoing: [], learners: [] }, phase: 'leave', asked: 'change +n4,+n5,-n1' },
    { type: 'configAppended', node: 'n1', index: 3, term: 1, config: { voters: ['n1', 'n2', 'n3', 'n4'], outgoing: [], learners: [] }, phase: 'single', asked: 'add n4' },
    { type: 'configAppended', node: 'n1', index: 3, term: 1, config: { voters: ['n1', 'n2', 'n3', 'n4', 'n5'], outgoing: [], learners: [] }, phase: 'direct', asked: 'change +n4,+n5' },
  ],
  configAdopted: [
    { type: 'configAdopted', node: 'n4', index: 2, config: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: ['n4'] }, was: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] } },
    { type: 'configAdopted', node: 'n4', index: 3, config: { voters: ['n1', 'n2', 'n3', 'n4'], outgoing: [], learners: [] }, was: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: ['n4'] } },
    {
      type: 'configAdopted',
      node: 'n2',
      index: 5,
      config: { voters: ['n2', 'n3', 'n4', 'n5'], outgoing: ['n1', 'n2', 'n3'], learners: [] },
      was: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: ['n4', 'n5'] },
    },
    {
      type: 'configAdopted',
      node: 'n1',
      index: 6,
      config: { voters: ['n2', 'n3', 'n4', 'n5'], outgoing: [], learners: [] },
      was: { voters: ['n2', 'n3', 'n4', 'n5'], outgoing: ['n1', 'n2', 'n3'], learners: [] },
    },
    { type: 'configAdopted', node: 'n3', index: 4, config: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] }, was: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [] } },
  ],
  learnerCaughtUp: [{ type: 'learnerCaughtUp', node: 'n1', learner: 'n4', match: 2, commitIndex: 2 }],
  changeDone: [
    { type: 'changeDone', node: 'n1', asked: 'add n4', config: { voters: ['n1', 'n2', 'n3', 'n4'], outgoing: [], learners: [] } },
    { type: 'changeDone', node: 'n1', asked: 'change +n4,+n5,-n1', config: { voters: ['n2', 'n3', 'n4', 'n5'], outgoing: [], learners: [] } },
  ],
  transferStarted: [
    { type: 'transferStarted', node: 'n1', target: 'n3', match: 7, lastIndex: 7 },
    { type: 'transferStarted', node: 'n1', target: 'n3', match: 4, lastIndex: 7 },
  ],
  transferRefused: [
    { type: 'transferRefused', node: null, target: 'n3', why: { kind: 'no-leader' } },
    { type: 'transferRefused', node: 'n2', target: 'n3', why: { kind: 'not-leader', leader: 'n1' } },
    { type: 'transferRefused', node: 'n1', target: 'n3', why: { kind: 'transferring', target: 'n2' } },
    { type: 'transferRefused', node: 'n1', target: 'n4', why: { kind: 'not-a-voter', target: 'n4' } },
    { type: 'transferRefused', node: 'n1', target: 'n1', why: { kind: 'is-leader' } },
  ],
  timeoutNowSent: [{ type: 'timeoutNowSent', node: 'n1', target: 'n3', match: 7 }],
  timeoutNowReceived: [{ type: 'timeoutNowReceived', node: 'n3', from: 'n1', term: 2 }],
  transferAborted: [
    { type: 'transferAborted', node: 'n1', target: 'n3', after: 100, why: 'timeout' },
    { type: 'transferAborted', node: 'n1', target: 'n3', after: -1, why: 'stepped-down' },
  ],
  changeAborted: [
    { type: 'changeAborted', node: 'n1', asked: 'add n4', why: 'learners-behind', behind: ['n4'] },
    { type: 'changeAborted', node: 'n1', asked: 'change +n4,+n5', why: 'stepped-down', behind: [] },
  ],
  requestHeld: [{ type: 'requestHeld', node: 'n1', client: 'c1', serial: 3, target: 'n3' }],
  workloadScheduled: [{ type: 'workloadScheduled', ops: 100, rate: 50, keys: 5, reads: 30, until: 2100 }],
};

const KINDS = Object.keys(SAMPLES) as RecordType[];
const ALL_SAMPLES: readonly RecordBody[] = KINDS.flatMap((k): readonly RecordBody[] => SAMPLES[k]);

/** Kinds no rule governs; every other kind must name one. None so far: even user actions have a rule. */
const RULELESS: ReadonlySet<RecordType> = new Set<RecordType>([]);

/** Rules only the page's hover explanations cite (app/explain/why*.ts), never an event. */
const ONLY_ON_HOVER: ReadonlySet<RuleId> = new Set<RuleId>(['randomized-timeouts', 'leader-noop']);

/** What is wrong with a record's explanation, or null if nothing is. */
function problem(r: RecordBody): string | null {
  const e = explain(r);
  if (e.text.trim() === '') return 'empty text';
  for (const bad of ['undefined', 'NaN', '[object', 'Infinity']) if (e.text.includes(bad)) return `text contains ${bad}`;
  if (!e.text.endsWith(').')) return 'text does not end with its citation';
  if (e.next !== undefined && !e.text.includes(e.next)) return 'next is not part of the text';
  if (e.rule === null) return RULELESS.has(r.type) ? null : 'names no rule';
  if (!Object.hasOwn(RULES, e.rule)) return `unknown rule ${e.rule}`;
  if (!e.text.includes(RULES[e.rule].section)) return `text does not cite ${RULES[e.rule].section}`;
  return null;
}

describe('explain', () => {
  it('has at least one sample of every record kind', () => {
    for (const k of KINDS) expect(SAMPLES[k].length, k).toBeGreaterThan(0);
  });

  it('explains every sample in plain words that cite its rule', () => {
    for (const r of ALL_SAMPLES) expect(problem(r), explain(r).text).toBeNull();
  });

  it('names a rule for every kind except those listed as rule-less', () => {
    for (const r of ALL_SAMPLES) expect(explain(r).rule === null, r.type).toBe(RULELESS.has(r.type));
  });

  it('says what happens next where the product asks for it', () => {
    const rejected = SAMPLES.appendRejected[0];
    expect(explain(rejected).next).toBe('n1 will try an earlier index');
    expect(explain(SAMPLES.voteRefused[0]).next).toBeUndefined();
  });

  it('words the examples as the product owner gave them', () => {
    expect(explain(SAMPLES.appendRejected[0]).text).toBe(
      'n3 rejected AppendEntries from n1: it has no entry at index 10 (its log ends at 4). n1 will try an earlier index (§5.3).',
    );
    expect(explain(SAMPLES.voteRefused[0]).text).toBe("n7 refused to vote for n1: n1's log is less up-to-date (last term 6 < 7) (§5.4.1).");
    expect(explain(SAMPLES.commitDeferred[0]).text).toMatch(
      /^n1 did not commit index 2 although 3 of 5 nodes store it: it is from term 2, and only entries of the current term 4 are committed by counting\. .* \(§5\.4\.2\)\.$/,
    );
  });

  it('tells the cases of one kind apart', () => {
    const texts = (rs: readonly RecordBody[]) => new Set(rs.map((r) => explain(r).text));
    for (const k of KINDS) expect(texts(SAMPLES[k]).size, k).toBe(SAMPLES[k].length);
    expect(explain(SAMPLES.voteRefused[1]).text).toContain('same last term 6, but it ends at 10 < 11');
    expect(explain(SAMPLES.voteGranted[2]).text).toMatch(/^UNSAFE: .*less up-to-date/);
    expect(explain(SAMPLES.nextIndexBackedOff[0]).rule).toBe('conflict-hint');
    expect(explain(SAMPLES.nextIndexBackedOff[1]).rule).toBe('backoff');
    expect(explain(SAMPLES.messageLost[1]).rule).toBe('crash-retry');
    expect(explain(SAMPLES.crashed[0]).rule).toBe('persistent-state');
  });

  it('is what describe() writes, so the trace and the page say the same', () => {
    for (const r of ALL_SAMPLES) expect(describeRecord(r)).toBe(explain(r).text);
  });

  it('cites every rule in the table from some event, or from the hover explanations', () => {
    const cited = new Set(ALL_SAMPLES.map((r) => explain(r).rule));
    for (const id of RULE_IDS) expect(cited.has(id) || ONLY_ON_HOVER.has(id), id).toBe(true);
  });

  it('gives every rule a section, a short title and a summary of a sentence or two', () => {
    for (const id of RULE_IDS) {
      const rule = RULES[id];
      expect(rule.section, id).toMatch(/^(§\d+(\.\d+)*|Figure \d+|thesis §\d+(\.\d+)+)$/);
      expect(rule.title.length, id).toBeLessThanOrEqual(36);
      expect(rule.summary.split(/[.!?](\s|$)/).filter((s) => s !== undefined && s.trim().length > 0).length, id).toBeLessThanOrEqual(3);
    }
  });
});

describe('explain: membership changes (§6) and leadership transfer (thesis §3.10)', () => {
  const text = (r: RecordBody): string => explain(r).text;

  it('a change: how it will go, one configuration at a time', () => {
    const [joint, single, direct] = SAMPLES.changeStarted;
    expect(text(joint)).toMatch(/^n1 took on "change \+n4,\+n5,-n1": the voters are to become n2,n3,n4,n5, through the joint configuration C_old,new, .* \(§6, Figure 11\)\.$/);
    expect(explain(joint).rule).toBe('joint-consensus');
    expect(text(single)).toContain('one server in or out, so any majority of the old voters shares a server with any majority of the new');
    expect(explain(single).rule).toBe('single-server-change');
    expect(text(single)).toMatch(/\(thesis §4\.1\)\.$/);
    expect(text(direct)).toMatch(/^UNSAFE: .*no joint configuration \(unsafe=direct-change\)/);
    expect(text(direct)).toMatch(/\(unsafe=direct-change, §6, Figure 10\)\.$/);
  });

  it('a refused change says why, with the rule that refuses it', () => {
    const why = (i: number) => explain(SAMPLES.changeRefused[i]);
    expect(why(0).text).toMatch(/^"add n4" was not started: no leader is up, and only a leader can make it\. Ask again once a leader is known \(thesis §4\.1\)\.$/);
    expect(why(2).text).toContain('n2 refused "add n4": it is not the leader (n1 is)');
    expect(why(3).rule).toBe('joint-consensus');
    expect(why(4).text).toContain('a leader makes one membership change at a time, and it is still busy with "add n4"');
    expect(why(4).rule).toBe('one-change-at-a-time');
    expect(why(5).text).toContain('still busy with the joint configuration n1,n2,n3 -> n2,n3,n4');
    expect(why(6).text).toContain('it is handing its leadership to n3');
    expect(why(6).rule).toBe('leadership-transfer');
    expect(why(7).text).toContain('the configuration asked for is the one in force');
    expect(why(8).text).toContain('it would leave no voter at all');
    expect(why(8).rule).toBe('voters-only');
  });

  it('the wait for an entry of the leader’s term names the 2015 bug and its fix (thesis §4.1)', () => {
    const e = explain(SAMPLES.changeWaiting[0]);
    expect(e.rule).toBe('change-after-commit');
    expect(e.text).toContain('n1 holds "add n4" until it has committed an entry of its own term 2');
    expect(e.text).toContain('2015');
    expect(e.text).toMatch(/\(thesis §4\.1\)\.$/);
  });

  it('each phase of a configuration entry says what it is for', () => {
    const [learner, learners, joint, leave, single, direct] = SAMPLES.configAppended.map((r) => explain(r));
    expect(learner.rule).toBe('learners');
    expect(learner.text).toContain('n1 appended configuration n1,n2,n3 learners n4 at index 2 (term 1) for "add n4": n4 joins as a learner');
    expect(learner.text).toMatch(/\(thesis §4\.2\.1\)\.$/);
    expect(learners.text).toContain('n4 and n5 join as learners');
    expect(joint.rule).toBe('joint-consensus');
    expect(joint.text).toContain('the joint configuration C_old,new (n1,n2,n3 -> n2,n3,n4,n5) at index 5');
    expect(joint.text).toContain('needs a majority of n1,n2,n3 and a majority of n2,n3,n4,n5');
    expect(joint.text).toMatch(/\(§6, Figure 11\)\.$/);
    expect(leave.text).toContain('n1 appended C_new (n2,n3,n4,n5) at index 6 (term 1): the joint configuration has committed');
    expect(single.rule).toBe('single-server-change');
    expect(single.text).toContain('one voter in or out at a time');
    expect(direct.text).toMatch(/^UNSAFE: .*with no joint phase \(unsafe=direct-change\)/);
    expect(direct.text).toContain('a majority of the old voters and a majority of the new can each elect a leader in the same term');
    expect(direct.text).toMatch(/\(unsafe=direct-change, §6, Figure 10\)\.$/);
  });

  it('a server uses the latest configuration in its log, committed or not (§6), and says what it is in it', () => {
    const [learner, voter, joint, left, same] = SAMPLES.configAdopted.map((r) => explain(r));
    for (const e of [learner, voter, joint, left, same]) expect(e.rule).toBe('latest-config');
    expect(learner.text).toContain('n4 now uses configuration n1,n2,n3 learners n4 (before: n1,n2,n3), from index 2; n4 is a learner in it');
    expect(learner.text).toContain('A server uses the latest configuration in its log as soon as it has it, committed or not (§6).');
    expect(voter.text).toContain('n4 is now a voter');
    expect(joint.text).toContain('the joint configuration n1,n2,n3 -> n2,n3,n4,n5');
    expect(joint.text).toContain('a majority of both halves');
    expect(left.text).toContain('n1 is not in it');
    expect(left.text).toContain('if it leads, it steps down once this configuration has committed');
    expect(same.text).toContain('still n1,n2,n3, the one it used before');
  });

  it('a learner caught up, a change done, and a removed leader stepping down (§6)', () => {
    expect(text(SAMPLES.learnerCaughtUp[0])).toContain('n4 has caught up: its log matches n1\'s up to index 2');
    expect(text(SAMPLES.changeDone[0])).toContain('"add n4" is done: n1\'s configuration n1,n2,n3,n4 has committed, and n1 can take on another change');
    const out = explain(SAMPLES.changeDone[1]);
    expect(out.rule).toBe('removed-leader');
    expect(out.next).toBe('n1 steps down, and the remaining voters elect a leader among themselves');
    const removed = explain(SAMPLES.becameFollower[5]);
    expect(removed.rule).toBe('removed-leader');
    expect(removed.text).toContain('n1 stepped down at term 1: the configuration that leaves it out has committed');
    expect(removed.text).toContain('without counting itself');
    expect(removed.text).toMatch(/\(§6\)\.$/);
  });

  it('non-voters neither campaign nor vote (§6)', () => {
    const campaign = explain(SAMPLES.campaignRefused[2]);
    expect(campaign.rule).toBe('voters-only');
    expect(campaign.text).toContain('n4 started no election: it is not a voter of the configuration it uses');
    expect(campaign.text).not.toContain('lease');
    expect(explain(SAMPLES.voteRefused[10]).text).toBe('n4 did not vote for n2: it is not a voter of the configuration it uses (§6).');
  });

  it('a voter that hears from its leader ignores a RequestVote: the rule against disruptive removed servers (§6)', () => {
    const follower = explain(SAMPLES.voteRefused[8]);
    expect(follower.rule).toBe('disruptive-servers');
    expect(follower.text).toContain('n3 ignored n1\'s request for votes for a term above its own 4: it heard from leader n2 40 ms ago, less than the minimum election timeout 100 ms');
    expect(follower.text).toContain('such as one removed from the configuration, cannot disrupt');
    expect(follower.text).toMatch(/\(§6, thesis §4\.2\.3, §6\.4\)\.$/);
    expect(explain(SAMPLES.voteRefused[9]).text).toContain('n2 ignored n1\'s request for votes for a term above its own 4: it is the leader');
    // A pre-vote refused for the same reason is PreVote's rule, not this one.
    expect(explain(SAMPLES.voteRefused[5]).rule).toBe('prevote');
  });

  it('a leadership transfer, step by step (thesis §3.10)', () => {
    const all = [...SAMPLES.transferStarted, ...SAMPLES.timeoutNowSent, ...SAMPLES.timeoutNowReceived, ...SAMPLES.transferAborted, ...SAMPLES.requestHeld];
    for (const r of all) expect(explain(r).rule, r.type).toBe('leadership-transfer');
    expect(text(SAMPLES.transferStarted[0])).toContain("n1 began handing its leadership to n3: it takes no new client requests until the transfer ends, and n3's log already matches");
    expect(text(SAMPLES.transferStarted[1])).toContain("first it brings n3's log up to date (it matches up to index 4 of 7)");
    expect(text(SAMPLES.timeoutNowSent[0])).toContain('n1 sent TimeoutNow to n3');
    expect(text(SAMPLES.timeoutNowReceived[0])).toContain('n3 was told by its leader n1 to campaign now (TimeoutNow, term 2): it starts an election at once, without PreVote');
    expect(text(SAMPLES.transferAborted[0])).toContain('n1 gave up handing its leadership to n3');
    expect(explain(SAMPLES.transferAborted[0]).next).toBe('It takes client requests again');
    expect(text(SAMPLES.requestHeld[0])).toContain('n1 did not take c1#3: it is handing its leadership to n3');
    const propose = explain(SAMPLES.proposalRefused[4]);
    expect(propose.rule).toBe('leadership-transfer');
    expect(propose.text).toContain('n1 refused client request "v1": it is handing its leadership to n3');
    expect(text(SAMPLES.transferRefused[0])).toContain('Leadership could not be handed to n3: no leader is up');
    expect(text(SAMPLES.transferRefused[3])).toMatch(/n4 is not a voter of its configuration, and only a voter can be elected \(§6, thesis §3\.10\)\.$/);
    expect(text(SAMPLES.transferRefused[4])).toContain('it is the leader already');
  });

  it('a lost TimeoutNow says what becomes of the transfer', () => {
    expect(explain(SAMPLES.messageLost[4]).next).toContain('the leader gives the transfer up once an election timeout has passed');
  });
});

/**
 * Membership changes and leadership transfers, run for real, so that the records
 * the engine emits for them explain as cleanly as the samples: a change asked of
 * no leader, one held for the leader's first commit, one refused while another is
 * under way, learners, single-server and joint changes, a transfer with requests
 * held, one aborted because its TimeoutNow was lost, and a leader removing itself.
 */
const MEMBERSHIP_SCRIPTS = [
  {
    name: 'membership changes and transfers (inline)',
    text: () =>
      [
        'cluster nodes=5 members=n1,n2,n3 clients=1 checkquorum=on',
        'add n4',
        'campaign n1',
        'step 3',
        'add n4',
        'add n5',
        'stabilize',
        'run 200ms',
        'remove n2',
        'transfer n3',
        'transfer n2',
        'propose leader x',
        'client c1 put k v',
        'run 500ms',
        'change +n5,-n1',
        'run 1s',
        'transfer n4',
        'drop n3 n4 TimeoutNow',
        'run 400ms',
        'remove n3',
        'run 600ms',
      ].join('\n'),
  },
];

describe('explain on the scenario library', () => {
  const root = join(import.meta.dirname, '..', '..');
  const dirs = [join(root, 'public', 'scenarios'), join(root, 'engine', 'test', 'scenarios')];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
  const scripts = [...files.map((f) => ({ name: f.slice(root.length + 1), text: () => readFileSync(f, 'utf8') })), ...MEMBERSHIP_SCRIPTS];
  const seen = new Set<RecordType>();

  for (const { name, text } of scripts) {
    it(`explains every record of ${name}`, () => {
      const parsed = parseScript(text());
      if (!parsed.ok) throw new Error(`cannot parse ${name}`);
      const problems: string[] = [];
      runScript(parsed.script, (r) => {
        seen.add(r.type);
        const p = problem(r);
        if (p !== null) problems.push(`${p}: ${explain(r).text}`);
      });
      expect(problems).toEqual([]);
    });
  }

  it('meets most kinds of record along the way', async ({ annotate }) => {
    const missing = KINDS.filter((k) => !seen.has(k));
    // Reported (`--reporter=verbose` shows it, and a failure prints it), so a scenario
    // that would exercise the rest is easy to aim for.
    const report = `record kinds seen in the scenario library: ${seen.size} of ${KINDS.length}; not seen: ${missing.join(', ') || 'none'}`;
    await annotate(report);
    expect(seen.size, report).toBeGreaterThanOrEqual(Math.ceil(KINDS.length * 0.75));
  });
});
