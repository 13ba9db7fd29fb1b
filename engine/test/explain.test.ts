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
  ],
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
      expect(rule.section, id).toMatch(/^(§\d+(\.\d+)*|Figure \d+|thesis §\d+\.\d+)$/);
      expect(rule.title.length, id).toBeLessThanOrEqual(36);
      expect(rule.summary.split(/[.!?](\s|$)/).filter((s) => s !== undefined && s.trim().length > 0).length, id).toBeLessThanOrEqual(3);
    }
  });
});

describe('explain on the scenario library', () => {
  const root = join(import.meta.dirname, '..', '..');
  const dirs = [join(root, 'public', 'scenarios'), join(root, 'engine', 'test', 'scenarios')];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
  const seen = new Set<RecordType>();

  for (const file of files) {
    it(`explains every record of ${file.slice(root.length + 1)}`, () => {
      const parsed = parseScript(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(`cannot parse ${file}`);
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
