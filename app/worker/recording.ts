/**
 * The recording: every command the page applied, as a script that replays the run
 * exactly. Playing sends many small `run`s; consecutive ones merge (`run a` then
 * `run b` does the same as `run a+b`, because both process every event due by the
 * same end time), and so do consecutive `step`s, so the script stays short.
 * `expect`, `say` and `pause` lines change nothing and are not recorded.
 */
import { DEFAULT_CONFIG, LIMITS } from '../../engine/config.ts';
import type { Command, CommandBody } from '../../engine/scenario/ast.ts';
import { formatClusterOptions, formatCommand } from '../../engine/scenario/format.ts';
import type { ClusterConfig } from '../../engine/types.ts';

export interface Recording {
  /** The lines that set the cluster up: a `cluster` line, or a `preset` (after a `cluster` line if options differ). */
  readonly setup: readonly string[];
  readonly body: readonly CommandBody[];
  /**
   * The whole script, formatted: `setup`, then `body`. Kept as it grows, so a
   * line is formatted once (or again when merged), never on every snapshot, and
   * unchanged lines are the same strings from one recording to the next.
   */
  readonly lines: readonly string[];
}

export const emptyRecording: Recording = { setup: [], body: [], lines: [] };

/** Does a preset made under `config` need the `cluster` line to replay? Only if an option other than the node count differs. */
const needsClusterLine = (config: ClusterConfig): boolean =>
  formatClusterOptions({ ...config, nodes: DEFAULT_CONFIG.nodes }) !== formatClusterOptions(DEFAULT_CONFIG);

/**
 * The recording after `cmd` was applied. `config` is the session's cluster options
 * when it was applied (what a `preset` line builds on).
 */
export function record(rec: Recording, cmd: Command, config: ClusterConfig): Recording {
  return recordAll(rec, [cmd], config).recording;
}

/**
 * The recording after every command of `cmds`, in order, and the one before the
 * last of them (what a replaced last command builds on; `rec` itself when there
 * is only one). `config` is the options when the first was applied; the result
 * carries the options after the last.
 *
 * Why a batch: each recording is an immutable value that later ones share lines
 * with, so adding one command to it copies its arrays. Done command by command,
 * replaying a script of n commands copied O(n²) lines (a 40,000-request load spent
 * seconds here); here the arrays are copied once and grown in place, and the
 * values handed out are never changed after.
 */
export function recordAll(
  rec: Recording,
  cmds: readonly Command[],
  config: ClusterConfig,
): { recording: Recording; beforeLast: Recording; config: ClusterConfig; configBeforeLast: ClusterConfig } {
  let setup = rec.setup;
  let body = rec.body.slice();
  let lines = rec.lines.slice();
  let beforeLast = rec;
  let configBeforeLast = config;
  for (let i = 0; i < cmds.length; i++) {
    const cmd = cmds[i];
    if (i === cmds.length - 1 && i > 0) {
      beforeLast = { setup, body: body.slice(), lines: lines.slice() };
      configBeforeLast = config;
    }
    switch (cmd.kind) {
      case 'cluster':
        setup = [formatCommand(cmd)];
        body = [];
        lines = setup.slice();
        config = cmd.config;
        break;
      case 'preset': {
        const preset = formatCommand(cmd);
        setup = needsClusterLine(config) ? [`cluster ${formatClusterOptions(config)}`, preset] : [preset];
        body = [];
        lines = setup.slice();
        break;
      }
      case 'expect':
      case 'say':
      case 'pause':
        // Checks and captions change nothing, so the recording leaves them out: the script is what happened.
        break;
      default: {
        const last = body[body.length - 1];
        const next = strip(cmd);
        // Merged only while the line stays one the parser accepts (a `run` of at most an hour), so the recording always replays.
        const merged: CommandBody | null =
          last?.kind === 'run' && next.kind === 'run' && last.ms + next.ms <= LIMITS.maxRunMs
            ? { kind: 'run', ms: last.ms + next.ms }
            : last?.kind === 'step' && next.kind === 'step' && last.count + next.count <= LIMITS.maxStep
              ? { kind: 'step', count: last.count + next.count }
              : null;
        if (merged !== null) {
          body[body.length - 1] = merged;
          lines[lines.length - 1] = formatCommand(merged);
        } else {
          body.push(next);
          lines.push(formatCommand(next));
        }
      }
    }
  }
  return { recording: { setup, body, lines }, beforeLast, config, configBeforeLast };
}

/** The command without its source position, which means nothing in the recording. */
function strip(cmd: Command): CommandBody {
  const { line: _line, col: _col, ...body } = cmd;
  return body as CommandBody;
}

/** How the page brings its copy of the script up to date: keep the first `from` lines, then append `lines`. */
export interface ScriptDelta {
  readonly from: number;
  readonly lines: readonly string[];
}

/** What changed from the lines `sent` to `now`. Unchanged lines are the same strings, so this compares by identity. */
export function scriptDelta(sent: readonly string[], now: readonly string[]): ScriptDelta {
  const n = Math.min(sent.length, now.length);
  let from = 0;
  while (from < n && sent[from] === now[from]) from++;
  return { from, lines: now.slice(from) };
}

export const applyScriptDelta = (have: readonly string[], d: ScriptDelta): readonly string[] =>
  d.from === have.length && d.lines.length === 0 ? have : [...have.slice(0, d.from), ...d.lines];
