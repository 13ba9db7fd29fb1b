/**
 * Parses and checks a whole scenario before anything runs. Every problem is
 * reported with its line and column; a script with any error runs nothing.
 */
import { DEFAULT_CONFIG, LIMITS } from '../config.ts';
import {
  MESSAGE_TYPES,
  READ_MODES,
  UNSAFE_RULES,
  type ChangeRequest,
  type ClientId,
  type ClusterConfig,
  type KvOp,
  type MessageType,
  type NodeId,
  type Range,
  type ReadMode,
  type UnsafeRule,
} from '../types.ts';
import { PRESETS, type Command, type CommandBody, type Expectation, type PresetName, type ScenarioError, type Script } from './ast.ts';
import { lexLine, type Token } from './lexer.ts';
import { INVARIANTS, type InvariantName } from '../events.ts';
import { closest } from './suggest.ts';
import { ScriptTotals } from './scriptCaps.ts';
import { quoteWord } from './quoteWord.ts';

export type ParseResult =
  | { readonly ok: true; readonly script: Script }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/**
 * Thrown inside the parser only; always caught and turned into a ScenarioError.
 * Not an Error: a script of many bad lines would spend most of its time taking
 * stack traces nobody reads.
 */
class Problem {
  constructor(
    readonly col: number,
    readonly message: string,
  ) {}
}

/** A word of the script inside a message, quoted and cut short if it is long. */
const shown = (word: string): string => quoteWord(word);

const COMMANDS = [
  'cluster', 'preset', 'run', 'step', 'stabilize', 'campaign', 'propose', 'crash', 'restart', 'snapshot',
  'partition', 'cut', 'heal', 'drop', 'timers', 'expect', 'say', 'pause', 'client', 'workload',
  'change', 'add', 'remove', 'transfer',
] as const;

/** What a line may refer to: the cluster in force at that point of the script. */
export interface ParseContext {
  /** Node count of the cluster in force, or null before any `cluster` or `preset` line. */
  nodes: number | null;
  /** The options of the last `cluster` line, which `preset` keeps. */
  config: ClusterConfig;
}

export const initialContext = (): ParseContext => ({ nodes: null, config: DEFAULT_CONFIG });

/**
 * Parse a whole script: every line, then the caps on the whole (see
 * scriptCaps.ts). Lines end at LF; a CR before it is white space, so CR LF
 * files read the same, and a byte-order mark at the start is skipped.
 */
export function parseScript(text: string, ctx: ParseContext = initialContext()): ParseResult {
  const parser = new ScriptParser(text, ctx);
  parser.advance(Infinity);
  return parser.result();
}

/**
 * `parseScript` a slice of lines at a time, so a caller on a page's main thread
 * can parse a script of 100,000 lines without blocking it: call `advance` once
 * per task until it returns true, then take `result`. The outcome is exactly
 * `parseScript`'s, which is this run in one go.
 */
export class ScriptParser {
  private readonly lines: string[];
  private next = 0;
  private readonly errors: ScenarioError[] = [];
  private readonly commands: Command[] = [];
  private readonly totals = new ScriptTotals();

  constructor(
    text: string,
    private readonly ctx: ParseContext = initialContext(),
  ) {
    this.lines = text.replace(/^\uFEFF/, '').split('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  get done(): boolean {
    return this.next >= this.lines.length;
  }

  /** Parse up to `count` more lines; true once every line is parsed. */
  advance(count: number): boolean {
    const end = Math.min(this.lines.length, this.next + count);
    for (; this.next < end; this.next++) {
      const r = parseLine(this.lines[this.next], this.next + 1, this.ctx);
      if (r === null) continue;
      if ('message' in r) {
        this.errors.push(r);
        continue;
      }
      const over = this.totals.add(r);
      if (over !== null) this.errors.push(over);
      this.commands.push(r);
    }
    return this.done;
  }

  /** The outcome once `advance` has returned true. */
  result(): ParseResult {
    if (!this.done) throw new Error('ScriptParser.result() before every line was parsed');
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, script: { commands: this.commands } };
  }
}

/**
 * Parse one line against `ctx`, updating it when the line sets up a cluster.
 * Returns null for a blank or comment line.
 */
export function parseLine(text: string, line: number, ctx: ParseContext): Command | ScenarioError | null {
  const lexed = lexLine(text, line);
  if (!lexed.ok) return lexed.error;
  const tokens = lexed.tokens;
  if (tokens.length === 0) return null;
  const head = tokens[0];
  try {
    const body = parseCommand(head, tokens.slice(1), text, ctx);
    return { ...body, line, col: head.col };
  } catch (e) {
    if (e instanceof Problem) return { line, col: e.col, message: e.message };
    throw e;
  }
}

function parseCommand(head: Token, args: Token[], text: string, ctx: ParseContext): CommandBody {
  const name = head.text;
  if (!(COMMANDS as readonly string[]).includes(name)) {
    const hint = closest(name, COMMANDS);
    throw new Problem(head.col, `unknown command ${shown(name)}${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  const endCol = text.length + 1;
  const argsFor = new Args(args, endCol, name);
  if (name !== 'cluster' && name !== 'preset' && ctx.nodes === null) {
    throw new Problem(head.col, `${shown(name)} needs a cluster: start the script with a "cluster" or "preset" line`);
  }
  const node = (t: Token): NodeId => checkNode(t, ctx.nodes!);
  // Either end of a link: a node, or a client (clients talk only to nodes).
  const end = (t: Token): NodeId => (/^c\d/.test(t.text) ? checkClient(t, ctx.config.clients) : node(t));
  switch (name as (typeof COMMANDS)[number]) {
    case 'cluster': {
      const config = parseClusterOptions(args);
      ctx.config = config;
      ctx.nodes = config.nodes;
      return { kind: 'cluster', config };
    }
    case 'preset': {
      const t = argsFor.next('a preset name (figure7 or figure7-etcd)');
      argsFor.end();
      if (!(PRESETS as readonly string[]).includes(t.text)) {
        const hint = closest(t.text, PRESETS);
        throw new Problem(t.col, `unknown preset ${shown(t.text)}; presets are ${PRESETS.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
      }
      ctx.nodes = 7;
      return { kind: 'preset', name: t.text as PresetName };
    }
    case 'run': {
      const t = argsFor.next('a duration such as 250ms or 1.5s');
      argsFor.end();
      const ms = parseDuration(t);
      if (ms > LIMITS.maxRunMs) throw new Problem(t.col, `"run" advances at most ${LIMITS.maxRunMs / 60_000} minutes at a time`);
      return { kind: 'run', ms };
    }
    case 'step': {
      const t = argsFor.optional();
      argsFor.end();
      const count = t === null ? 1 : parseCount(t, 1, LIMITS.maxStep, 'the number of events');
      return { kind: 'step', count };
    }
    case 'stabilize': {
      const t = argsFor.optional();
      argsFor.end();
      const limit = t === null ? null : parseCount(t, 1, LIMITS.maxStabilize, 'the most events to deliver');
      return { kind: 'stabilize', limit };
    }
    case 'campaign':
    case 'crash':
    case 'restart':
    case 'snapshot': {
      const n = node(argsFor.next('a node, such as n1'));
      argsFor.end();
      return { kind: name as 'campaign' | 'crash' | 'restart' | 'snapshot', node: n };
    }
    case 'propose': {
      const t = argsFor.next('a node or "leader"');
      const target = t.text === 'leader' ? 'leader' : node(t);
      const v = argsFor.next('a value to propose');
      argsFor.end();
      if (v.text.length === 0) throw new Problem(v.col, 'the proposed value is empty');
      if (v.text.length > LIMITS.maxValueLength) throw new Problem(v.col, `the proposed value is longer than ${LIMITS.maxValueLength} characters`);
      return { kind: 'propose', target, value: v.text };
    }
    case 'partition':
      return { kind: 'partition', groups: parseGroups(text, head, end) };
    case 'cut': {
      const [a, b] = pair(argsFor, end);
      argsFor.end();
      return { kind: 'cut', a, b };
    }
    case 'heal': {
      if (args.length === 0) return { kind: 'heal', pair: null };
      const p = pair(argsFor, end);
      argsFor.end();
      return { kind: 'heal', pair: p };
    }
    case 'client': {
      const c = checkClient(argsFor.next('a client, such as c1'), ctx.config.clients);
      const op = parseOp(argsFor);
      argsFor.end();
      return { kind: 'client', client: c, op };
    }
    case 'workload': {
      if (ctx.config.clients === 0) throw new Problem(head.col, '"workload" needs clients: add clients=N to the cluster line');
      return { kind: 'workload', ...parseWorkload(args, endCol) };
    }
    case 'drop': {
      const first = argsFor.next('a message id such as m12, or two nodes');
      if (/^m\d+$/.test(first.text)) {
        argsFor.end();
        const id = parseCount({ ...first, text: first.text.slice(1), col: first.col + 1 }, 0, Number.MAX_SAFE_INTEGER, 'a message id');
        return { kind: 'drop-message', id };
      }
      const from = end(first);
      const toTok = argsFor.next('the receiving node');
      const to = end(toTok);
      if (from === to) throw new Problem(toTok.col, 'a node sends no messages to itself');
      if (isClient(from) && isClient(to)) throw new Problem(toTok.col, 'clients send messages only to nodes');
      const t = argsFor.optional();
      argsFor.end();
      return { kind: 'drop', from, to, messageType: t === null ? null : parseMessageType(t) };
    }
    case 'timers': {
      const t = argsFor.next('align or spread');
      argsFor.end();
      if (t.text !== 'align' && t.text !== 'spread') throw new Problem(t.col, `timers are "align" (all time out together) or "spread" (one after another), got ${shown(t.text)}`);
      return { kind: 'timers', layout: t.text };
    }
    case 'change': {
      const t = argsFor.next('the servers to add and remove, such as +n4,+n5,-n1');
      argsFor.end();
      return { kind: 'change', request: parseChange(t, node) };
    }
    case 'add':
    case 'remove': {
      const n = node(argsFor.next('a node, such as n4'));
      argsFor.end();
      return { kind: 'change', request: { how: 'single', add: name === 'add' ? [n] : [], remove: name === 'remove' ? [n] : [] } };
    }
    case 'transfer': {
      const n = node(argsFor.next('the node to hand leadership to, such as n2'));
      argsFor.end();
      return { kind: 'transfer', node: n };
    }
    case 'expect':
      return { kind: 'expect', check: parseExpectation(argsFor, node) };
    case 'say': {
      const t = argsFor.next('the caption, in "double quotes"');
      argsFor.end();
      if (t.text.trim().length === 0) throw new Problem(t.col, 'the caption is empty');
      if (t.text.length > LIMITS.maxCaptionLength) throw new Problem(t.col, `a caption is at most ${LIMITS.maxCaptionLength} characters; split it into several "say" lines`);
      return { kind: 'say', text: t.text };
    }
    case 'pause':
      argsFor.end();
      return { kind: 'pause' };
  }
}

/** `+n4,+n5,-n1`: each server once, each marked + (add) or - (remove). */
function parseChange(t: Token, node: (t: Token) => NodeId): ChangeRequest {
  const add: NodeId[] = [];
  const remove: NodeId[] = [];
  let col = t.col;
  for (const part of t.text.split(',')) {
    const sign = part[0];
    if (sign !== '+' && sign !== '-') throw new Problem(col, `mark each server + (add) or - (remove), such as +n4,-n1; got ${shown(part)}`);
    const id = node({ text: part.slice(1), col: col + 1, quoted: false });
    if (add.includes(id) || remove.includes(id)) throw new Problem(col, `${id} is named twice`);
    (sign === '+' ? add : remove).push(id);
    col += part.length + 1;
  }
  return { how: 'joint', add, remove };
}

/** `n1,n2,n3`: a list of distinct nodes, starting at `col`. */
function nodeList(t: Token, node: (t: Token) => NodeId): NodeId[] {
  const out: NodeId[] = [];
  let col = t.col;
  for (const part of t.text.split(',')) {
    const id = node({ text: part, col, quoted: false });
    if (out.includes(id)) throw new Problem(col, `${id} is named twice`);
    out.push(id);
    col += part.length + 1;
  }
  return out.sort();
}

function pair(args: Args, node: (t: Token) => NodeId): [NodeId, NodeId] {
  const a = node(args.next('two nodes'));
  const t = args.next('a second node');
  const b = node(t);
  if (a === b) throw new Problem(t.col, 'a link joins two different nodes');
  if (isClient(a) && isClient(b)) throw new Problem(t.col, 'clients have links only to nodes');
  return [a, b];
}

const isClient = (id: string): boolean => id.startsWith('c');

export function checkClient(t: Token, count: number): ClientId {
  const m = /^c([1-9]\d*)$/.exec(t.text);
  if (m === null) throw new Problem(t.col, `expected a client such as c1, got ${shown(t.text)}`);
  if (count === 0) throw new Problem(t.col, `there are no clients: add clients=N to the cluster line`);
  if (Number(m[1]) > count) throw new Problem(t.col, `unknown client ${shown(t.text)}: this cluster has ${count === 1 ? 'only c1' : `c1..c${count}`}`);
  return t.text;
}

function checkKey(t: Token): string {
  if (t.text.length === 0) throw new Problem(t.col, 'the key is empty');
  if (t.text.length > LIMITS.maxKeyLength) throw new Problem(t.col, `a key is at most ${LIMITS.maxKeyLength} characters`);
  return t.text;
}

function checkValue(t: Token, what: string): string {
  if (t.text.length > LIMITS.maxValueLength) throw new Problem(t.col, `${what} is longer than ${LIMITS.maxValueLength} characters`);
  return t.text;
}

/** `put <key> <value>`, `append <key> <value>` or `get <key>` (Porcupine's KV model). */
function parseOp(args: Args): KvOp {
  const f = args.next('an operation: put <key> <value>, append <key> <value>, or get <key>');
  switch (f.text) {
    case 'get':
      return { kind: 'get', key: checkKey(args.next('a key')) };
    case 'put':
    case 'append': {
      const key = checkKey(args.next('a key'));
      const v = args.next('a value');
      if (f.text === 'append' && v.text.length === 0) throw new Problem(v.col, 'appending "" changes nothing; give a value');
      return { kind: f.text, key, value: checkValue(v, 'the value') };
    }
    default: {
      const hint = closest(f.text, ['put', 'append', 'get']);
      throw new Problem(f.col, `unknown operation ${shown(f.text)}${hint ? ` (did you mean "${hint}"?)` : ''}; operations are put, append, get`);
    }
  }
}

const WORKLOAD_KEYS = ['ops', 'rate', 'keys', 'reads'] as const;

/** `ops=<n> [rate=<n>/s] [keys=<n>] [reads=<percent>]`. */
function parseWorkload(args: Token[], endCol: number): { ops: number; rate: number; keys: number; reads: number } {
  const w = { ops: 0, rate: 100, keys: 5, reads: 50 };
  const seen = new Set<string>();
  for (const t of args) {
    const eq = t.text.indexOf('=');
    if (eq <= 0) throw new Problem(t.col, `expected key=value, such as ops=100, got ${shown(t.text)}`);
    const key = t.text.slice(0, eq);
    const v: Token = { text: t.text.slice(eq + 1), col: t.col + eq + 1, quoted: false };
    if (!(WORKLOAD_KEYS as readonly string[]).includes(key)) {
      const hint = closest(key, WORKLOAD_KEYS);
      throw new Problem(t.col, `unknown workload option ${shown(key)}${hint ? ` (did you mean "${hint}"?)` : ''}; options are ${WORKLOAD_KEYS.join(', ')}`);
    }
    if (seen.has(key)) throw new Problem(t.col, `${shown(key)} is given twice`);
    seen.add(key);
    switch (key as (typeof WORKLOAD_KEYS)[number]) {
      case 'ops':
        w.ops = parseCount(v, 1, LIMITS.maxWorkloadOps, 'ops');
        break;
      case 'rate':
        w.rate = parseCount({ ...v, text: v.text.replace(/\/s$/, '') }, 1, 10_000, 'rate (operations per second)');
        break;
      case 'keys':
        w.keys = parseCount(v, 1, LIMITS.maxWorkloadKeys, 'keys');
        break;
      case 'reads':
        w.reads = parseCount({ ...v, text: v.text.replace(/%$/, '') }, 0, 100, 'reads (a percentage)');
        break;
    }
  }
  if (!seen.has('ops')) throw new Problem(endCol, '"workload" needs ops=<n>, the number of operations');
  return w;
}

/** Reads arguments in order and reports what is missing or left over. */
class Args {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly endCol: number, private readonly command: string) {}
  next(what: string): Token {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new Problem(this.endCol, `"${this.command}" needs ${what}`);
    return t;
  }
  optional(): Token | null {
    return this.tokens[this.i++] ?? null;
  }
  rest(): Token[] {
    const r = this.tokens.slice(this.i);
    this.i = this.tokens.length;
    return r;
  }
  end(): void {
    const t = this.tokens[this.i];
    if (t !== undefined) throw new Problem(t.col, `unexpected ${shown(t.text)}: "${this.command}" takes no more arguments here`);
  }
}

export function checkNode(t: Token, count: number): NodeId {
  const m = /^n([1-9]\d*)$/.exec(t.text);
  if (m === null) throw new Problem(t.col, `expected a node such as n1, got ${shown(t.text)}`);
  const k = Number(m[1]);
  if (k > count) throw new Problem(t.col, `unknown node ${shown(t.text)}: this cluster has ${count === 1 ? 'only n1' : `n1..n${count}`}`);
  return t.text;
}

function parseCount(t: Token, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(t.text)) throw new Problem(t.col, `expected ${what} as a whole number, got ${shown(t.text)}`);
  const n = Number(t.text);
  if (n < min || n > max) throw new Problem(t.col, `${what} must be between ${min} and ${max}, got ${t.text.length <= 40 ? t.text : shown(t.text)}`);
  return n;
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s)$/;

/** `250ms`, `2s`, `1.5s`: a whole number of milliseconds. */
export function parseDuration(t: Token, text = t.text): number {
  const m = DURATION.exec(text);
  if (m === null) {
    const hint = /^\d+(\.\d+)?$/.test(text) && text.length <= 40 ? ` (add a unit: ${text}ms or ${text}s)` : '';
    throw new Problem(t.col, `expected a duration such as 250ms or 1.5s, got ${shown(text)}${hint}`);
  }
  const ms = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  // Far beyond every cap (and beyond exact integers, or Infinity): the caller's range check refuses it in its own words.
  if (ms > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(Math.round(ms * 1e6) / 1e6)) {
    throw new Problem(t.col, `durations are whole milliseconds; ${shown(text)} is ${ms}ms`);
  }
  return Math.round(ms);
}

/** `100-200ms` or `100ms-200ms`; a unit on the upper bound applies to a bare lower bound. */
function parseRange(t: Token, value: string, key: string): Range {
  const parts = value.split('-');
  if (parts.length !== 2) throw new Problem(t.col, `${key} takes a range such as 100-200ms, got ${shown(value)}`);
  const unit = /(ms|s)$/.exec(parts[1])?.[1] ?? '';
  const lo = /(ms|s)$/.test(parts[0]) ? parts[0] : parts[0] + unit;
  const min = parseDuration(t, lo);
  const max = parseDuration(t, parts[1]);
  if (min > LIMITS.maxDurationMs || max > LIMITS.maxDurationMs) throw new Problem(t.col, `${key}: at most ${LIMITS.maxDurationMs}ms`);
  if (min > max) throw new Problem(t.col, `${key}: the lower bound ${min}ms is above the upper bound ${max}ms`);
  return { min, max };
}

const CLUSTER_KEYS = [
  'nodes', 'seed', 'election', 'heartbeat', 'latency', 'batch', 'probe', 'noop', 'prevote', 'checkquorum', 'unsafe',
  'clients', 'reads', 'client-timeout', 'snapshot', 'members',
] as const;

function onOff(v: Token, key: string): boolean {
  if (v.text !== 'on' && v.text !== 'off') throw new Problem(v.col, `${key} is on or off, got ${shown(v.text)}`);
  return v.text === 'on';
}

/** `unsafe=commit-old-terms,no-truncate`: rules to switch off, each named once. */
function parseUnsafe(v: Token): UnsafeRule[] {
  const rules: UnsafeRule[] = [];
  let col = v.col;
  for (const name of v.text.split(',')) {
    if (!(UNSAFE_RULES as readonly string[]).includes(name)) {
      const hint = closest(name, UNSAFE_RULES);
      throw new Problem(col, `unknown unsafe rule ${shown(name)}${hint ? ` (did you mean "${hint}"?)` : ''}; rules are ${UNSAFE_RULES.join(', ')}`);
    }
    if (rules.includes(name as UnsafeRule)) throw new Problem(col, `${shown(name)} is given twice`);
    rules.push(name as UnsafeRule);
    col += name.length + 1;
  }
  return rules;
}

function parseClusterOptions(args: Token[]): ClusterConfig {
  let c: ClusterConfig = DEFAULT_CONFIG;
  let raft = c.raft;
  const seen = new Set<string>();
  for (const t of args) {
    const eq = t.text.indexOf('=');
    if (eq <= 0) throw new Problem(t.col, `expected key=value, such as nodes=5, got ${shown(t.text)}`);
    const key = t.text.slice(0, eq);
    const value = t.text.slice(eq + 1);
    const at = t.col + eq + 1;
    if (!(CLUSTER_KEYS as readonly string[]).includes(key)) {
      const hint = closest(key, CLUSTER_KEYS);
      throw new Problem(t.col, `unknown cluster option ${shown(key)}${hint ? ` (did you mean "${hint}"?)` : ''}; options are ${CLUSTER_KEYS.join(', ')}`);
    }
    if (seen.has(key)) throw new Problem(t.col, `${shown(key)} is given twice`);
    seen.add(key);
    const v: Token = { text: value, col: at, quoted: false };
    switch (key as (typeof CLUSTER_KEYS)[number]) {
      case 'nodes':
        c = { ...c, nodes: parseCount(v, LIMITS.minNodes, LIMITS.maxNodes, 'nodes') };
        break;
      case 'seed':
        c = { ...c, seed: parseCount(v, 0, LIMITS.maxSeed, 'seed') };
        break;
      case 'election': {
        const r = parseRange(v, value, key);
        if (r.min < 1) throw new Problem(at, 'election timeouts must be at least 1ms');
        c = { ...c, election: r };
        break;
      }
      case 'latency':
        c = { ...c, latency: parseRange(v, value, key) };
        break;
      case 'heartbeat': {
        const ms = parseDuration(v);
        if (ms < 1 || ms > LIMITS.maxDurationMs) throw new Problem(at, `heartbeat must be between 1ms and ${LIMITS.maxDurationMs}ms`);
        c = { ...c, heartbeat: ms };
        break;
      }
      case 'batch':
        raft = { ...raft, batch: parseCount(v, 1, LIMITS.maxBatch, 'batch') };
        break;
      case 'probe':
        if (value !== 'fast' && value !== 'naive') throw new Problem(at, `probe is fast or naive, got ${shown(value)}`);
        raft = { ...raft, probe: value };
        break;
      case 'noop':
        raft = { ...raft, noop: onOff(v, key) };
        break;
      case 'prevote':
        raft = { ...raft, prevote: onOff(v, key) };
        break;
      case 'checkquorum':
        raft = { ...raft, checkquorum: onOff(v, key) };
        break;
      case 'unsafe':
        raft = { ...raft, unsafe: parseUnsafe(v) };
        break;
      case 'clients':
        c = { ...c, clients: parseCount(v, 0, LIMITS.maxClients, 'clients') };
        break;
      case 'reads':
        if (!(READ_MODES as readonly string[]).includes(value)) throw new Problem(at, `reads is ${READ_MODES.join(', ')}, got ${shown(value)}`);
        raft = { ...raft, reads: value as ReadMode };
        break;
      case 'snapshot':
        raft = { ...raft, snapshot: value === 'off' ? null : parseCount(v, 1, LIMITS.maxSnapshotEvery, 'snapshot (entries applied between snapshots, or off)') };
        break;
      case 'client-timeout': {
        const ms = parseDuration(v);
        if (ms < 1 || ms > LIMITS.maxDurationMs) throw new Problem(at, `client-timeout must be between 1ms and ${LIMITS.maxDurationMs}ms`);
        c = { ...c, clientTimeout: ms };
        break;
      }
      case 'members':
        // Checked against nodes= below, which may come after it on the line.
        c = { ...c, members: nodeList(v, (x) => checkNode(x, LIMITS.maxNodes)) };
        break;
    }
  }
  if (c.members !== null) {
    const t = args.find((a) => a.text.startsWith('members='))!;
    const outside = c.members.find((id) => Number(id.slice(1)) > c.nodes);
    if (outside !== undefined) throw new Problem(t.col + 8, `members= names ${outside}, but this cluster has ${c.nodes === 1 ? 'only n1' : `n1..n${c.nodes}`}`);
  }
  if (raft.reads !== 'log' && c.latency.min < 1) {
    // ReadIndex and leases tell heartbeat rounds apart by the leader's clock (raft/reads.ts):
    // a round must reach a follower at least a millisecond after it was sent.
    const t = args.find((a) => a.text.startsWith('latency=')) ?? args.find((a) => a.text.startsWith('reads='))!;
    throw new Problem(t.col, `reads=${raft.reads} needs a latency of at least 1ms (the leader tells its heartbeat rounds apart by its clock)`);
  }
  return { ...c, raft };
}

const TYPE_ALIASES: Record<string, MessageType> = {
  requestvote: 'RequestVote',
  vote: 'RequestVote',
  requestvoteresponse: 'RequestVoteResponse',
  'vote-response': 'RequestVoteResponse',
  appendentries: 'AppendEntries',
  append: 'AppendEntries',
  appendentriesresponse: 'AppendEntriesResponse',
  'append-response': 'AppendEntriesResponse',
  installsnapshot: 'InstallSnapshot',
  snapshot: 'InstallSnapshot',
  installsnapshotresponse: 'InstallSnapshotResponse',
  'snapshot-response': 'InstallSnapshotResponse',
  clientrequest: 'ClientRequest',
  request: 'ClientRequest',
  clientreply: 'ClientReply',
  reply: 'ClientReply',
  notleader: 'NotLeader',
  timeoutnow: 'TimeoutNow',
};

function parseMessageType(t: Token): MessageType {
  const type = TYPE_ALIASES[t.text.toLowerCase()];
  if (type === undefined) {
    throw new Problem(t.col, `unknown message type ${shown(t.text)}; types are ${MESSAGE_TYPES.join(', ')}`);
  }
  return type;
}

/** `n1,n2 | n3,n4,n5,c1`: groups split by `|`, nodes (and clients) by commas or spaces. */
function parseGroups(text: string, head: Token, end: (t: Token) => NodeId): NodeId[][] {
  const groups: NodeId[][] = [[]];
  const groupCols: number[] = [head.col + head.text.length + 1];
  const seen = new Map<NodeId, number>();
  const body = text.slice(0, text.indexOf('#') >= 0 ? text.indexOf('#') : text.length);
  const re = /\||[^\s,|]+/g;
  re.lastIndex = head.col - 1 + head.text.length;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const col = m.index + 1;
    if (m[0] === '|') {
      if (groups[groups.length - 1].length === 0) throw new Problem(col, 'a partition group is empty');
      groups.push([]);
      groupCols.push(col + 1);
      continue;
    }
    const id = end({ text: m[0], col, quoted: false });
    if (seen.has(id)) throw new Problem(col, `${id} is in two groups`);
    seen.set(id, groups.length - 1);
    groups[groups.length - 1].push(id);
  }
  if (groups[groups.length - 1].length === 0) {
    throw new Problem(groups.length === 1 ? head.col : text.length + 1, groups.length === 1 ? '"partition" needs groups of nodes, such as n1,n2 | n3,n4,n5' : 'a partition group is empty');
  }
  if (groups.length < 2) throw new Problem(head.col, 'a partition needs at least two groups separated by |, such as n1,n2 | n3,n4,n5');
  return groups;
}

const EXPECTATIONS = ['leader', 'role', 'term', 'vote', 'commit', 'log', 'safe', 'violation', 'rejections', 'roundtrips', 'linearizable', 'kv', 'applied', 'snapshot', 'config'] as const;

function parseExpectation(args: Args, node: (t: Token) => NodeId): Expectation {
  const what = args.next(`what to check: ${EXPECTATIONS.join(', ')}`);
  switch (what.text) {
    case 'leader': {
      const t = args.next('a node or "none"');
      args.end();
      return { what: 'leader', node: t.text === 'none' ? null : node(t) };
    }
    case 'role': {
      const n = node(args.next('a node'));
      const t = args.next('a role: leader, follower, candidate or down');
      args.end();
      if (!['leader', 'follower', 'candidate', 'down'].includes(t.text)) {
        throw new Problem(t.col, `expected leader, follower, candidate or down, got ${shown(t.text)}`);
      }
      return { what: 'role', node: n, role: t.text as 'leader' };
    }
    case 'vote': {
      const n = node(args.next('a node'));
      const t = args.next('the node it voted for, or "none"');
      args.end();
      return { what: 'vote', node: n, votedFor: t.text === 'none' ? null : node(t) };
    }
    case 'linearizable':
      args.end();
      return { what: 'linearizable' };
    case 'kv': {
      const n = node(args.next('a node'));
      const key = checkKey(args.next('a key'));
      const v = args.next('the value it holds ("" for none)');
      args.end();
      return { what: 'kv', node: n, key, value: v.text };
    }
    case 'snapshot': {
      const n = node(args.next('a node'));
      const i = args.next('the last index the snapshot covers, or "none"');
      if (i.text === 'none') {
        args.end();
        return { what: 'snapshot', node: n, at: null };
      }
      const index = parseCount(i, 1, Number.MAX_SAFE_INTEGER, 'the snapshot index');
      const term = parseCount(args.next('the term of that index'), 1, Number.MAX_SAFE_INTEGER, 'the snapshot term');
      args.end();
      return { what: 'snapshot', node: n, at: { index, term } };
    }
    case 'config': {
      const n = node(args.next('a node'));
      const first = nodeList(args.next('its voters, such as n1,n2,n3 (or old -> new while joint)'), node);
      let voters = first;
      let outgoing: NodeId[] = [];
      let t = args.optional();
      if (t !== null && t.text === '->') {
        outgoing = first;
        voters = nodeList(args.next('the new voters after ->'), node);
        t = args.optional();
      }
      let learners: NodeId[] | null = null;
      if (t !== null) {
        if (t.text !== 'learners') throw new Problem(t.col, `expected -> (then the new voters) or learners (then the learners), got ${shown(t.text)}`);
        learners = nodeList(args.next('the learners, such as n4,n5'), node);
      }
      args.end();
      return { what: 'config', node: n, voters, outgoing, learners };
    }
    case 'applied':
    case 'term':
    case 'commit':
    case 'rejections':
    case 'roundtrips': {
      const n = node(args.next('a node'));
      const v = parseCount(args.next('a number'), 0, Number.MAX_SAFE_INTEGER, what.text);
      args.end();
      return { what: what.text, node: n, value: v };
    }
    case 'violation': {
      const t = args.next(`an invariant: ${INVARIANTS.join(', ')}`);
      args.end();
      if (!(INVARIANTS as readonly string[]).includes(t.text)) {
        const hint = closest(t.text, INVARIANTS);
        throw new Problem(t.col, `unknown invariant ${shown(t.text)}${hint ? ` (did you mean "${hint}"?)` : ''}; invariants are ${INVARIANTS.join(', ')}`);
      }
      return { what: 'violation', invariant: t.text as InvariantName };
    }
    case 'log': {
      const n = node(args.next('a node'));
      const terms = args.rest().map((t) => parseCount(t, 1, Number.MAX_SAFE_INTEGER, 'a term'));
      return { what: 'log', node: n, terms };
    }
    case 'safe':
      args.end();
      return { what: 'safe' };
    default: {
      const hint = closest(what.text, EXPECTATIONS);
      throw new Problem(what.col, `unknown expectation ${shown(what.text)}${hint ? ` (did you mean "${hint}"?)` : ''}; use ${EXPECTATIONS.join(', ')}`);
    }
  }
}
