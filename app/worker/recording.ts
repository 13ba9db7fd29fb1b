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
  switch (cmd.kind) {
    case 'cluster': {
      const setup = [formatCommand(cmd)];
      return { setup, body: [], lines: setup };
    }
    case 'preset': {
      const preset = formatCommand(cmd);
      const setup = needsClusterLine(config) ? [`cluster ${formatClusterOptions(config)}`, preset] : [preset];
      return { setup, body: [], lines: setup };
    }
    case 'expect':
    case 'say':
    case 'pause':
      // Checks and captions change nothing, so the recording leaves them out: the script is what happened.
      return rec;
    default: {
      const last = rec.body[rec.body.length - 1];
      const body = strip(cmd);
      // Merged only while the line stays one the parser accepts (a `run` of at most an hour), so the recording always replays.
      const merged: CommandBody | null =
        last?.kind === 'run' && body.kind === 'run' && last.ms + body.ms <= LIMITS.maxRunMs
          ? { kind: 'run', ms: last.ms + body.ms }
          : last?.kind === 'step' && body.kind === 'step' && last.count + body.count <= LIMITS.maxStep
            ? { kind: 'step', count: last.count + body.count }
            : null;
      if (merged !== null) {
        return { ...rec, body: [...rec.body.slice(0, -1), merged], lines: [...rec.lines.slice(0, -1), formatCommand(merged)] };
      }
      return { ...rec, body: [...rec.body, body], lines: [...rec.lines, formatCommand(body)] };
    }
  }
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
