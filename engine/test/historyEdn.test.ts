import { describe, expect, it } from 'vitest';
import { ednString, historyToEdn } from '../export/historyEdn.ts';
import type { HistoryOp } from '../linearize/history.ts';

const base = { serial: 1, invokedAt: 0, returnedAt: 0 };

describe('the EDN history (Jepsen)', () => {
  it('one map per event, in real-time order, unanswered operations as :info at the end', () => {
    const ops: HistoryOp[] = [
      { ...base, client: 'c1', op: 'put', key: 'x', value: '1', invokedEvent: 1, invokedAt: 0.5, returnedEvent: 5, returnedAt: 2, result: '' },
      { ...base, client: 'c3', op: 'append', key: 'x', value: 'a', invokedEvent: 2, invokedAt: 1, returnedEvent: null, returnedAt: null, result: null },
      // Invoked in the event that answered c1: it comes after c1's answer.
      { ...base, client: 'c2', op: 'get', key: 'x', value: null, invokedEvent: 5, invokedAt: 2, returnedEvent: 7, returnedAt: 3, result: '1' },
    ];
    expect(historyToEdn(ops)).toBe(
      [
        '{:type :invoke, :f :put, :value ["x" "1"], :process 0, :time 500000, :index 0}',
        '{:type :invoke, :f :append, :value ["x" "a"], :process 2, :time 1000000, :index 1}',
        '{:type :ok, :f :put, :value ["x" "1"], :process 0, :time 2000000, :index 2}',
        '{:type :invoke, :f :get, :value ["x" nil], :process 1, :time 2000000, :index 3}',
        '{:type :ok, :f :get, :value ["x" "1"], :process 1, :time 3000000, :index 4}',
        '{:type :info, :f :append, :value ["x" "a"], :process 2, :time 3000000, :index 5}',
        '',
      ].join('\n'),
    );
  });

  it('escapes strings as EDN does', () => {
    expect(ednString('a"b\\c\nd\te\r\u0001é')).toBe('"a\\"b\\\\c\\nd\\te\\r\\u0001é"');
  });

  it('rejects a client that is not cN, naming the operation', () => {
    const o: HistoryOp = { ...base, client: 'bob', op: 'get', key: 'x', value: null, invokedEvent: 1, returnedEvent: null, returnedAt: null, result: null };
    expect(() => historyToEdn([o])).toThrow(/operation 0: client "bob"/);
  });
});
