/**
 * Guided tours. A tour is an ordinary scenario whose `say` lines are captions
 * and whose `pause` lines are where it waits for Next. Its steps are the
 * stretches between pauses: step k is reached by running the script through its
 * last line, so a step's state is whatever the engine computes, never a canned
 * picture, and any step can be opened on its own (a deep link) by running the
 * script up to it.
 *
 * A tour file starts with `#` comment lines like a library scenario: a title,
 * then a description.
 */
import type { Command, ScenarioError, Script } from './ast.ts';
import { parseScript } from './parse.ts';

export interface TourStep {
  /** The captions of this step's `say` lines, in order: one paragraph each. */
  readonly captions: readonly string[];
  /** The step's first source line (1-based): the line after the previous step's pause. */
  readonly firstLine: number;
  /** The step's last source line: its `pause`, or the script's last line for the final step. */
  readonly lastLine: number;
  /** The `expect` lines of this step, checked as the step runs. */
  readonly checks: readonly Command[];
  /** Whether the step changes the simulation (anything besides captions and checks). */
  readonly acts: boolean;
}

export type TourResult = { readonly ok: true; readonly steps: readonly TourStep[] } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/**
 * Split a tour's text into steps. Every step needs a caption, and the first
 * step must set up the cluster (the parser already requires that of any script).
 */
export function readTour(text: string): TourResult {
  const parsed = parseScript(text);
  if (!parsed.ok) return parsed;
  return splitSteps(parsed.script, text.split('\n').length);
}

function splitSteps(script: Script, lineCount: number): TourResult {
  const steps: TourStep[] = [];
  const errors: ScenarioError[] = [];
  let captions: string[] = [];
  let checks: Command[] = [];
  let acts = false;
  let firstLine = 1;
  const close = (lastLine: number, at: Command | null): void => {
    if (captions.length === 0) {
      errors.push({
        line: at?.line ?? lastLine,
        col: at?.col ?? 1,
        message: `tour step ${steps.length + 1} has no caption: add a "say" line before ${at === null ? 'the end' : 'this pause'}`,
      });
    }
    steps.push({ captions, firstLine, lastLine, checks, acts });
    captions = [];
    checks = [];
    acts = false;
    firstLine = lastLine + 1;
  };
  for (const cmd of script.commands) {
    if (cmd.kind === 'pause') close(cmd.line, cmd);
    else if (cmd.kind === 'say') captions.push(cmd.text);
    else if (cmd.kind === 'expect') checks.push(cmd);
    else acts = true;
  }
  // What follows the last pause is the final step, if it holds anything.
  if (captions.length > 0 || checks.length > 0 || acts) close(lineCount, null);
  if (steps.length === 0) errors.push({ line: 1, col: 1, message: 'a tour needs at least one step: a "say" line' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}

/** The script that reaches the end of step `index` (0-based): the tour's text through that step's last line. */
export function scriptThrough(text: string, steps: readonly TourStep[], index: number): string {
  return text.split('\n').slice(0, steps[index].lastLine).join('\n');
}
