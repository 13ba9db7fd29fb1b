import { describe, expect, it } from 'vitest';
import { loadNotice } from './loadNotice.ts';

const req = { text: 'cluster nodes=3', label: 'The link', cursor: { time: 100, event: 40 } };

describe('loadNotice', () => {
  it('says nothing when the replay ends where the link says', () => {
    expect(loadNotice(req, { ok: true, time: 100, event: 40, failure: null }, false)).toBeNull();
    expect(loadNotice({ text: '', label: 'x' }, { ok: true, time: 5, event: 1, failure: null }, false)).toBeNull();
  });
  it('names the line and column of a script it could not open', () => {
    const n = loadNotice(req, { ok: false, text: 'crahs n1', error: { line: 3, col: 1, message: 'unknown command "crahs"' } }, true);
    expect(n).toEqual({
      tone: 'error',
      message: 'The link could not be opened: line 3, column 1: unknown command "crahs". Showing the default cluster instead.',
      code: 'crahs n1',
    });
  });
  it('names a failed expect', () => {
    const failure = { line: 7, col: 1, command: 'expect leader n1', expected: 'n1', actual: 'n2' };
    const n = loadNotice(req, { ok: true, time: 100, event: 40, failure }, false);
    expect(n?.message).toBe('The link stopped at line 7: this check did not hold (expected n1, got n2). The run stops there.');
    expect(n?.code).toBe('expect leader n1');
  });
  it('warns when the replay ends elsewhere than the link says', () => {
    expect(loadNotice(req, { ok: true, time: 100, event: 41, failure: null }, false)?.message).toMatch(/made at event #40 \(100 ms\), but here it replays to event #41/);
  });
});
