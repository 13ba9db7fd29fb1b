import { describe, expect, it } from 'vitest';
import { addressFor, tourSearch } from './tourLink.ts';
import { isEmbedded } from '../embed/embedMode.ts';

describe('addressFor', () => {
  it('names the query as it is in the full app', () => {
    expect(addressFor('/raftviz/', tourSearch('election', 1), false)).toBe('/raftviz/?tour=election&step=2');
    expect(addressFor('/', '', false)).toBe('/');
  });

  it('keeps an embedded view embedded through every address it shows', () => {
    expect(addressFor('/', tourSearch('election', 1), true)).toBe('/?embed=1&tour=election&step=2');
    expect(addressFor('/', '', true)).toBe('/?embed=1');
    // Already there: not twice.
    expect(addressFor('/', '?embed=1&tour=election&step=3', true)).toBe('/?embed=1&tour=election&step=3');
    for (const search of ['', tourSearch('log-repair', 0), '?scenario=figure7']) {
      expect(isEmbedded(new URL(addressFor('/x/', search, true), 'https://example.org').search)).toBe(true);
    }
  });

  it('keeps a tour name that needs escaping as it was', () => {
    const url = new URL(addressFor('/', tourSearch('a b&c', 0), true), 'https://example.org');
    expect(url.searchParams.get('tour')).toBe('a b&c');
    expect(url.searchParams.get('step')).toBe('1');
  });
});
