/**
 * The search for a linearization of one key's operations: Wing & Gong's
 * algorithm (1993) with Lowe's memoization (2017), as Porcupine runs it.
 *
 * The calls and returns sit in a doubly linked list in real-time order
 * (realTime.ts). Walking it from the head, a call may be linearized now if the
 * model accepts it from the current state; it is then lifted out of the list
 * (with its return) and the walk restarts. Reaching a return means the
 * operation it closes should have been linearized already: backtrack, undoing
 * the last choice, and try the call after it. An empty list is a
 * linearization; backtracking past the first choice proves there is none.
 *
 * Lowe's cache records every (set of linearized operations, state) reached:
 * reaching one again leads where it led before, so it is skipped. Sets are
 * bitsets in Uint32Array words, hashed incrementally (Zobrist: one random word
 * per operation, XORed in and out); states are interned strings. The cache is
 * a hash table of chains over a flat pool of bitset words, each hit checked
 * word by word (hash collisions cannot fool it).
 *
 * The model is Porcupine's KV model restricted to one key: the state is the
 * key's value ("" when unset); put sets it, append appends to it, get must
 * return it.
 */
import type { HistoryOp } from './history.ts';
import { boundaries } from './realTime.ts';
import { seedState, drawInt } from '../sim/rng.ts';

export type SearchOutcome =
  | { readonly outcome: 'ok'; readonly order: number[]; readonly steps: number }
  | { readonly outcome: 'violation'; readonly steps: number }
  | { readonly outcome: 'unknown'; readonly steps: number };

const PUT = 0;
const APPEND = 1;
const GET = 2;

/**
 * Searches a linearization of `ops` (all on one key; unanswered gets already
 * left out), in at most `budget` steps (one step: one list entry looked at).
 * The order is of positions in `ops`.
 */
export function searchKey(ops: readonly HistoryOp[], budget: number): SearchOutcome {
  const n = ops.length;
  if (n === 0) return { outcome: 'ok', order: [], steps: 0 };

  // States, interned: id 0 is "" (the key unset).
  const stateIds = new Map<string, number>([['', 0]]);
  const states: string[] = [''];
  const intern = (s: string): number => {
    let id = stateIds.get(s);
    if (id === undefined) {
      id = states.length;
      states.push(s);
      stateIds.set(s, id);
    }
    return id;
  };
  const kind = new Uint8Array(n);
  const target = new Int32Array(n); // put: the value's id; get: the result's id
  const appended: (Map<number, number> | null)[] = new Array<Map<number, number> | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const o = ops[i];
    if (o.op === 'get') {
      kind[i] = GET;
      target[i] = intern(o.result ?? '');
    } else if (o.op === 'put') {
      kind[i] = PUT;
      target[i] = intern(o.value ?? '');
    } else {
      kind[i] = APPEND;
      appended[i] = new Map();
    }
  }
  const afterAppend = (i: number, s: number): number => {
    const memo = appended[i] as Map<number, number>;
    let t = memo.get(s);
    if (t === undefined) {
      t = intern(states[s] + (ops[i].value ?? ''));
      memo.set(s, t);
    }
    return t;
  };

  // The list: node i is the call of operation i, node n + i its return; head and tail are sentinels.
  const head = 2 * n;
  const tail = 2 * n + 1;
  const next = new Int32Array(2 * n + 2);
  const prev = new Int32Array(2 * n + 2);
  let last = head;
  for (const b of boundaries(ops)) {
    const node = b.call ? b.op : n + b.op;
    next[last] = node;
    prev[node] = last;
    last = node;
  }
  next[last] = tail;
  prev[tail] = last;

  // Lift an operation's call and return out of the list; unlift puts them back (in reverse order).
  const lift = (i: number): void => {
    next[prev[i]] = next[i];
    prev[next[i]] = prev[i];
    const r = n + i;
    next[prev[r]] = next[r];
    prev[next[r]] = prev[r];
  };
  const unlift = (i: number): void => {
    const r = n + i;
    next[prev[r]] = r;
    prev[next[r]] = r;
    next[prev[i]] = i;
    prev[next[i]] = i;
  };

  // The linearized set and its Zobrist hash.
  const words = (n + 31) >>> 5;
  const linearized = new Uint32Array(words);
  const zobrist = new Int32Array(n);
  const rng = { rng: seedState(n) };
  for (let i = 0; i < n; i++) zobrist[i] = (drawInt(rng, 0, 0xffff) << 16) | drawInt(rng, 0, 0xffff);
  let hash = 0;

  // The cache: chains by hash bucket over a pool of entries (state, words of the set).
  let capacity = 1024;
  let pool = new Uint32Array(capacity * words);
  let poolState = new Int32Array(capacity);
  let chain = new Int32Array(capacity);
  let size = 0;
  const buckets = new Map<number, number>();
  const bucketOf = (h: number, s: number): number => (h ^ Math.imul(s + 1, 0x9e3779b1)) & 0x3fffffff;
  /** Whether (linearized, s) is cached; if not, caches it. */
  const seenOrAdd = (s: number): boolean => {
    const b = bucketOf(hash, s);
    const first = buckets.get(b);
    for (let e = first ?? -1; e !== -1; e = chain[e]) {
      if (poolState[e] !== s) continue;
      let same = true;
      for (let w = 0, base = e * words; w < words; w++) {
        if (pool[base + w] !== linearized[w]) {
          same = false;
          break;
        }
      }
      if (same) return true;
    }
    if (size === capacity) {
      capacity *= 2;
      const p = new Uint32Array(capacity * words);
      p.set(pool);
      pool = p;
      const ps = new Int32Array(capacity);
      ps.set(poolState);
      poolState = ps;
      const c = new Int32Array(capacity);
      c.set(chain);
      chain = c;
    }
    pool.set(linearized, size * words);
    poolState[size] = s;
    chain[size] = first ?? -1;
    buckets.set(b, size);
    size++;
    return false;
  };

  // The choices made: which call was linearized, and the state before it.
  const chosen = new Int32Array(n);
  const stateBefore = new Int32Array(n);
  let depth = 0;
  let state = 0;
  let steps = 0;
  let node = next[head];
  while (next[head] !== tail) {
    if (++steps > budget) return { outcome: 'unknown', steps: budget };
    if (node < n) {
      const i = node;
      const k = kind[i];
      let ok = true;
      let after = state;
      if (k === GET) ok = target[i] === state;
      else if (k === PUT) after = target[i];
      else after = afterAppend(i, state);
      if (ok) {
        linearized[i >>> 5] |= 1 << (i & 31);
        hash ^= zobrist[i];
        if (!seenOrAdd(after)) {
          chosen[depth] = i;
          stateBefore[depth] = state;
          depth++;
          state = after;
          lift(i);
          node = next[head];
          continue;
        }
        linearized[i >>> 5] &= ~(1 << (i & 31));
        hash ^= zobrist[i];
      }
      node = next[i];
    } else {
      // A return whose call is still in the list: undo the last choice.
      if (depth === 0) return { outcome: 'violation', steps };
      depth--;
      const i = chosen[depth];
      state = stateBefore[depth];
      linearized[i >>> 5] &= ~(1 << (i & 31));
      hash ^= zobrist[i];
      unlift(i);
      node = next[i];
    }
  }
  return { outcome: 'ok', order: Array.from(chosen.subarray(0, depth)), steps };
}
