/**
 * Trace files: the engine's behaviour as readable test data, after the
 * datadriven tests of etcd's raft (its `testdata/*.txt`).
 *
 * A file is a series of blocks. A block is one or more command lines, a line
 * `----`, then the output those commands print, up to the next blank line (or
 * the end of the file):
 *
 *   # n1 wins an election at term 1.
 *   cluster nodes=3 seed=1
 *   campaign n1
 *   stabilize
 *   state
 *   ----
 *         0ms #1      n1 was told to campaign at term 0, ...
 *         ...
 *   n1  leader    term 1  vote n1  commit 1  log 1
 *   ...
 *
 * Command lines are scenario-language lines (engine/scenario), plus the
 * directives of `DIRECTIVES` below, which print rather than act, and
 * `trace off` / `trace on`, which stop and resume the printing of trace lines
 * (to reach a state without a page of heartbeats; etcd's `log-level none`). The output of a
 * scenario command is the trace of the events it caused, one line each, exactly
 * as `npm run scenario -- <file> --trace` prints them (describe.ts); a failed
 * `expect` prints what it wanted and what it found. A block that prints nothing
 * prints `ok`. Blank lines and `#` comment lines between blocks are kept as they
 * are when the file is rewritten.
 *
 * The commands of all blocks form one script, run in order by one session, so
 * every block starts where the previous one left off.
 */
import type { EventRecord } from '../events.ts';
import { traceLine } from '../describe.ts';
import { initialContext, parseLine } from '../scenario/parse.ts';
import { applyCommand, newSession, type Session } from '../scenario/run.ts';
import { currentLeader, type ClusterState } from '../sim/cluster.ts';
import * as flights from '../sim/flightQueue.ts';
import { logEntries } from '../raft/log.ts';
import { opText } from '../raft/entry.ts';

export const SEPARATOR = '----';

/** A stretch of a file: prose (blank and comment lines between blocks) or a block. */
export type Segment =
  | { readonly kind: 'prose'; readonly lines: readonly string[] }
  | {
      readonly kind: 'block';
      /** 1-based line of the block's first command. */
      readonly line: number;
      readonly commands: readonly { readonly text: string; readonly line: number }[];
      /** 1-based line of the first output line (just after the separator). */
      readonly outputLine: number;
      readonly output: readonly string[];
    };

/** Split a trace file into segments. Throws, naming the line, on a block without its separator. */
export function parseTraceFile(text: string, name: string): Segment[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const segments: Segment[] = [];
  let i = 0;
  const isProse = (l: string): boolean => l.trim() === '' || l.trimStart().startsWith('#');
  while (i < lines.length) {
    if (isProse(lines[i])) {
      const prose: string[] = [];
      while (i < lines.length && isProse(lines[i])) prose.push(lines[i++]);
      segments.push({ kind: 'prose', lines: prose });
      continue;
    }
    const start = i;
    const commands: { text: string; line: number }[] = [];
    while (i < lines.length && lines[i] !== SEPARATOR) {
      if (lines[i].trim() === '') throw new Error(`${name}:${i + 1}: a blank line inside the commands of the block at line ${start + 1}; end the commands with "${SEPARATOR}"`);
      commands.push({ text: lines[i], line: i + 1 });
      i++;
    }
    if (i === lines.length) throw new Error(`${name}:${start + 1}: the block has no "${SEPARATOR}" line after its commands`);
    i++;
    const outputLine = i + 1;
    const output: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') output.push(lines[i++]);
    segments.push({ kind: 'block', line: start + 1, commands, outputLine, output });
  }
  return segments;
}

/** Harness directives: they print the state of the cluster and change nothing. */
const DIRECTIVES: Record<string, (s: ClusterState) => string[]> = {
  /** Per node: role, term, vote, commit index and the terms of its log. */
  state: stateTable,
  /** Every leader's view of its followers: nextIndex, matchIndex and whether it is probing. */
  progress: progressTable,
  /** The messages in flight, in delivery order. */
  messages: messageList,
};

export interface BlockResult {
  readonly segment: Extract<Segment, { kind: 'block' }>;
  readonly actual: readonly string[];
}

/**
 * Run every block of a file, in order, in one session. A line that does not
 * parse, or a directive before any cluster, prints its problem as the block's
 * output, so the file's diff shows it where it stands.
 */
export function runTraceFile(segments: readonly Segment[]): BlockResult[] {
  const session: Session = newSession();
  const ctx = initialContext();
  const results: BlockResult[] = [];
  let tracing = true;
  for (const segment of segments) {
    if (segment.kind !== 'block') continue;
    const out: string[] = [];
    const emit = (r: EventRecord): void => {
      if (tracing) out.push(traceLine(r));
    };
    for (const { text, line } of segment.commands) {
      const words = text.trim().split(/\s+/);
      const word = words[0];
      if (word === 'trace') {
        if (words.length === 2 && (words[1] === 'on' || words[1] === 'off')) tracing = words[1] === 'on';
        else out.push(`error: line ${line}: "trace" takes on or off`);
        continue;
      }
      const directive = DIRECTIVES[word];
      if (directive !== undefined) {
        if (text.trim() !== word) out.push(`error: line ${line}: "${word}" takes no arguments`);
        else if (session.cluster === null) out.push(`error: line ${line}: "${word}" needs a cluster`);
        else out.push(...directive(session.cluster));
        continue;
      }
      const cmd = parseLine(text, line, ctx);
      if (cmd === null) continue;
      if ('message' in cmd) {
        out.push(`error: line ${cmd.line}, column ${cmd.col}: ${cmd.message}`);
        continue;
      }
      const r = applyCommand(session, cmd, emit);
      if (!r.ok) out.push(`expect failed: line ${line}: ${r.failure.command}: expected ${r.failure.expected}, got ${r.failure.actual}`);
    }
    results.push({ segment, actual: out.length === 0 ? ['ok'] : out.map((l) => l.trimEnd()) });
  }
  return results;
}

/** The file with every block's output replaced by what it printed. */
export function rewriteTraceFile(segments: readonly Segment[], results: readonly BlockResult[]): string {
  const actual = new Map(results.map((r) => [r.segment, r.actual]));
  const lines: string[] = [];
  for (const s of segments) {
    if (s.kind === 'prose') lines.push(...s.lines);
    else lines.push(...s.commands.map((c) => c.text), SEPARATOR, ...(actual.get(s) ?? s.output));
  }
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------ directives

const pad = (rows: string[][]): string[] => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd());
};

function stateTable(s: ClusterState): string[] {
  const rows = s.ids.map((id) => {
    const n = s.nodes[id];
    const v = n.volatile;
    const role = v === null ? 'down' : v.role === 'candidate' && v.pre ? 'precandidate' : v.role;
    const terms = logEntries(n.persistent.log).map((e) => String(e.term));
    return [
      id,
      role,
      `term ${n.persistent.currentTerm}`,
      `vote ${n.persistent.votedFor ?? '-'}`,
      `commit ${v?.commitIndex ?? 0}`,
      // A snapshot shows as [index/term] before the entries after it.
      `log ${n.persistent.snapshot === null ? '' : `[${n.persistent.snapshot.index}/${n.persistent.snapshot.term}] `}${terms.length === 0 ? '-' : terms.join(' ')}`,
    ];
  });
  return pad(rows);
}

function progressTable(s: ClusterState): string[] {
  const rows: string[][] = [];
  for (const id of s.ids) {
    const v = s.nodes[id].volatile;
    if (v?.role !== 'leader') continue;
    for (const peer of s.ids) {
      const p = v.progress[peer];
      if (p === undefined) continue;
      rows.push([`${id}->${peer}`, `next ${p.next}`, `match ${p.match}`, p.state === 'snapshot' ? `snapshot ${p.pendingSnapshot}` : p.state === 'probe' && p.rejections > 0 ? 'probing' : p.inflight ? 'inflight' : 'idle', `rejections ${p.rejections}`]);
    }
  }
  return rows.length === 0 ? [`no leader (leader: ${currentLeader(s) ?? 'none'})`] : pad(rows);
}

function messageList(s: ClusterState): string[] {
  const ms = flights.inOrder(s.inFlight);
  if (ms.length === 0) return ['no messages in flight'];
  return ms.map((m) => {
    const head = `m${m.id} ${m.from}->${m.to} ${m.type} term ${m.term}`;
    const body =
      m.type === 'RequestVote' ? `${m.preVote ? 'pre-vote ' : ''}${m.transfer ? 'transfer ' : ''}last ${m.lastLogIndex}/${m.lastLogTerm}`
      : m.type === 'RequestVoteResponse' ? `${m.preVote ? 'pre-vote ' : ''}${m.granted ? 'granted' : 'refused'}`
      : m.type === 'AppendEntries' ? `prev ${m.prevLogIndex}/${m.prevLogTerm} entries ${m.entries.map((e) => e.term).join(',') || '-'} commit ${m.leaderCommit}`
      : m.type === 'AppendEntriesResponse' ? (m.success ? `ok match ${m.matchIndex}` : `rejected ${m.rejectedIndex} hint ${m.hintIndex}/${m.hintTerm}`)
      : m.type === 'ClientRequest' ? `#${m.serial} ${opText(m.op)}`
      : m.type === 'ClientReply' ? `#${m.serial} result ${JSON.stringify(m.result)}`
      : m.type === 'InstallSnapshot' ? `snapshot ${m.lastIncludedIndex}/${m.lastIncludedTerm} keys ${Object.keys(m.data.machine.data).length}`
      : m.type === 'InstallSnapshotResponse' ? `match ${m.matchIndex}`
      : m.type === 'TimeoutNow' ? 'campaign now'
      : `#${m.serial} hint ${m.leaderHint ?? '-'}`;
    return `${head} ${body} (sent ${m.sentAt}ms, arrives ${m.arrivesAt}ms)`;
  });
}

// ------------------------------------------------------------------ diffs

/**
 * A line diff of two outputs (longest common subsequence), `-` for expected
 * lines that are missing, `+` for actual lines that are new, two spaces for
 * lines in both; runs of more than `context` unchanged lines are elided.
 */
export function lineDiff(expected: readonly string[], actual: readonly string[], context = 3): string[] {
  const n = expected.length;
  const m = actual.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { op: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      ops.push({ op: ' ', text: expected[i++] });
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', text: expected[i++] });
    else ops.push({ op: '+', text: actual[j++] });
  }
  const near = ops.map((_, k) => ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o.op !== ' '));
  const out: string[] = [];
  let elided = false;
  ops.forEach((o, k) => {
    if (near[k]) {
      out.push(`${o.op} ${o.text}`);
      elided = false;
    } else if (!elided) {
      out.push('  ...');
      elided = true;
    }
  });
  return out;
}

/** Why a block differs, for a test failure: its file and line, its commands, and the diff. */
export function describeMismatch(name: string, r: BlockResult): string {
  const { segment } = r;
  return [
    `${name}:${segment.line}: the output of this block differs (expected at line ${segment.outputLine}; - expected, + actual):`,
    ...segment.commands.map((c) => `    ${c.text}`),
    `    ${SEPARATOR}`,
    ...lineDiff(segment.output, r.actual).map((l) => `    ${l}`),
  ].join('\n');
}
