/**
 * Log entries (types.ts `LogEntry`): how they are made, compared and written.
 * Every part of raftviz that shows an entry (the trace, the page, the exports,
 * the invariant checker) says it with `entryText`, so an entry reads the same
 * everywhere: `no-op`, `c1#3 append x a`, or a raw value in quotes.
 */
import type { ClientId, KvOp, LogEntry, Membership } from '../types.ts';
import { configText, sameConfig } from './configs.ts';

export const noopEntry = (term: number): LogEntry => ({ term, kind: 'noop' });
export const rawEntry = (term: number, value: string): LogEntry => ({ term, kind: 'raw', value });
export const commandEntry = (term: number, client: ClientId, serial: number, op: KvOp): LogEntry => ({ term, kind: 'command', client, serial, op });
export const configEntry = (term: number, config: Membership): LogEntry => ({ term, kind: 'config', config });

/** `put x 1`, `append x a`, `get x`. */
export function opText(op: KvOp): string {
  return op.kind === 'get' ? `get ${op.key}` : `${op.kind} ${op.key} ${op.value}`;
}

/** What the entry holds, without its term: `no-op`, `c1#3 put x 1`, `"a value"`, or `config n1,n2,n3`. */
export function entryText(e: LogEntry): string {
  switch (e.kind) {
    case 'noop':
      return 'no-op';
    case 'raw':
      return JSON.stringify(e.value);
    case 'command':
      return `${e.client}#${e.serial} ${opText(e.op)}`;
    case 'config':
      return `config ${configText(e.config)}`;
  }
}

function sameOp(a: KvOp, b: KvOp): boolean {
  if (a.kind !== b.kind || a.key !== b.key) return false;
  return a.kind === 'get' || a.value === (b as typeof a).value;
}

/** Two entries are the same entry when their term, kind and contents agree (Log Matching compares these). */
export function sameEntry(a: LogEntry, b: LogEntry): boolean {
  if (a === b) return true;
  if (a.term !== b.term || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'noop':
      return true;
    case 'raw':
      return a.value === (b as typeof a).value;
    case 'command': {
      const c = b as typeof a;
      return a.client === c.client && a.serial === c.serial && sameOp(a.op, c.op);
    }
    case 'config':
      return sameConfig(a.config, (b as typeof a).config);
  }
}
