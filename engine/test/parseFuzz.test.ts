/**
 * The scenario parser against text nobody meant to write: token soup, random
 * characters, and the shipped scenarios and tours mutated a few edits at a time
 * (textFuzz.ts), 12,000 cases from fixed seeds. Whatever the text, parseScript
 * returns, without throwing, either a script within the caps or errors that each
 * name a line and column inside the text. An accepted script also formats back
 * to the same commands (what the page records and shares is what was parsed),
 * and a sample of small ones runs to its end.
 *
 * A failure names its seed and case number; `fuzzCase(seed, i)` rebuilds the input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../config.ts';
import type { Command, CommandBody, ScenarioError } from '../scenario/ast.ts';
import { formatCommand } from '../scenario/format.ts';
import { initialContext, parseLine, parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';
import { Draw, grammarScript, heavy, mutateMany, noise, soupScript } from './textFuzz.ts';

const root = join(import.meta.dirname, '..', '..');
const CORPUS: readonly string[] = ['public/scenarios', 'public/tours', 'engine/test/scenarios'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(root, dir, f), 'utf8')),
);

/** Case `i` of the run seeded `seed`: its own generator, so any case can be rebuilt alone. */
function fuzzCase(seed: number, i: number): string {
  const d = new Draw(seed * 1_000_003 + i);
  const r = d.float();
  if (r < 0.15) return soupScript(d);
  if (r < 0.22) return noise(d, d.int(0, 400));
  if (r < 0.4) return grammarScript(d);
  if (r < 0.45) return mutateMany(d, grammarScript(d), 2);
  if (r < 0.5) return mutateMany(d, heavy(d, d.pick(CORPUS)), 2);
  return mutateMany(d, d.pick(CORPUS));
}

const describeInput = (seed: number, i: number, text: string): string =>
  `seed ${seed}, case ${i} (${text.length} chars): ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`;

/**
 * What is wrong with an error's place and words, or null. (Plain checks rather
 * than `expect`, which costs more than the parse at this many cases.)
 */
function errorProblem(lines: readonly string[], e: ScenarioError): string | null {
  if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines.length) return `line ${e.line} of ${lines.length}`;
  // Columns of the first line count from after a byte-order mark, which the parser skips.
  const line = e.line === 1 ? lines[0].replace(/^\uFEFF/, '') : lines[e.line - 1];
  if (!Number.isInteger(e.col) || e.col < 1 || e.col > line.length + 1) return `column ${e.col} of a line of ${line.length}`;
  if (typeof e.message !== 'string' || e.message.length === 0) return 'no message';
  // A sentence, never a copy of a long line.
  if (e.message.length >= 400) return `a message of ${e.message.length} characters`;
  return null;
}

/** A number in a command that is not a whole number JSON and the formatter write exactly, or null. */
function numberProblem(x: unknown, path: string): string | null {
  if (typeof x === 'number') return Number.isSafeInteger(x) && x >= 0 ? null : `${path} = ${x}`;
  if (x === null || typeof x !== 'object') return null;
  for (const [k, v] of Object.entries(x)) {
    const p = numberProblem(v, `${path}.${k}`);
    if (p !== null) return p;
  }
  return null;
}

const body = (c: Command): CommandBody => {
  const { line: _line, col: _col, ...rest } = c;
  return rest as CommandBody;
};

interface Totals {
  readonly runMs: number;
  readonly events: number;
}

/**
 * An accepted script's totals, counted here rather than by the parser's own
 * code, and what is wrong with it: past a cap, a command out of place, or one
 * that does not format back to itself.
 */
function acceptedProblem(lines: readonly string[], commands: readonly Command[]): { totals: Totals; problem: string | null } {
  let runMs = 0;
  let events = 0;
  let problem: string | null = commands.length > LIMITS.maxCommands ? `${commands.length} commands` : null;
  const ctx = initialContext();
  for (const c of commands) {
    if (c.kind === 'run') runMs += c.ms;
    if (c.kind === 'step') events += c.count;
    if (c.kind === 'stabilize') events += c.limit ?? LIMITS.maxStabilize;
    problem ??= errorProblem(lines, { line: c.line, col: c.col, message: c.kind }) ?? numberProblem(c, c.kind);
    // What the page records is the formatted command: it must parse back to the same one.
    const text = formatCommand(c);
    const again = parseLine(text, c.line, ctx);
    if (problem === null && (again === null || 'message' in again || JSON.stringify(body(again)) !== JSON.stringify(body(c)))) {
      problem = `line ${c.line} formats as ${JSON.stringify(text)}, which parses as ${JSON.stringify(again)}`;
    }
  }
  if (runMs > LIMITS.maxScriptRunMs) problem ??= `runs add up to ${runMs} ms`;
  if (events > LIMITS.maxScriptEvents) problem ??= `steps and stabilizes add up to ${events} events`;
  return { totals: { runMs, events }, problem };
}

/** Small enough to run in a few milliseconds: a little simulated time, few events, no timers far quicker than RaftScope's. */
const quickToRun = (commands: readonly Command[], t: Totals): boolean =>
  commands.length <= 200 &&
  t.runMs <= 500 &&
  t.events <= 500 &&
  commands.every((c) => c.kind !== 'cluster' || (c.config.election.min >= 50 && c.config.heartbeat >= 10 && c.config.latency.min >= 1));

const CAP_MESSAGE = /a script has at most|add up to more than|the most one script may ask for/;

const CASES = 12_000;
const SEED = 20_240_611;
/** How many of the accepted scripts are also run. */
const RUNS = 200;

describe('the scenario parser under fuzzing', () => {
  // About 2 s alone; the timeout leaves room for a machine busy with other tests.
  it(`${CASES.toLocaleString('en')} random and mutated scripts: accepted within the caps, or refused at a line and column`, { timeout: 60_000 }, () => {
    const seen = { accepted: 0, refused: 0, ran: 0, capped: 0 };
    for (let i = 0; i < CASES; i++) {
      const text = fuzzCase(SEED, i);
      const lines = text.split('\n');
      let problem: string | null = null;
      try {
        const r = parseScript(text);
        if (r.ok) {
          seen.accepted++;
          const checked = acceptedProblem(lines, r.script.commands);
          problem = checked.problem;
          // Some of the accepted run, to their end: the parser let nothing through that the engine cannot take.
          if (problem === null && seen.ran < RUNS && quickToRun(r.script.commands, checked.totals)) {
            const { session } = runScript(r.script);
            if (!Number.isSafeInteger(session.cluster?.time ?? 0)) problem = `the run ends at ${session.cluster?.time} ms`;
            seen.ran++;
          }
        } else {
          seen.refused++;
          if (r.errors.length === 0) problem = 'refused without an error';
          for (let k = 0; k < r.errors.length && problem === null; k++) {
            problem = errorProblem(lines, r.errors[k]);
            if (k > 0 && r.errors[k].line < r.errors[k - 1].line) problem = `errors out of line order: ${r.errors[k - 1].line}, then ${r.errors[k].line}`;
          }
          if (r.errors.some((e) => CAP_MESSAGE.test(e.message))) seen.capped++;
        }
      } catch (e) {
        problem = `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      }
      if (problem !== null) throw new Error(`${describeInput(SEED, i, text)}\n${problem}`);
    }
    // The mix is worth its time: plenty of both outcomes, some scripts run, and the caps are reached.
    expect(seen.accepted).toBeGreaterThan(1500);
    expect(seen.refused).toBeGreaterThan(5000);
    expect(seen.ran).toBe(RUNS);
    expect(seen.capped).toBeGreaterThan(20);
  });

  it('is deterministic: the same seed gives the same inputs', () => {
    for (const i of [0, 1, 77, 4242]) expect(fuzzCase(SEED, i)).toBe(fuzzCase(SEED, i));
    expect(fuzzCase(SEED, 5)).not.toBe(fuzzCase(SEED + 1, 5));
  });
});
