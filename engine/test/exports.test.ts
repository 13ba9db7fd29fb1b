/**
 * The exports of every scenario file: vector clocks that obey the rules for every
 * message, a ShiViz log that ShiViz's default parser reads line pair by line pair
 * (and whose clocks pass ShiViz's own checks), and a JSON trace that round-trips
 * and matches trace.schema.json. Watching a run for clocks must not change it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRun, type Exports } from '../export/exportRun.ts';
import { SHIVIZ_DELIMITER, SHIVIZ_PARSER } from '../export/shiviz.ts';
import { LOCAL_CAUSES, RECORD_TYPES, TRACE_VERSION, toTraceJson, type TraceNodeEvent, type TraceRun } from '../export/traceJson.ts';
import { isClientMessageType, MESSAGE_TYPES } from '../types.ts';
import { parseScript } from '../scenario/parse.ts';
import { newSession, runScript } from '../scenario/run.ts';
import { RunLogger } from '../export/runLog.ts';
import type { EventRecord } from '../events.ts';
import { dominates, happenedBefore, type VectorClock } from '../sim/vectorClock.ts';
import { validate } from './jsonSchema.ts';

const root = join(import.meta.dirname, '..', '..');
const dirs = [join(root, 'public', 'scenarios'), join(root, 'engine', 'test', 'scenarios')];
const files = dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)) : []));
const schema = JSON.parse(readFileSync(join(root, 'engine', 'export', 'trace.schema.json'), 'utf8'));

const TWO_CLUSTERS = `cluster nodes=3 seed=5
campaign n1
stabilize
propose leader a
partition n1 | n2,n3
run 400ms
heal
run 300ms
cluster nodes=5 seed=9
run 1s
crash n2
propose leader b
run 500ms
restart n2
run 300ms
`;

/** Clients on the wire: a NotLeader and its hint, a cut link to a client, a crashed leader, retries, a workload, and a request left unanswered. */
const CLIENTS = `cluster nodes=3 clients=2 seed=4 client-timeout=100ms
campaign n2
stabilize
client c1 put x 1
run 100ms
cut c2 n1
client c2 append x b
run 400ms
crash n2
client c1 get x
run 800ms
workload ops=6 rate=50/s keys=2 reads=50
run 1s
cut c1 n3
client c1 put y 2
run 30ms
expect linearizable
`;

const exportsOf = new Map<string, Exports>();
const exported = (text: string): Exports => {
  let e = exportsOf.get(text);
  if (e === undefined) exportsOf.set(text, (e = exportRun(text)));
  return e;
};

const cases: [string, string][] = [
  ...files.map((f): [string, string] => [f.slice(root.length + 1), readFileSync(f, 'utf8')]),
  ['two clusters, with a partition, a crash and a restart', TWO_CLUSTERS],
  ['clients: NotLeader, retries, a cut client link, a workload', CLIENTS],
];

describe('vector clocks of every scenario', () => {
  it('there are scenarios, with messages', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, text] of cases) {
    it(name, () => {
      const { trace, failure } = exported(text);
      expect(failure).toBeNull();
      for (const run of trace.runs) checkClocks(run);
    });
  }
});

/** The rules, checked on the finished trace rather than trusted from the code that built it. */
function checkClocks(run: TraceRun): void {
  const hosts = [...run.nodes, ...run.clients];
  const own: Record<string, number> = {};
  const last: Record<string, VectorClock> = {};
  const sends = new Map<number, TraceNodeEvent>();
  const received = new Set<number>();
  let messages = 0;
  for (const e of run.nodeEvents) {
    // Each host's own counter rises by exactly one per event at that host, and no other entry falls.
    own[e.node] = (own[e.node] ?? 0) + 1;
    expect(e.clock[e.node]).toBe(own[e.node]);
    if (last[e.node] !== undefined) expect(happenedBefore(last[e.node], e.clock)).toBe(true);
    last[e.node] = e.clock;
    // Entries name hosts only, nodes first then clients, each in number order.
    const named = Object.keys(e.clock);
    expect(named).toEqual(hosts.filter((h) => h in e.clock));
    for (const [id, n] of Object.entries(e.clock)) {
      expect(hosts).toContain(id);
      expect(n).toBeGreaterThan(0);
    }
    if (e.kind === 'send') {
      expect(e.message.from).toBe(e.node);
      sends.set(e.message.id, e);
    } else if (e.kind === 'receive') {
      // Every receive dominates its send: >= everywhere, > in the receiver's own entry.
      const sent = sends.get(e.message.id);
      expect(sent, `m${e.message.id} received before it was sent`).toBeDefined();
      expect(e.message.to).toBe(e.node);
      expect(received.has(e.message.id)).toBe(false);
      received.add(e.message.id);
      expect(dominates(e.clock, sent!.clock)).toBe(true);
      expect(e.clock[e.node]).toBeGreaterThan(sent!.clock[e.node] ?? 0);
      expect(e.event).toBeGreaterThan(sent!.event);
      messages++;
    }
  }
  if (run.nodeEvents.some((e) => e.kind === 'send')) expect(messages).toBeGreaterThan(0);
}

/** As ShiViz reads a file: line 1 the parser, line 2 the delimiter, then the log, cut into executions. */
function readAsShiViz(text: string): { label: string; events: { host: string; clock: Record<string, number>; event: string }[] }[] {
  const [parserLine, delimiterLine] = text.split('\n', 2);
  const log = text.slice(text.indexOf('\n', text.indexOf('\n') + 1) + 1).trim();
  const parser = new RegExp(parserLine, 'gm');
  const delimiter = delimiterLine.trim() === '' ? null : new RegExp(delimiterLine.trim(), 'gm');
  const pieces = delimiter === null ? [{ label: '', text: log }] : splitExecutions(log, delimiter);
  return pieces.map(({ label, text: body }) => {
    const events: { host: string; clock: Record<string, number>; event: string }[] = [];
    const lines = body.split('\n');
    // Every pair of lines is one event: the parser matches it whole, and skips nothing.
    expect(lines.length % 2).toBe(0);
    for (let i = 0; i < lines.length; i += 2) {
      const pair = `${lines[i]}\n${lines[i + 1]}`;
      const m = new RegExp(`^${parserLine}$`).exec(pair);
      expect(m, `lines ${i + 1}-${i + 2} of ${label || 'the log'}: ${pair}`).not.toBeNull();
    }
    for (let m = parser.exec(body); m !== null; m = parser.exec(body)) {
      const g = m.groups!;
      events.push({ host: g.host, clock: JSON.parse(g.clock), event: g.event });
    }
    expect(events.length * 2).toBe(lines.length);
    return { label, events };
  });
}

function splitExecutions(log: string, delimiter: RegExp): { label: string; text: string }[] {
  const labels = [''];
  for (let m = delimiter.exec(log); m !== null; m = delimiter.exec(log)) labels.push(m.groups!.trace);
  const plain = new RegExp(delimiter.source.replace(/\(\?<\w+?>/g, '(?:'), 'gm');
  return log
    .split(plain)
    .map((text, i) => ({ label: labels[i], text: text.trim() }))
    .filter((x) => x.text.length > 0);
}

/** ShiViz's checks when it builds its graph (ModelGraph): own times 1..n per host; every entry names a host with that many events. */
function checkAsShiVizWould(events: { host: string; clock: Record<string, number> }[]): void {
  const count: Record<string, number> = {};
  for (const e of events) count[e.host] = (count[e.host] ?? 0) + 1;
  for (const host of Object.keys(count)) {
    const times = events.filter((e) => e.host === host).map((e) => e.clock[host]).sort((a, b) => a - b);
    expect(times).toEqual(times.map((_, i) => i + 1));
  }
  for (const e of events) {
    for (const [h, t] of Object.entries(e.clock)) {
      expect(count[h], `clock names ${h}, which has no events`).toBeDefined();
      expect(t).toBeGreaterThanOrEqual(1);
      expect(t).toBeLessThanOrEqual(count[h]);
    }
  }
}

describe('ShiViz log', () => {
  for (const [name, text] of cases) {
    it(name, () => {
      const { shiviz, trace } = exported(text);
      const lines = shiviz.split('\n');
      expect(lines[0]).toBe(SHIVIZ_PARSER);
      expect(lines[0]).toBe(String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)`);
      const runs = trace.runs.filter((r) => r.nodeEvents.length > 0);
      expect(lines[1]).toBe(runs.length > 1 ? SHIVIZ_DELIMITER : '');
      const executions = readAsShiViz(shiviz);
      expect(executions).toHaveLength(runs.length);
      executions.forEach((x, i) => {
        const run = runs[i];
        expect(x.events.map((e) => [e.host, e.clock])).toEqual(run.nodeEvents.map((e) => [e.node, e.clock]));
        for (const e of x.events) expect(e.event).toMatch(/^\[\d+ms #\d+\] \S/);
        checkAsShiVizWould(x.events);
      });
    });
  }

  it('a send line says what became of its message; a step line carries its records', () => {
    const { shiviz } = exported(readFileSync(join(root, 'public', 'scenarios', 'lost-messages.txt'), 'utf8'));
    expect(shiviz).toContain('n1 sent RequestVote m1 to n2: term 1, last log entry none. Lost [0ms #2]: dropped.');
    expect(shiviz).toMatch(/n1 sent RequestVote m2 to n3: .* Delivered \[13ms #3\]\./);
    expect(shiviz).toContain('n3 received RequestVote m2 from n1 (term 1). n3 moved to term 1');
    expect(shiviz).toContain('Still in flight when the run ended.');
  });

  it('a long run exports whole: 200 simulated seconds, over 200,000 lines (more than a spread may pass as arguments)', () => {
    const lines = ['cluster nodes=5 seed=1 election=100-200ms heartbeat=50ms latency=10-15ms'];
    for (let i = 0; i < 2000; i++) lines.push('run 100ms', `propose leader v${i}`);
    const { shiviz, trace } = exportRun(lines.join('\n'));
    const events = trace.runs[0].nodeEvents;
    expect(shiviz.split('\n').length).toBe(2 + 2 * events.length + 1);
    expect(2 * events.length).toBeGreaterThan(200_000);
    const last = events.at(-1)!;
    expect(shiviz.split('\n').at(-3)).toBe(`${last.node} ${JSON.stringify(last.clock)}`);
    // A big run on a shared machine: the point is that it finishes whole, not how fast.
  }, 30_000);

  it('clients are hosts after the nodes: their lanes hold their requests, timeouts and the answers they receive', () => {
    const { shiviz, trace } = exported(CLIENTS);
    const [x] = readAsShiViz(shiviz);
    const hosts = [...new Set(x.events.map((e) => e.host))];
    expect(hosts.filter((h) => h.startsWith('c')).sort()).toEqual(['c1', 'c2']);
    expect(trace.runs[0].clients).toEqual(['c1', 'c2']);
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] c1 sent ClientRequest m\d+ to n1: c1#1 put x 1\. Delivered/m);
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] c1 received NotLeader m\d+ from n1 \(term 1\)\./m);
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] c2 sent ClientRequest m\d+ to n1: .* Lost \[\d+ms #\d+\]: the link n1-c2 was cut\./m);
    // A reply makes the client's clock know the leader's history: the lane is causally joined to the cluster.
    const reply = trace.runs[0].nodeEvents.find((e) => e.kind === 'receive' && e.message.type === 'ClientReply');
    if (reply?.kind !== 'receive') throw new Error('no ClientReply received');
    expect(reply.clock[reply.message.from]).toBeGreaterThan(0);
    const causes = new Set(trace.runs[0].nodeEvents.flatMap((e) => (e.kind === 'local' && e.node.startsWith('c') ? [e.cause] : [])));
    expect([...causes].sort()).toEqual(['client-issue', 'client-timer']);
  });

  it('several clusters are several executions, each opened by a delimiter line', () => {
    const { shiviz } = exported(TWO_CLUSTERS);
    expect(shiviz.split('\n')[1]).toBe(SHIVIZ_DELIMITER);
    expect(readAsShiViz(shiviz).map((x) => x.label)).toEqual(['run 1: 3 nodes, seed 5', 'run 2: 5 nodes, seed 9']);
    // A cut link loses messages: their send lines say so; the cut itself is at no node and is not a line.
    expect(shiviz).toMatch(/Lost \[\d+ms #\d+\]: the link n1-n\d was cut\./);
    expect(shiviz).not.toMatch(/^\[.*\] The link .* was cut/m);
    expect(shiviz).toMatch(/^\[\d+ms #\d+\] n2 crashed/m);
  });
});

describe('JSON trace', () => {
  for (const [name, text] of cases) {
    it(name, () => {
      const { trace } = exported(text);
      expect(trace.version).toBe(TRACE_VERSION);
      expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
      expect(validate(JSON.parse(JSON.stringify(trace)), schema)).toEqual([]);
    });
  }

  it('holds every record of the run, in order, and the cluster config and node ids', () => {
    const text = readFileSync(join(root, 'public', 'scenarios', 'figure8.txt'), 'utf8');
    const p = parseScript(text);
    if (!p.ok) throw new Error('parse');
    const records: EventRecord[] = [];
    const { session } = runScript(p.script, (r) => records.push(r));
    const { trace } = exported(text);
    expect(trace.runs).toHaveLength(1);
    expect(trace.runs[0].records).toEqual(records);
    expect(trace.runs[0].config).toEqual(session.cluster!.config);
    expect(trace.runs[0].nodes).toEqual(session.cluster!.ids);
    expect(Object.keys(trace.runs[0].nodeEvents[0])).toEqual(['node', 'event', 'time', 'clock', 'kind', 'cause']);
  });

  it('client messages carry the fields --json shows of a message in flight, less the network\'s stamps', () => {
    const p = parseScript(CLIENTS);
    if (!p.ok) throw new Error('parse');
    const session = newSession();
    const logger = new RunLogger(session);
    runScript(p.script, logger.emit, session, logger.notice);
    const [log] = logger.finish();
    const traced = toTraceJson([log]).runs[0].nodeEvents;
    const seen = new Set<string>();
    log.nodeEvents.forEach((e, i) => {
      if (e.kind === 'local' || !isClientMessageType(e.message.type)) return;
      const t = traced[i];
      if (t.kind !== e.kind) throw new Error('kinds differ');
      const { sentAt, arrivesAt, seq, ...fields } = e.message;
      expect([sentAt, arrivesAt, seq].every((n) => typeof n === 'number')).toBe(true);
      expect(t.message).toEqual(fields);
      seen.add(e.message.type);
    });
    expect([...seen].sort()).toEqual(['ClientReply', 'ClientRequest', 'NotLeader']);
  });

  it('the schema names every record type, local cause and message type, and version 1', () => {
    expect([...schema.$defs.messageSummary.properties.type.enum]).toEqual([...MESSAGE_TYPES]);
    expect([...schema.$defs.record.properties.type.enum].sort()).toEqual([...RECORD_TYPES].sort());
    expect([...schema.$defs.nodeEvent.oneOf[0].properties.cause.enum].sort()).toEqual([...LOCAL_CAUSES].sort());
    expect(schema.properties.version.const).toBe(TRACE_VERSION);
  });

  it('the schema check is not vacuous: broken traces fail it', () => {
    const { trace } = exported(TWO_CLUSTERS);
    const doc = JSON.parse(JSON.stringify(trace));
    expect(validate({ ...doc, version: 2 }, schema)).not.toEqual([]);
    const run = doc.runs[0];
    const broken = (change: (r: typeof run) => void): string[] => {
      const copy = JSON.parse(JSON.stringify(doc));
      change(copy.runs[0]);
      return validate(copy, schema);
    };
    expect(broken((r) => delete r.records[0].event)).not.toEqual([]);
    expect(broken((r) => (r.records[0].type = 'nonsense'))).not.toEqual([]);
    expect(broken((r) => (r.nodeEvents[0].clock = { n1: 0 }))).not.toEqual([]);
    expect(broken((r) => (r.nodeEvents[0].clock = { x: 1 }))).not.toEqual([]);
    expect(broken((r) => delete r.nodeEvents[0].cause)).not.toEqual([]);
    expect(broken((r) => delete r.config.raft)).not.toEqual([]);
    expect(broken((r) => delete r.clients)).not.toEqual([]);
    expect(broken((r) => (r.nodeEvents[0].node = 'x1'))).not.toEqual([]);
    expect(broken((r) => (r.nodeEvents[0].clock = { c0: 1 }))).not.toEqual([]);
    expect(broken((r) => (r.nodeEvents[0].node = 'c1'))).toEqual([]);
  });
});

describe('watching for clocks changes nothing', () => {
  it('the same records and the same final cluster state as a plain run, and the same exports twice', () => {
    for (const [, text] of cases) {
      const p = parseScript(text);
      if (!p.ok) throw new Error('parse');
      const records: EventRecord[] = [];
      const plain = runScript(p.script, (r) => records.push(r));
      const session = newSession();
      const logger = new RunLogger(session);
      const watched = runScript(p.script, logger.emit, session, logger.notice);
      expect(JSON.stringify(session.cluster)).toBe(JSON.stringify(plain.session.cluster));
      expect(watched.failure).toEqual(plain.failure);
      expect(logger.finish().flatMap((r) => r.records)).toEqual(records);
      expect(exportRun(p.script.commands)).toEqual(exportRun(text));
    }
  });

  it('exportRun reports a failed expect and stops there, as the runner does', () => {
    const r = exportRun('cluster nodes=3 seed=1\nrun 1s\nexpect term n1 99\nrun 1s\n');
    expect(r.failure).toMatchObject({ line: 3, expected: '99' });
    expect(Math.max(...r.trace.runs[0].records.map((x) => x.time))).toBeLessThanOrEqual(1000);
  });

  it('exportRun refuses text that does not parse, naming the place', () => {
    expect(() => exportRun('cluster nodes=3\ncrash n9\n')).toThrow(/2:7: unknown node/);
  });
});
