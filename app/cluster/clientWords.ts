/**
 * A client in words: the lines drawn under its box, and its accessible name.
 * Kept apart from the drawing so the words are tested on their own.
 */
import { opText } from '../../engine/raft/entry.ts';
import type { ClientView } from '../worker/viewModel.ts';

/** The request it waits on, as the log writes it (`#3 append x a`), or that it waits on nothing. */
export const requestLine = (c: ClientView): string => (c.pending === null ? 'idle' : `#${c.pending.serial} ${opText(c.pending.op)}`);

/** Where its latest copy went and how many copies it sent (§8: a client retries until answered), and what waits behind it. */
export function progressLine(c: ClientView): string {
  const parts: string[] = [];
  if (c.pending !== null) parts.push(c.pending.attempts > 1 ? `try ${c.pending.attempts} → ${c.pending.target}` : `sent → ${c.pending.target}`);
  if (c.queued > 0) parts.push(`+${c.queued} waiting`);
  return parts.join(' · ');
}

/** "c1, waiting on #3 append x a (2nd try, sent to n2), believes n2 leads, 1 more queued". */
export function clientName(c: ClientView): string {
  const guess = c.leaderGuess === null ? 'knows no leader' : `believes ${c.leaderGuess} leads`;
  if (c.pending === null) return `Client ${c.id}, idle, ${guess}`;
  const p = c.pending;
  const tries = p.attempts === 1 ? 'first try' : `try ${p.attempts}`;
  const queued = c.queued > 0 ? `, ${c.queued} more queued` : '';
  return `Client ${c.id}, waiting on #${p.serial} ${opText(p.op)} (${tries}, sent to ${p.target}), ${guess}${queued}`;
}
