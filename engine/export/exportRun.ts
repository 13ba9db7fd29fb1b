/**
 * Run a script and collect both exports: the ShiViz log and the JSON trace. Pure
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

export interface Exports {
  readonly shiviz: string;
  readonly trace: TraceJson;
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
  return { shiviz: toShiViz(logs), trace: toTraceJson(logs), failure };
}

function parsed(text: string): readonly Command[] {
  const p = parseScript(text);
  if (!p.ok) throw new Error(`the script does not parse: ${p.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('; ')}`);
  return p.script.commands;
}
