import { describe, expect, it } from 'vitest';
import { lastRequestNumber } from './uiSlice.ts';

describe('lastRequestNumber', () => {
  it('continues after the values the quick request used, proposed or put by a client', () => {
    expect(lastRequestNumber(['cluster nodes=3 clients=1', 'propose leader v2', 'client c1 put k v5', 'client c1 put x v9'])).toBe(5);
    expect(lastRequestNumber(['cluster nodes=3'])).toBe(0);
  });
});
