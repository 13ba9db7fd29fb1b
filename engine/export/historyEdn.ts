/**
 * A client history as Jepsen's EDN history (what Knossos and Elle read): one
 * map per line, one line per event,
 *
 *   {:type :invoke, :f :put, :value ["x" "1"], :process 0, :time 3000000, :index 0}
 *
 * Choices, so that the file means what the checker (engine/linearize) checks:
 * - Lines follow real-time order (engine/linearize/realTime.ts): by event
 *   number; within one event, answers to earlier invocations come before new
 *   invocations, so an answer and the next invocation in the same event read
 *   as "the first finished, then the second began", as Jepsen reads a history.
 *   An operation's invocation always comes before its completion.
 * - An answered operation completes with `:ok`. An unanswered one completes
 *   with `:info` (it may or may not have taken effect), and those lines come
 *   last, at the time of the last event of the history, as Jepsen writes them
 *   when a test ends.
 * - `:process` is the client's number minus one (c1 is process 0): one
 *   process per client, a client's operations never overlap.
 * - `:time` is the simulated ms times 1,000,000 (Jepsen's nanoseconds).
 * - `:value` is `[key value]`: for a put or append the value written, on both
 *   lines; for a get `[key nil]` when invoked (and in `:info`) and
 *   `[key result]` when answered.
 * - Strings are EDN strings: `"` and `\` escaped, newline, tab and return as
 *   `\n \t \r`, other control characters as `\uXXXX`.
 */
import type { HistoryOp } from '../linearize/history.ts';
import { boundaries } from '../linearize/realTime.ts';

export function ednString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function processOf(o: HistoryOp, i: number): number {
  const m = /^c(\d+)$/.exec(o.client);
  if (m === null || Number(m[1]) < 1) throw new Error(`historyToEdn: operation ${i}: client ${JSON.stringify(o.client)} is not c1, c2, ...`);
  return Number(m[1]) - 1;
}

const nanos = (ms: number): number => Math.round(ms * 1_000_000);

export function historyToEdn(ops: readonly HistoryOp[]): string {
  const lines: string[] = [];
  const line = (type: 'invoke' | 'ok' | 'info', o: HistoryOp, i: number, value: string | null, ms: number): void => {
    const v = `[${ednString(o.key)} ${value === null ? 'nil' : ednString(value)}]`;
    lines.push(`{:type :${type}, :f :${o.op}, :value ${v}, :process ${processOf(o, i)}, :time ${nanos(ms)}, :index ${lines.length}}`);
  };
  const written = (o: HistoryOp): string | null => (o.op === 'get' ? null : o.value);
  let lastMs = 0;
  for (const o of ops) lastMs = Math.max(lastMs, o.invokedAt, o.returnedAt ?? 0);
  for (const b of boundaries(ops)) {
    const o = ops[b.op];
    if (b.call) line('invoke', o, b.op, written(o), o.invokedAt);
    else if (o.returnedEvent !== null) line('ok', o, b.op, o.op === 'get' ? o.result : o.value, o.returnedAt ?? o.invokedAt);
    else line('info', o, b.op, written(o), lastMs);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
