/**
 * The caps on a whole script. The parser bounds each line on its own (a `run`
 * of at most an hour, a `step` of at most a million events); these add the
 * lines up, so that no script the parser accepts, however many lines it has,
 * asks for unbounded work: at most `LIMITS.maxCommands` commands, `run` lines
 * that advance the clock by at most `LIMITS.maxScriptRunMs` in all, and `step`
 * and `stabilize` lines that process at most `LIMITS.maxScriptEvents` events in
 * all. Time passes only through `run`, `step` and `stabilize`, and each of the
 * other commands is a single event, so together the three bound the run.
 */
import { LIMITS } from '../config.ts';
import type { Command, ScenarioError } from './ast.ts';

type Cap = 'commands' | 'time' | 'events';

const count = (n: number): string => n.toLocaleString('en');

/** The most events a `step` or `stabilize` line may process; 0 for any other command. */
export const eventsAskedFor = (cmd: Command): number =>
  cmd.kind === 'step' ? cmd.count : cmd.kind === 'stabilize' ? (cmd.limit ?? LIMITS.maxStabilize) : 0;

/** A script's running totals, line by line. */
export class ScriptTotals {
  commands = 0;
  runMs = 0;
  events = 0;
  /** Each cap is reported once, at the first line past it: the lines after it are past it too. */
  private readonly reported = new Set<Cap>();

  /** Count a parsed command; the error to report if it takes the script past a cap. */
  add(cmd: Command): ScenarioError | null {
    this.commands++;
    if (cmd.kind === 'run') this.runMs += cmd.ms;
    this.events += eventsAskedFor(cmd);
    if (this.commands > LIMITS.maxCommands) {
      return this.report(cmd, 'commands', `this is command number ${count(this.commands)}; a script has at most ${count(LIMITS.maxCommands)} commands`);
    }
    if (this.runMs > LIMITS.maxScriptRunMs) {
      return this.report(cmd, 'time', `with this line the script's "run" lines add up to more than ${LIMITS.maxScriptRunMs / 3_600_000} hours, the most simulated time one script may run`);
    }
    if (this.events > LIMITS.maxScriptEvents) {
      return this.report(
        cmd,
        'events',
        `with this line the script's "step" and "stabilize" lines may process more than ${count(LIMITS.maxScriptEvents)} events, the most one script may ask for (a "stabilize" without a number counts as ${count(LIMITS.maxStabilize)})`,
      );
    }
    return null;
  }

  private report(cmd: Command, cap: Cap, message: string): ScenarioError | null {
    if (this.reported.has(cap)) return null;
    this.reported.add(cap);
    return { line: cmd.line, col: cmd.col, message };
  }
}
