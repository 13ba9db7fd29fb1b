/**
 * Client histories generated from a real linearizable execution, seeded and
 * deterministic: the property tests' input and the benchmark's workload.
 *
 * A key-value store is simulated event by event. At each event one thing
 * happens, drawn at random: an idle client invokes an operation, a pending
 * operation takes effect atomically on the store (its linearization point),
 * or an operation that took effect is answered, and then its client may
 * invoke its next operation in the same event (the tie rule of realTime.ts).
 * A client may also give up on an operation (it is never answered, and may
 * take effect later or never) and move on. A get's result is the store's value
 * at its linearization point, so every history made here is linearizable.
 */
import type { HistoryOp } from './history.ts';
import { drawInt, seedState } from '../sim/rng.ts';

export interface GenerateOptions {
  readonly seed: number;
  readonly ops: number;
  readonly clients: number;
  readonly keys: number;
  /** Percent of operations a client gives up on (never answered). Default 2. */
  readonly abandonPercent?: number;
}

interface Pending {
  index: number;
  applied: boolean;
  result: string | null;
}

export function generateHistory(options: GenerateOptions): HistoryOp[] {
  const { ops: total, clients, keys } = options;
  const abandon = options.abandonPercent ?? 2;
  const rng = { rng: seedState(options.seed) };
  const store = new Map<string, string>();
  const out: HistoryOp[] = [];
  const open: Pending[] = [];
  const busy: (Pending | null)[] = new Array<Pending | null>(clients).fill(null);
  const serials = new Array<number>(clients).fill(0);
  const ms = (event: number): number => Math.floor(event / 4);

  const invoke = (c: number, event: number): void => {
    const key = `k${drawInt(rng, 1, keys)}`;
    const roll = drawInt(rng, 1, 10);
    const op = roll <= 3 ? 'put' : roll <= 5 ? 'append' : 'get';
    const value = op === 'get' ? null : op === 'put' ? `${drawInt(rng, 0, 9)}` : String.fromCharCode(97 + drawInt(rng, 0, 25));
    const p: Pending = { index: out.length, applied: false, result: null };
    serials[c]++;
    out.push({ client: `c${c + 1}`, serial: serials[c], op, key, value, invokedAt: ms(event), invokedEvent: event, returnedAt: null, returnedEvent: null, result: null });
    busy[c] = p;
    open.push(p);
  };
  const apply = (p: Pending): void => {
    const o = out[p.index];
    const now = store.get(o.key) ?? '';
    if (o.op === 'put') store.set(o.key, o.value ?? '');
    else if (o.op === 'append') store.set(o.key, now + (o.value ?? ''));
    p.result = o.op === 'get' ? now : '';
    p.applied = true;
  };

  let event = 0;
  while (out.length < total || busy.some((p) => p !== null)) {
    event++;
    const idle = busy.flatMap((p, c) => (p === null ? [c] : []));
    const action = drawInt(rng, 0, 2);
    if (action === 0 && idle.length > 0 && out.length < total) {
      invoke(idle[drawInt(rng, 0, idle.length - 1)], event);
    } else if (action === 1 && open.some((p) => !p.applied)) {
      const waiting = open.filter((p) => !p.applied);
      const p = waiting[drawInt(rng, 0, waiting.length - 1)];
      apply(p);
      open.splice(open.indexOf(p), 1);
      if (busy.includes(p)) open.push(p); // its client still waits for the answer
    } else {
      const answerable = busy.flatMap((p, c) => (p !== null && p.applied ? [c] : []));
      const waiting = busy.flatMap((p, c) => (p !== null && !p.applied ? [c] : []));
      if (answerable.length > 0) {
        const c = answerable[drawInt(rng, 0, answerable.length - 1)];
        const p = busy[c] as Pending;
        open.splice(open.indexOf(p), 1);
        out[p.index] = { ...out[p.index], returnedAt: ms(event), returnedEvent: event, result: p.result };
        busy[c] = null;
        if (out.length < total && drawInt(rng, 0, 1) === 0) invoke(c, event);
      } else if (waiting.length > 0 && drawInt(rng, 1, 100) <= abandon) {
        // The client gives up: the operation stays open (it may still take effect) but nobody waits for it.
        const c = waiting[drawInt(rng, 0, waiting.length - 1)];
        busy[c] = null;
      } else if (idle.length > 0 && out.length < total) {
        invoke(idle[drawInt(rng, 0, idle.length - 1)], event);
      }
    }
    // Give-ups are drawn only now and then; a stalled loop draws again next event.
    if (event > total * 100) throw new Error('generateHistory: no progress');
  }
  // Operations given up on and still not applied: some take effect at the very end, some never.
  for (const p of open) if (!p.applied && drawInt(rng, 0, 1) === 0) apply(p);
  return out;
}
