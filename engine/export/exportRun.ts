/**
 * Run a script and collect its exports: the ShiViz log, the JSON trace, and the
 * client history as Jepsen's EDN and as the JSON `--json` shows it. Pure
 * and deterministic (the same script gives the same files), so the web worker can
 * replay the user's recorded commands and offer the very files the command-line
 * runner writes.
 */
import type { Command } from '../scenario/ast.ts';
import { parseScript } from '../scenario/parse.ts';
import { newSession, runScript, type ExpectFailure } from '../scenario/run.ts';
import { RunLogger } from './runLog.ts';
import { toShiViz } from './shiviz.ts';
import { toTraceJson, type TraceJson } from './traceJson.ts';
import { historyToEdn } from './historyEdn.ts';
import { historyReport, type HistoryReport } from '../scenario/report.ts';
import { historyOf } from '../scenario/run.ts';

export interface Exports {
  readonly shiviz: string;
  readonly trace: TraceJson;
  /** The client history of the cluster standing at the end, as `--history-edn` writes it ("" without operations). */
  readonly historyEdn: string;
  /** The same history with the linearizability verdict: the `history`, `linearizable` (and `linearizability`) fields of `--json`. */
  readonly history: HistoryReport;
  /** The first `expect` that failed; the run (and so both exports) stops there, as the runner's does. */
  readonly failure: ExpectFailure | null;
}

/**
 * `script`: parsed commands, or the text of a script. Text that does not parse
 * throws, with every problem located; callers holding user text parse it first.
 */
export function exportRun(script: string | readonly Command[]): Exports {
  const commands = typeof script === 'string' ? parsed(script) : script;
  const session = newSession();
  const logger = new RunLogger(session);
  const { failure } = runScript({ commands }, logger.emit, session, logger.notice);
  const logs = logger.finish();
  const s = session.cluster;
  const history: HistoryReport = s === null ? { history: [], linearizable: true } : historyReport(s);
  return { shiviz: toShiViz(logs), trace: toTraceJson(logs), historyEdn: s === null ? '' : historyToEdn(historyOf(s)), history, failure };
}

function parsed(text: string): readonly Command[] {
  const p = parseScript(text);
  if (!p.ok) throw new Error(`the script does not parse: ${p.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('; ')}`);
  return p.script.commands;
}
