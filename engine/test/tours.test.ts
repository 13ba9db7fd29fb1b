/**
 * The guided tours in public/tours. Each is a scenario with captions (`say`)
 * and stops (`pause`); the page plays one step at a time and checks each
 * step's `expect` lines against what it shows. So every step must hold up on
 * its own: it has a caption, it pins what it claims with expectations that
 * hold at the step's end (where the page checks them), a deep link to it
 * (the script through its pause) replays to the same state, and it covers
 * little simulated time, because the page animates it 10x slower than real.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../scenario/ast.ts';
import { parseScript } from '../scenario/parse.ts';
import { applyCommand, evaluate, linearizability, newSession, runScript } from '../scenario/run.ts';
import { readTour, scriptThrough, type TourStep } from '../scenario/tour.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'public', 'tours');

/** The product's nine tours, in the order the page offers them. */
const TOURS = ['01-election.txt', '02-replication.txt', '03-figure7.txt', '04-figure8.txt', '05-partitions.txt', '06-crashes.txt', '07-clients.txt', '08-compaction.txt', '09-membership.txt'];

/** The most simulated time one step may cover: 15 s of wall time at the page's default speed (0.1 simulated ms per ms). */
const MAX_STEP_MS = 1500;

/** Words that mark an unfinished caption. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX|lorem|ipsum|placeholder)\b|\?\?\?|<[a-z ]+>|\.\.\.\s*$/i;

interface TourCheck {
  readonly steps: readonly TourStep[];
  /** Simulated milliseconds each step covers (a `cluster` or `preset` line restarts the clock; that jump is not counted). */
  readonly durations: readonly number[];
  /** Everything wrong with the tour, one line each; empty when it is fine. */
  readonly problems: readonly string[];
}

const describeFailure = (f: { line: number; command: string; expected: string; actual: string }): string =>
  `line ${f.line}: ${f.command}: expected ${f.expected}, got ${f.actual}`;

/** Check one tour's text against every rule a tour must follow. */
function checkTour(text: string): TourCheck {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (!/^# \S/.test(lines[0] ?? '')) problems.push('line 1: a tour starts with its title, "# <Title>"');
  if (!/^#/.test(lines[1] ?? '')) problems.push('line 2: the title is followed by a description in # comment lines');

  const tour = readTour(text);
  if (!tour.ok) return { steps: [], durations: [], problems: [...problems, ...tour.errors.map((e) => `line ${e.line}:${e.col}: ${e.message}`)] };
  const { steps } = tour;
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error('readTour accepted a script that parseScript refuses');

  steps.forEach((step, i) => {
    const at = `step ${i + 1} (lines ${step.firstLine}-${step.lastLine})`;
    if (step.captions.length === 0) problems.push(`${at}: no caption`);
    for (const c of step.captions) if (PLACEHOLDER.test(c)) problems.push(`${at}: caption looks unfinished: "${c.slice(0, 60)}"`);
    if (step.acts && step.checks.length === 0) problems.push(`${at}: changes the simulation but has no expect line`);
  });

  // The whole tour, as one scenario.
  const whole = runScript(parsed.script);
  if (whole.failure !== null) problems.push(`whole tour: ${describeFailure(whole.failure)}`);

  // Each step on its own: what a deep link to it runs. Its checks must hold at its end, where the page checks them.
  steps.forEach((step, i) => {
    const prefix = parseScript(scriptThrough(text, steps, i));
    if (!prefix.ok) {
      problems.push(`step ${i + 1}: the script through its pause does not parse`);
      return;
    }
    const r = runScript(prefix.script);
    if (r.failure !== null) {
      problems.push(`step ${i + 1}: ${describeFailure(r.failure)}`);
      return;
    }
    for (const check of step.checks) {
      if (check.kind !== 'expect') continue;
      const v = evaluate(r.session.cluster!, check.check);
      if (v.expected !== v.actual) problems.push(`step ${i + 1}: line ${check.line} holds where it stands but not at the step's end: expected ${v.expected}, got ${v.actual}`);
    }
  });

  // Simulated time per step, command by command.
  const stepOf = (cmd: Command): number => steps.findIndex((s) => cmd.line >= s.firstLine && cmd.line <= s.lastLine);
  const durations = steps.map(() => 0);
  const session = newSession();
  for (const cmd of parsed.script.commands) {
    const before = session.cluster?.time ?? 0;
    if (!applyCommand(session, cmd).ok) break; // already reported above
    if (cmd.kind !== 'cluster' && cmd.kind !== 'preset') durations[stepOf(cmd)] += session.cluster!.time - before;
  }
  durations.forEach((ms, i) => {
    if (ms > MAX_STEP_MS) problems.push(`step ${i + 1}: covers ${ms} ms of simulated time, more than ${MAX_STEP_MS} ms`);
  });
  return { steps, durations, problems };
}

describe('guided tours', () => {
  it('public/tours holds exactly the nine tours, numbered in order', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(files).toEqual(TOURS);
  });

  for (const file of TOURS) {
    describe(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const result = checkTour(text);

      it('follows every rule for a tour: captions, expectations at each step, deep links, short steps', () => {
        expect(result.problems).toEqual([]);
      });

      it('has several steps, and the first one sets up the cluster', () => {
        expect(result.steps.length).toBeGreaterThanOrEqual(5);
        const parsed = parseScript(text);
        if (!parsed.ok) throw new Error('parse');
        const first = parsed.script.commands.find((c) => c.kind !== 'say' && c.kind !== 'expect' && c.kind !== 'pause')!;
        expect(['cluster', 'preset']).toContain(first.kind);
        expect(first.line).toBeLessThanOrEqual(result.steps[0].lastLine);
      });

      it('runs with no safety violation unless it switches a rule off, and then ends by naming what broke', () => {
        const parsed = parseScript(text);
        if (!parsed.ok) throw new Error('parse');
        const { session } = runScript(parsed.script);
        // Linearizability is a property of the client history, checked over the whole run rather than per event.
        const broken = new Set(session.cluster!.violations.map((v) => v.invariant));
        if (linearizability(session.cluster!).verdict !== 'ok') broken.add('Linearizability');
        if (session.config.raft.unsafe.length === 0) expect([...broken]).toEqual([]);
        else {
          // The run ends on the cluster of the last `cluster` or `preset` line: what it breaks is named after that line.
          const start = Math.max(...parsed.script.commands.filter((c) => c.kind === 'cluster' || c.kind === 'preset').map((c) => c.line));
          const named = new Set(
            parsed.script.commands.flatMap((c) => (c.kind === 'expect' && c.check.what === 'violation' && c.line > start ? [c.check.invariant] : [])),
          );
          expect(broken).toEqual(named);
        }
      });
    });
  }
});

describe('the tour checker catches a broken tour', () => {
  const ok = '# A tour\n# About it.\ncluster nodes=3 seed=4\nsay "Three servers."\nexpect leader none\npause\ncampaign n1\nstabilize\nsay "n1 leads."\nexpect leader n1\n';

  it('accepts a sound tour', () => {
    const r = checkTour(ok);
    expect(r.problems).toEqual([]);
    expect(r.steps).toHaveLength(2);
    expect(r.durations[0]).toBe(0);
    expect(r.durations[1]).toBeGreaterThan(0);
  });

  it('a missing title', () => {
    expect(checkTour(ok.replace('# A tour\n# About it.\n', '')).problems).toContainEqual(expect.stringMatching(/^line 1: a tour starts with its title/));
  });

  it('a step without a caption', () => {
    expect(checkTour(ok.replace('say "n1 leads."\n', '')).problems).toContainEqual(expect.stringMatching(/tour step 2 has no caption/));
  });

  it('a step that acts without an expect line', () => {
    expect(checkTour(ok.replace('expect leader n1\n', '')).problems).toEqual(['step 2 (lines 7-10): changes the simulation but has no expect line']);
  });

  it('an expectation that fails', () => {
    expect(checkTour(ok.replace('expect leader n1', 'expect leader n2')).problems).toContainEqual(expect.stringMatching(/^whole tour: line 10: expect leader n2: expected n2, got n1/));
  });

  it('an expectation that holds mid-step but not at the step end, where the page checks it', () => {
    const midway = ok.replace('campaign n1\nstabilize\n', 'campaign n1\nexpect role n1 candidate\nstabilize\n');
    expect(checkTour(midway).problems).toEqual(["step 2: line 8 holds where it stands but not at the step's end: expected candidate, got leader"]);
  });

  it('a step that covers too much simulated time', () => {
    expect(checkTour(ok.replace('stabilize\n', 'stabilize\nrun 2s\n')).problems).toContainEqual(expect.stringMatching(/^step 2: covers 20\d\d ms of simulated time/));
  });

  it('a placeholder caption', () => {
    expect(checkTour(ok.replace('n1 leads.', 'TODO explain the election')).problems).toContainEqual(expect.stringMatching(/caption looks unfinished/));
  });

  it('a new cluster restarts the clock; the jump back is not counted', () => {
    const again = `${ok}pause\ncluster nodes=3 seed=4\ncampaign n1\nstabilize\nsay "Again."\nexpect leader n1\n`;
    const r = checkTour(again);
    expect(r.problems).toEqual([]);
    expect(r.durations[2]).toBe(r.durations[1]);
  });
});
