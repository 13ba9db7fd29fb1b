import { describe, expect, it } from 'vitest';
import { whyWorld } from '../testing/whyWorld.ts';
import { SHOWN_ITEMS, stateWords, whySnapshot } from './whySnapshot.ts';

describe('whySnapshot', () => {
  it('says which entries were compacted, the term kept for the consistency check, and the state it holds (§7)', () => {
    const machine = { lastApplied: 40, data: { x: '1', y: '' }, sessions: { c1: { serial: 12, result: '' } } };
    const w = whyWorld({ logs: { n1: [3], n2: [] }, starts: { n1: [40, 2] }, snapshots: { n1: { index: 40, term: 2, machine, config: { voters: ['n1', 'n2'], outgoing: [], learners: [] } }, n2: null } });
    const text = whySnapshot(w, 'n1')!;
    expect(text).toContain('entries 1–40 were applied to its state machine and then compacted into this snapshot');
    expect(text).toContain('last included index 40 and its term 2');
    expect(text).toContain('the key-value map (2 keys: x="1", y="") and the session table (1 client: c1 last applied #12)');
    expect(whySnapshot(w, 'n2')).toBeNull();
  });

  it('summarizes a large state: the first keys and clients, and how many more', () => {
    const data = Object.fromEntries(Array.from({ length: SHOWN_ITEMS + 3 }, (_, i) => [`k${i}`, 'a'.repeat(40)]));
    const words = stateWords({ lastApplied: 9, data, sessions: {} });
    expect(words).toContain(`${SHOWN_ITEMS + 3} keys`);
    expect(words).toContain('and 3 more');
    expect(words).toContain('no sessions');
    // Long values are cut short.
    expect(words).toContain('…');
    expect(words).not.toContain('a'.repeat(40));
  });
});
