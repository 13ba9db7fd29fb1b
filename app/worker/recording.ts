/**
 * The recording: every command the page applied, as a script that replays the run
 * exactly. Playing sends many small `run`s; consecutive ones merge (`run a` then
 * `run b` does the same as `run a+b`, because both process every event due by the
 * same end time), and so do consecutive `step`s, so the script stays short.
 * `expect` lines change nothing and are not recorded.
 */
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import type { Command, CommandBody } from '../../engine/scenario/ast.ts';
import { formatClusterOptions, formatCommand } from '../../engine/scenario/format.ts';
import type { ClusterConfig } from '../../engine/types.ts';

export interface Recording {
  /** The lines that set the cluster up: a `cluster` line, or a `preset` (after a `cluster` line if options differ). */
  readonly setup: readonly string[];
  readonly body: readonly CommandBody[];
}

export const emptyRecording: Recording = { setup: [], body: [] };

/** Does a preset made under `config` need the `cluster` line to replay? Only if an option other than the node count differs. */
const needsClusterLine = (config: ClusterConfig): boolean =>
  formatClusterOptions({ ...config, nodes: DEFAULT_CONFIG.nodes }) !== formatClusterOptions(DEFAULT_CONFIG);

/**
 * The recording after `cmd` was applied. `config` is the session's cluster options
 * when it was applied (what a `preset` line builds on).
 */
export function record(rec: Recording, cmd: Command, config: ClusterConfig): Recording {
  switch (cmd.kind) {
    case 'cluster':
      return { setup: [formatCommand(cmd)], body: [] };
    case 'preset': {
      const preset = formatCommand(cmd);
      return { setup: needsClusterLine(config) ? [`cluster ${formatClusterOptions(config)}`, preset] : [preset], body: [] };
    }
    case 'expect':
      // A check changes nothing, so the recording leaves it out: the script is what happened.
      return rec;
    default: {
      const last = rec.body[rec.body.length - 1];
      const body = strip(cmd);
      if (last?.kind === 'run' && body.kind === 'run') return { ...rec, body: [...rec.body.slice(0, -1), { kind: 'run', ms: last.ms + body.ms }] };
      if (last?.kind === 'step' && body.kind === 'step') return { ...rec, body: [...rec.body.slice(0, -1), { kind: 'step', count: last.count + body.count }] };
      return { ...rec, body: [...rec.body, body] };
    }
  }
}

/** The command without its source position, which means nothing in the recording. */
function strip(cmd: Command): CommandBody {
  const { line: _line, col: _col, ...body } = cmd;
  return body as CommandBody;
}

export const scriptLines = (rec: Recording): string[] => [...rec.setup, ...rec.body.map(formatCommand)];
