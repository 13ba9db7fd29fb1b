/**
 * For the tests that check a tour's captions against the engine: run a tour
 * through one of its steps, keeping the records that step's own commands made
 * (a deep link to that step opens the same state).
 */
import type { EventRecord, RecordBody } from '../../engine/events.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript, type Session } from '../../engine/scenario/run.ts';
import { scriptThrough } from '../../engine/scenario/tour.ts';
import type { Tour } from './tours.ts';

export type LinedRecord = EventRecord & { line: number };

/** Run `text`, keeping every record with the source line of the command that produced it; throws on a parse error or a failed expect. */
export function runLined(text: string): { session: Session; records: LinedRecord[] } {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const records: LinedRecord[] = [];
  let line = 0;
  const { session, failure } = runScript(parsed.script, (r) => records.push({ ...r, line }), undefined, (cmd) => {
    line = cmd.line;
  });
  if (failure !== null) throw new Error(JSON.stringify(failure));
  return { session, records };
}

/** `tour` through step `n` (from 1): the cluster at its end, and the records of that step's own commands by type. */
export function tourStep(tour: Tour, n: number) {
  const { session, records } = runLined(scriptThrough(tour.text, tour.steps, n - 1));
  const s = tour.steps[n - 1];
  const own = records.filter((r) => r.line >= s.firstLine && r.line <= s.lastLine);
  const of = <T extends RecordBody['type']>(type: T) => own.filter((r): r is Extract<EventRecord, { type: T }> & { line: number } => r.type === type);
  return { cluster: session.cluster!, of };
}
