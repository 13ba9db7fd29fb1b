/**
 * Event records in plain words, one line each, in a fixed grammar
 * ("n1 became leader at term 8 ..."), so the lines read well in the UI and can
 * double as test output. Each line says why, and cites the paper where a rule
 * decided the outcome: it is the text of the record's explanation (explain/explain.ts).
 */
import type { EventRecord, RecordBody } from './events.ts';
import { explain } from './explain/explain.ts';

export const describe = (r: RecordBody): string => explain(r).text;

/** One trace line: time, event number, text. */
export const traceLine = (r: EventRecord): string =>
  `${String(r.time).padStart(7)}ms #${String(r.event).padEnd(6)} ${describe(r)}`;
