/**
 * Random and mutated scenario text, for the fuzz tests of the parser
 * (parseFuzz.test.ts) and of the share-link decoder (app/share/decodeFuzz.test.ts).
 * Every draw comes from a seeded generator (the engine's own mulberry32), so a
 * failing case is reproduced by its seed and number alone.
 */
import { nextFloat, seedState } from '../sim/rng.ts';

/** A seeded source of random choices. */
export class Draw {
  private state: number;
  constructor(seed: number) {
    this.state = seedState(seed);
  }
  /** A float in [0, 1). */
  float(): number {
    const [f, s] = nextFloat(this.state);
    this.state = s;
    return f;
  }
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(xs: ArrayLike<T>): T {
    return xs[this.int(0, xs.length - 1)];
  }
}

/** The language's commands. */
const COMMAND_WORDS = ['cluster', 'preset', 'run', 'step', 'stabilize', 'campaign', 'propose', 'crash', 'restart', 'partition', 'cut', 'heal', 'drop', 'timers', 'expect', 'say', 'pause'];

/** Words of the language, right and wrong, and the odd input a file, an editor or a link may hold. */
export const WORDS: readonly string[] = [
  // Commands, and near misses.
  ...COMMAND_WORDS,
  'crsh', 'Run', 'RUN', 'clusterr', 'stabilise', 'expect', 'expects',
  // Arguments.
  'n1', 'n2', 'n3', 'n5', 'n7', 'n9', 'n0', 'n10', 'n01', 'n-1', 'n99999999999999999999', 'leader', 'none', 'follower', 'candidate', 'down',
  'figure7', 'figure7-etcd', 'figure9', 'm0', 'm17', 'm9007199254740991', 'm9007199254740992', 'm99999999999999999999999', 'm-1', 'm',
  'align', 'spread', 'safe', 'term', 'commit', 'log', 'vote', 'role', 'violation', 'rejections', 'roundtrips', 'ElectionSafety', 'LogMatching', 'StateMachineSafety',
  'AppendEntries', 'RequestVote', 'vote-response', 'append', 'heartbeat',
  // Durations and numbers.
  '0ms', '1ms', '250ms', '1.5s', '2s', '0.5ms', '3600s', '3600001ms', '1h', '1e3ms', '1e309ms', '99999999999s', '-5ms', '.5s', '5.s', 'NaNms', 'Infinityms', '250',
  '0', '1', '3', '20', '1000000', '1000001', '-1', '1.5', '4294967295', '4294967296', '9007199254740991', '9007199254740993', '1e21', '0x10', '00000000000000000001',
  // Cluster options.
  'nodes=1', 'nodes=3', 'nodes=5', 'nodes=9', 'nodes=0', 'nodes=10', 'nodes=100', 'nodes=-1', 'nodes=', '=3', 'nodes==3', 'seed=0', 'seed=42', 'seed=4294967295',
  'seed=4294967296', 'seed=-1', 'seed=1e9', 'election=100-200ms', 'election=1-1ms', 'election=300-100ms', 'election=0-0ms', 'election=1-600001ms', 'election=5',
  'election=1-2-3ms', 'heartbeat=50ms', 'heartbeat=0ms', 'heartbeat=600000ms', 'latency=10-15ms', 'latency=0-0ms', 'latency=10ms-2s', 'batch=1', 'batch=10001',
  'probe=naive', 'probe=fast', 'probe=slow', 'noop=off', 'prevote=on', 'checkquorum=on', 'checkquorum=maybe', 'unsafe=no-truncate', 'unsafe=commit-old-terms,vote-any-log',
  'unsafe=no-truncate,no-truncate', 'unsafe=', 'unsafe=,', 'elektion=1-2ms',
  // Punctuation, quoting and comments.
  '|', '||', ',', 'n1,n2', 'n1,n2,n3', ',n1', 'n1|n2', '#', '# a comment', '"', '""', '"a b"', '"a \\" b"', '"\\\\"', '"\\"', '"unterminated', '"x"y', '"say "what"', '\\',
  // Characters that do not belong in a script.
  '\u0000', '\u0001', '\u001b[31m', '\u007f', '\u00a0', '\u200b', '\uFEFF', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '😀', '漢字', 'é', '\r', '\f', '\v', '\u2028',
];

const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '', ' \r', '\u00a0'];

/** A line of words from WORDS, mostly well spaced. */
export function soupLine(d: Draw): string {
  const n = d.int(0, 6);
  let line = '';
  for (let i = 0; i < n; i++) line += (i === 0 ? '' : d.pick(SEPARATORS)) + d.pick(WORDS);
  return line;
}

/** Values at the edges of what each argument takes, mostly in range, a few just past it. */
const EDGE = {
  duration: ['0ms', '1ms', '250ms', '1.5s', '2s', '0.001s', '3600s', '3600000ms', '1.0000000001s', '00001ms', '3600001ms', '0.5ms'],
  count: ['1', '2', '20', '999999', '1000000', '0001', '0', '1000001'],
  big: ['0', '1', '8', '9007199254740991', '9007199254740992', '99999999999999999999'],
  message: ['m0', 'm1', 'm17', 'm9007199254740991', 'm9007199254740992', 'm99999999999999999999', 'm00'],
  value: ['v1', 'x=1', '"a b"', '"\\""', '"\\\\"', '"😀"', '"\uD800"', '"a\u00a0b"', '"#"', 'a#b', 'é', `"${'x'.repeat(1000)}"`, 'x'.repeat(1001), '""'],
  type: ['AppendEntries', 'RequestVote', 'vote-response', 'append', 'appendentriesresponse', 'Heartbeat'],
  invariant: ['ElectionSafety', 'LeaderAppendOnly', 'LogMatching', 'LeaderCompleteness', 'StateMachineSafety', 'CommitWithinLog', 'Safety'],
  caption: ['"Three servers."', '"A \\"quoted\\" word."', `"${'a'.repeat(2000)}"`, `"${'a'.repeat(2001)}"`, '"  "', '"§5.2 ✓"'],
  option: [
    'seed=0', 'seed=4294967295', 'seed=4294967296', 'election=1-1ms', 'election=150-300ms', 'election=600000-600000ms', 'election=0-5ms', 'heartbeat=1ms',
    'heartbeat=600000ms', 'latency=0-0ms', 'latency=10ms-2s', 'latency=0-600001ms', 'batch=1', 'batch=10000', 'probe=naive', 'noop=off', 'prevote=on',
    'checkquorum=on', 'unsafe=no-truncate', 'unsafe=commit-old-terms,vote-any-log,no-truncate',
  ],
} as const;

/** A node of a cluster of `n`, now and then one it does not have. */
const nodeOf = (d: Draw, n: number): string => (d.chance(0.03) ? d.pick(['n0', `n${n + 1}`, 'n01', 'leader']) : `n${d.int(1, n)}`);

/** One command, drawn from the grammar with arguments at the edges of their ranges. */
function grammarLine(d: Draw, n: number): string {
  const node = (): string => nodeOf(d, n);
  const other = (a: string): string => {
    const b = node();
    return b === a && n > 1 ? `n${(Number(a.slice(1)) % n) + 1}` : b;
  };
  switch (d.int(0, 17)) {
    case 0:
      return `run ${d.pick(EDGE.duration)}`;
    case 1:
      return d.chance(0.3) ? 'step' : `step ${d.pick(EDGE.count)}`;
    case 2:
      return d.chance(0.5) ? 'stabilize' : `stabilize ${d.pick(EDGE.count)}`;
    case 3:
      return `${d.pick(['campaign', 'crash', 'restart'])} ${node()}`;
    case 4:
      return `propose ${d.chance(0.5) ? 'leader' : node()} ${d.pick(EDGE.value)}`;
    case 5: {
      const ids = Array.from({ length: n }, (_, i) => `n${i + 1}`).filter(() => d.chance(0.8));
      const groups: string[][] = [[]];
      for (const id of ids) {
        if (groups[groups.length - 1].length > 0 && d.chance(0.4)) groups.push([]);
        groups[groups.length - 1].push(id);
      }
      return `partition ${groups.map((g) => g.join(d.pick([',', ', ', ' ']))).join(d.pick([' | ', '|', ' |']))}`;
    }
    case 6: {
      const a = node();
      return `cut ${a} ${other(a)}`;
    }
    case 7: {
      const a = node();
      return d.chance(0.5) ? 'heal' : `heal ${a} ${other(a)}`;
    }
    case 8: {
      const a = node();
      return `drop ${a} ${other(a)}${d.chance(0.5) ? ` ${d.pick(EDGE.type)}` : ''}`;
    }
    case 9:
      return `drop ${d.pick(EDGE.message)}`;
    case 10:
      return `expect ${d.pick(['leader', 'vote'])} ${d.chance(0.3) ? 'none' : node()}${d.chance(0.5) ? '' : ` ${node()}`}`.replace(/^expect leader (\S+) \S+$/, 'expect leader $1');
    case 11:
      return `expect ${d.pick(['term', 'commit', 'rejections', 'roundtrips'])} ${node()} ${d.pick(EDGE.big)}`;
    case 12:
      return `expect log ${node()} ${Array.from({ length: d.int(0, 8) }, () => d.pick(EDGE.big.slice(1, 4))).join(' ')}`.trimEnd();
    case 13:
      return d.pick(['expect safe', `expect violation ${d.pick(EDGE.invariant)}`, `expect role ${node()} ${d.pick(['leader', 'follower', 'candidate', 'down', 'observer'])}`]);
    case 14:
      return `say ${d.pick(EDGE.caption)}`;
    case 15:
      return d.pick(['pause', '', '# a comment', '   ', '\t# indented comment', 'timers align', 'timers spread', 'timers random']);
    case 16:
      return `cluster nodes=${n}${Array.from({ length: d.int(0, 3) }, () => ` ${d.pick(EDGE.option)}`).join('')}`;
    default:
      return d.pick(['preset figure7', 'preset figure7-etcd']);
  }
}

/**
 * A script from the grammar: a `cluster` or `preset` line, then commands whose
 * arguments sit at the edges of their ranges. Many parse; those that do are the
 * ones whose commands must format back to themselves.
 */
export function grammarScript(d: Draw): string {
  const preset = d.chance(0.15);
  const n = preset ? 7 : d.int(1, 9);
  const lines = [preset ? 'preset figure7' : `cluster nodes=${n}${Array.from({ length: d.int(0, 3) }, () => ` ${d.pick(EDGE.option)}`).join('')}`];
  for (let k = d.int(0, 25); k > 0; k--) {
    const line = grammarLine(d, n);
    // Setup lines change the node count the later lines may name; keep to one cluster size so most lines stay valid.
    lines.push(line.startsWith('cluster') || line.startsWith('preset') ? (preset ? 'preset figure7-etcd' : line.replace(/nodes=\d+/, `nodes=${n}`)) : line);
  }
  return lines.join('\n');
}

/** A whole script of soup lines, usually set up by a `cluster` or `preset` line so later lines get past it. */
export function soupScript(d: Draw): string {
  const lines = d.chance(0.7) ? [d.pick(['cluster nodes=3', 'cluster', 'preset figure7', 'cluster nodes=9 seed=7', 'cluster nodes=1'])] : [];
  const n = d.int(0, 30);
  for (let i = 0; i < n; i++) lines.push(soupLine(d));
  return lines.join(d.chance(0.1) ? '\r\n' : '\n');
}

/** Characters from anywhere in UTF-16, weighted towards the script's own alphabet. */
export function noise(d: Draw, length: number): string {
  const common = 'abcdeilmnoprstuy0123456789 =-|,."#\\\n\t';
  let s = '';
  for (let i = 0; i < length; i++) {
    const r = d.float();
    s += r < 0.75 ? d.pick(common) : r < 0.9 ? String.fromCharCode(d.int(0, 0x7f)) : String.fromCharCode(d.int(0, 0xffff));
  }
  return s;
}

/** A number or duration far out of range, to splice over a number in a script. */
const HUGE = ['99999999999999999999', '1e309', '9007199254740993', '4294967296', '0', '-1', '1.5', '3600001', '1000001', '9'.repeat(400)];

/** One random edit: characters, lines, or words of the grammar. */
export function mutate(d: Draw, text: string): string {
  const i = d.int(0, text.length);
  const lines = text.split('\n');
  const l = d.int(0, lines.length - 1);
  switch (d.int(0, 13)) {
    case 0: // insert a character
      return text.slice(0, i) + noise(d, 1) + text.slice(i);
    case 1: // delete a run of characters
      return text.slice(0, i) + text.slice(i + d.int(1, 12));
    case 2: // replace a character
      return text.slice(0, i) + noise(d, 1) + text.slice(i + 1);
    case 3: { // swap two lines
      const m = d.int(0, lines.length - 1);
      [lines[l], lines[m]] = [lines[m], lines[l]];
      return lines.join('\n');
    }
    case 4: // duplicate a line, sometimes many times (a `run 1h` or a `stabilize` many times over runs into the caps)
      lines.splice(l, 0, ...Array.from({ length: d.chance(0.2) ? d.int(20, 150) : 1 }, () => lines[l]));
      return lines.join('\n');
    case 5: // truncate
      return text.slice(0, i);
    case 6: // splice in a word of the grammar
      return text.slice(0, i) + d.pick(WORDS) + text.slice(i);
    case 7: // a word of the grammar, with spaces, at a word boundary
      return text.slice(0, i) + ' ' + d.pick(WORDS) + ' ' + text.slice(i);
    case 8: // replace a number with one out of range
      return text.replace(/\d+/g, (m) => (d.chance(0.15) ? d.pick(HUGE) : m));
    case 9: // a line of soup
      lines.splice(l, 0, soupLine(d));
      return lines.join('\n');
    case 10: // a very long line
      lines.splice(l, 0, d.pick(['propose leader ', 'say ', 'expect log n1 ', 'partition ', '', `${d.pick(COMMAND_WORDS)} `, `expect ${d.pick(['leader', 'term n1', 'violation', 'role n1'])} `]) + d.pick(['"', '', 'n1,']).repeat(d.int(1, 3)) + d.pick(['x', '1 ', 'n2,', '\\"']).repeat(d.int(100, 5000)));
      return lines.join('\n');
    case 11: // line ends and marks from other systems
      return d.pick([(t: string) => t.replace(/\n/g, '\r\n'), (t: string) => '\uFEFF' + t, (t: string) => t.replace(/\n/g, '\r'), (t: string) => t.replace(/ /g, '\t')])(text);
    case 12: // delete a line
      lines.splice(l, 1);
      return lines.join('\n');
    default: // quote a word, or unbalance a quote
      return text.slice(0, i) + d.pick(['"', '\\"', '"\\', '""']) + text.slice(i);
  }
}

/**
 * A script with a block of heavy lines added (`run 1h`, `stabilize`, `step 1000000`),
 * about as many as the caps on a whole script allow: some stay within them, some go past.
 */
export function heavy(d: Draw, text: string): string {
  const [line, atCap] = d.pick([
    ['run 3600s', 24],
    ['run 1h', 24],
    ['stabilize', 100],
    ['step 1000000', 100],
    ['stabilize 1000000', 100],
  ] as const);
  const block = Array.from({ length: atCap + d.int(-3, 3) }, () => line).join('\n');
  const lines = text.split('\n');
  lines.splice(d.int(1, lines.length), 0, block);
  return lines.join('\n');
}

/** `text` with 1 to `most` random edits. */
export function mutateMany(d: Draw, text: string, most = 4): string {
  let t = text;
  for (let k = d.int(1, most); k > 0; k--) t = mutate(d, t);
  return t;
}
