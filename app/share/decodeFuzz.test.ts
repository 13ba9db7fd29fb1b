/**
 * The share-link decoder against fragments nobody meant to make: random data,
 * real links to the shipped scenarios and tours (and to mutated and generated
 * scripts, see engine/test/textFuzz.ts) damaged a few edits at a time, links
 * mangled the way chat apps and mail clients mangle them, and forged payloads
 * that compress valid-looking JSON. 12,000 cases from a fixed seed.
 *
 * Whatever the fragment, `decodeShare` returns, without throwing, either a run
 * (a script within the size cap and a cursor of whole numbers) or one of the
 * documented errors. A run's script then goes to the parser, as the page sends
 * it: it is refused at a line and column of its text, or accepted within the
 * caps on a whole script, so no link, however forged, asks for unbounded work.
 *
 * A failure names its seed and case number; `fuzzCase(seed, i)` rebuilds the input.
 */
import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from './lzString.ts';
import { decodeShare, describeShareError, encodeShare, MAX_FRAGMENT_CHARS, MAX_SCRIPT_CHARS, SHARE_VERSION, type Cursor, type Decoded } from './shareCodec.ts';
import { LIMITS } from '../../engine/config.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import { Draw, grammarScript, heavy, mutateMany, noise, soupScript } from '../../engine/test/textFuzz.ts';

const files = import.meta.glob<string>(['/public/scenarios/*.txt', '/public/tours/*.txt'], { query: '?raw', import: 'default', eager: true });
const CORPUS: readonly string[] = Object.values(files);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const JUNK = `${ALPHABET}%#!.~/\\"'{}[]:,é漢😀\u0000\n \uD800`;

/** Cursors as a page writes them, and as a forger might. */
const CURSORS: readonly unknown[] = [
  { time: 0, event: 0 },
  { time: 412, event: 180 },
  { time: Number.MAX_SAFE_INTEGER, event: Number.MAX_SAFE_INTEGER },
  { time: Number.MAX_SAFE_INTEGER + 1, event: 0 },
  { time: -1, event: 0 },
  { time: 1.5, event: 2 },
  { time: '5', event: 2 },
  { time: 1e300, event: 1 },
  { time: 0 },
  {},
  null,
  [1, 2],
  'cursor',
];

/** What a payload's JSON may hold, right and wrong. */
function forgedPayload(d: Draw): string {
  const script = d.pick<unknown>(['cluster nodes=3\nrun 1s', '', 5, null, ['run 1s'], { text: 'run 1s' }, noise(d, 50), grammarScript(d), `cluster\n${'run 3600s\n'.repeat(30)}`]);
  const shapes = [
    () => JSON.stringify({ script, cursor: d.pick(CURSORS) }),
    () => JSON.stringify({ script, cursor: d.pick(CURSORS), note: 'from a later v1 writer' }),
    () => JSON.stringify({ cursor: d.pick(CURSORS) }),
    () => JSON.stringify({ __proto__: { script: 'run 1s' }, cursor: { time: 0, event: 0 } }).replace('{', '{"__proto__":{"script":"x"},'),
    () => JSON.stringify([script, d.pick(CURSORS)]),
    () => `${'['.repeat(d.int(1, 5000))}${']'.repeat(d.int(0, 5000))}`,
    () => JSON.stringify({ script, cursor: d.pick(CURSORS) }).slice(0, d.int(0, 40)),
    () => d.pick(['null', 'true', '0', '"x"', '{}', '', 'not json', '{"script":"x","cursor":{"time":0,"event":0}}garbage']),
  ];
  return d.pick(shapes)();
}

/** A stretch of a shipped file, after its first command (the setup line the rest needs): what a mutated script starts from. */
function excerpt(d: Draw, text: string): string {
  const lines = text.split('\n');
  const setup = lines.findIndex((l) => /^(cluster|preset)\b/.test(l));
  const from = d.int(setup + 1, lines.length - 1);
  return [lines[setup], ...lines.slice(from, from + d.int(1, 30))].join('\n');
}

/** A script a link may carry: shipped, generated, or mutated. */
function scriptOf(d: Draw): string {
  const r = d.float();
  if (r < 0.3) return d.pick(CORPUS);
  if (r < 0.5) return grammarScript(d);
  if (r < 0.6) return soupScript(d);
  if (r < 0.7) return heavy(d, excerpt(d, d.pick(CORPUS)));
  return mutateMany(d, excerpt(d, d.pick(CORPUS)), 3);
}

/** Links to the shipped files are made once: compressing is the slowest part of a case. */
const encodings = new Map<string, string>();
function fragmentOf(script: string, cursor: Cursor): string {
  const key = `${cursor.time}/${cursor.event}/${script}`;
  let f = encodings.get(key);
  if (f === undefined) {
    const e = encodeShare({ script, cursor });
    if (!e.ok) throw new Error(`cannot encode a script of ${script.length} characters: ${e.error.kind}`);
    f = e.fragment;
    if (CORPUS.includes(script)) encodings.set(key, f);
  }
  return f;
}

/** A script over the size cap that compresses to a short link (it stops the decompression at the cap). */
const OVERSIZED = `v1.${compressToEncodedURIComponent(JSON.stringify({ script: 'run 1s\n'.repeat(MAX_SCRIPT_CHARS / 7 + 1), cursor: { time: 0, event: 0 } }))}`;

/** Percent-encoding as a mail client does it; a lone surrogate (which encodeURIComponent refuses) as the bytes a careless encoder writes. */
const percentEncode = (s: string): string => s.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%]+/g, (part) => encodeURIComponent(part));

/** One random edit of a fragment, as links get damaged in transit. */
function damage(d: Draw, f: string): string {
  const i = d.int(0, f.length);
  switch (d.int(0, 9)) {
    case 0: // change one character
      return f.slice(0, i) + d.pick(ALPHABET) + f.slice(i + 1);
    case 1: // lose a run of characters
      return f.slice(0, i) + f.slice(i + d.int(1, 8));
    case 2: // junk in the middle
      return f.slice(0, i) + d.pick(JUNK) + f.slice(i);
    case 3: // cut off
      return f.slice(0, i);
    case 4: // a piece repeated
      return f.slice(0, i) + f.slice(i, i + 20).repeat(d.int(1, 5)) + f.slice(i);
    case 5: // another version
      return `v${d.pick(['0', '2', '9', '01', '999999999', '1000000000', '', 'x'])}${f.slice(f.indexOf('.'))}`;
    case 6: // percent-encoded by a mail client, whole or in part
      return d.chance(0.5) ? percentEncode(f) : f.slice(0, i) + percentEncode(f.slice(i, i + 10)).replace(/%/g, d.pick(['%', '%25', '%%'])) + f.slice(i + 10);
    case 7: // pluses turned to spaces by a form decoder
      return f.replace(/\+/g, ' ');
    case 8: // a stray percent sign
      return f.slice(0, i) + d.pick(['%', '%E0%A4%A', '%zz', '%00', '%F0%9F%98']) + f.slice(i);
    default: // a hash, twice
      return `#${f}`;
  }
}

type Case = { readonly fragment: string; readonly expected?: { script: string; cursor: Cursor } };

/** Case `i` of the run seeded `seed`: its own generator, so any case can be rebuilt alone. */
function fuzzCase(seed: number, i: number): Case {
  const d = new Draw(seed * 1_000_003 + i);
  const r = d.float();
  if (r < 0.15) {
    // Random data after a plausible or implausible head.
    const head = d.pick(['v1.', 'v1.', 'v1.', '#v1.', 'v2.', 'v0.', 'v', '', 'v1']);
    let body = '';
    for (let k = d.int(0, 400); k > 0; k--) body += d.pick(d.chance(0.8) ? ALPHABET : JUNK);
    return { fragment: head + body };
  }
  if (r < 0.25) return { fragment: `v1.${compressToEncodedURIComponent(forgedPayload(d))}` };
  if (r < 0.255) {
    // Over a cap: the fragment itself (refused before anything else), or what it expands to.
    return { fragment: d.chance(0.5) ? `v1.${d.pick(ALPHABET).repeat(MAX_FRAGMENT_CHARS)}` : d.chance(0.5) ? OVERSIZED : damage(d, OVERSIZED) };
  }
  // Long scripts are OVERSIZED's part (and shareCodec.test's); here they would only make compressing slow.
  const script = scriptOf(d).slice(0, 20_000);
  const cursor = d.chance(0.5) ? { time: 0, event: 0 } : { time: d.int(0, 1_000_000), event: d.int(0, 100_000) };
  const intact = fragmentOf(script, cursor);
  // An intact link opens exactly the run it was made from.
  if (r < 0.55) return { fragment: d.chance(0.2) ? `#${intact}` : intact, expected: { script, cursor } };
  let fragment = intact;
  for (let k = d.int(1, 3); k > 0; k--) fragment = damage(d, fragment);
  return { fragment };
}

const describeInput = (seed: number, i: number, f: string): string =>
  `seed ${seed}, case ${i} (${f.length} chars): ${JSON.stringify(f.length > 200 ? `${f.slice(0, 200)}…` : f)}`;

/** What is wrong with a decoder's answer, or null. Plain checks: `expect` would cost more than the decoding. */
function decodedProblem(d: Decoded): string | null {
  if (d.ok) {
    const { script, cursor } = d.run;
    if (typeof script !== 'string' || script.length > MAX_SCRIPT_CHARS) return `a script of ${typeof script} ${String(script).length}`;
    for (const n of [cursor.time, cursor.event]) if (!Number.isSafeInteger(n) || n < 0) return `a cursor ${JSON.stringify(cursor)}`;
    return null;
  }
  const e = d.error;
  switch (e.kind) {
    case 'not-a-link':
      break;
    case 'future-version':
      if (!Number.isSafeInteger(e.version) || e.version <= SHARE_VERSION) return `future version ${e.version}`;
      break;
    case 'too-large':
      if (e.what !== 'link' && e.what !== 'script') return `too large: ${String(e.what)}`;
      break;
    case 'damaged':
      if (typeof e.detail !== 'string' || e.detail.length === 0) return 'damaged, with no detail';
      break;
    default:
      return `an undocumented error ${JSON.stringify(e)}`;
  }
  return describeShareError(e).length > 0 ? null : 'an error with no description';
}

/**
 * The decoded script as the page hands it to the parser: refused at a line and
 * column inside it, or accepted within the caps (totals counted here, not by the parser).
 */
function scriptProblem(script: string, seen: { scriptsAccepted: number; scriptsCapped: number }): string | null {
  const r = parseScript(script);
  const lines = script.split('\n');
  if (!r.ok) {
    if (r.errors.some((e) => CAP_MESSAGE.test(e.message))) seen.scriptsCapped++;
    for (const e of r.errors) {
      const line = e.line === 1 ? lines[0].replace(/^\uFEFF/, '') : lines[e.line - 1];
      if (line === undefined || e.col < 1 || e.col > line.length + 1 || e.message.length === 0) return `an error out of place: ${JSON.stringify(e)}`;
    }
    return null;
  }
  let runMs = 0;
  let events = 0;
  for (const c of r.script.commands) {
    if (c.kind === 'run') runMs += c.ms;
    if (c.kind === 'step') events += c.count;
    if (c.kind === 'stabilize') events += c.limit ?? LIMITS.maxStabilize;
  }
  const commands = r.script.commands.length;
  if (commands > LIMITS.maxCommands || runMs > LIMITS.maxScriptRunMs || events > LIMITS.maxScriptEvents) {
    return `an unbounded run accepted: ${commands} commands, ${runMs} ms, ${events} events`;
  }
  seen.scriptsAccepted++;
  if (r.script.commands.length > 0 && runMs <= 300 && events <= 300 && commands <= 100 && r.script.commands.every((c) => c.kind !== 'cluster' || c.config.election.min >= 50)) {
    // A few of them run, to their end.
    if (runs < RUNS) {
      runScript(r.script);
      runs++;
    }
  }
  return null;
}

const CAP_MESSAGE = /a script has at most|add up to more than|the most one script may ask for/;

const CASES = 12_000;
const SEED = 20_240_612;
const RUNS = 50;
let runs = 0;

describe('the share-link decoder under fuzzing', () => {
  // About 3 s alone; the timeout leaves room for a machine busy with other tests.
  it(`${CASES.toLocaleString('en')} random, damaged and forged fragments: a run within the caps, or a documented error`, { timeout: 60_000 }, () => {
    const seen = { runs: 0, scriptsAccepted: 0, scriptsCapped: 0, kinds: new Map<string, number>() };
    for (let i = 0; i < CASES; i++) {
      const c = fuzzCase(SEED, i);
      let problem: string | null;
      try {
        const d = decodeShare(c.fragment);
        problem = decodedProblem(d);
        if (problem === null && c.expected !== undefined && JSON.stringify(d) !== JSON.stringify({ ok: true, run: c.expected })) {
          problem = `an intact link decoded to ${JSON.stringify(d).slice(0, 200)}`;
        }
        if (d.ok) {
          seen.runs++;
          problem ??= scriptProblem(d.run.script, seen);
        } else {
          seen.kinds.set(d.error.kind, (seen.kinds.get(d.error.kind) ?? 0) + 1);
        }
      } catch (e) {
        problem = `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      }
      if (problem !== null) throw new Error(`${describeInput(SEED, i, c.fragment)}\n${problem}`);
    }
    // Every outcome is reached, often: runs, scripts accepted and refused at the caps, and each kind of error.
    expect(seen.runs).toBeGreaterThan(4000);
    expect(seen.scriptsAccepted).toBeGreaterThan(1000);
    expect(seen.scriptsCapped).toBeGreaterThan(50);
    expect(runs).toBe(RUNS);
    for (const kind of ['not-a-link', 'future-version', 'too-large', 'damaged']) expect(seen.kinds.get(kind) ?? 0, kind).toBeGreaterThan(kind === 'too-large' ? 30 : 100);
  });

  it('is deterministic: the same seed gives the same fragments', () => {
    for (const i of [0, 3, 99, 5000]) expect(fuzzCase(SEED, i)).toEqual(fuzzCase(SEED, i));
    expect(fuzzCase(SEED, 7).fragment).not.toBe(fuzzCase(SEED + 1, 7).fragment);
  });
});
