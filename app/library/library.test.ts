import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { findScenario, readHeader, scenarioParam, toScenario } from './library.ts';
import { LIBRARY } from '../content/content.ts';

describe('the scenario library', () => {
  it('bundles every file in public/scenarios, and each one parses', () => {
    expect(LIBRARY.length).toBeGreaterThan(0);
    for (const s of LIBRARY) {
      expect(s.title, s.name).not.toBe('');
      expect(parseScript(s.text).ok, s.name).toBe(true);
    }
  });

  it('reads the title and the description from the leading comments', () => {
    const h = readHeader('# A title\n#\n# First line\n# continues.\n#\n# Second paragraph.\npreset figure7\n# not this\n');
    expect(h).toEqual({ title: 'A title', description: 'First line continues.\n\nSecond paragraph.' });
    expect(readHeader('cluster nodes=3\n')).toEqual({ title: '', description: '' });
  });

  it('names a file by its stem, unless a preset has that name', () => {
    expect(scenarioParam('leader-crash')).toBe('leader-crash');
    expect(scenarioParam('figure7')).toBe('figure7.txt');
    const lib = [toScenario('/public/scenarios/figure7.txt', '# F7\npreset figure7\n'), toScenario('/public/scenarios/x.txt', 'cluster nodes=3\n')];
    expect(lib[1].title).toBe('x');
    expect(findScenario('figure7.txt', lib)?.title).toBe('F7');
    expect(findScenario('x', lib)?.name).toBe('x');
    expect(findScenario('x.txt', lib)?.name).toBe('x');
    expect(findScenario('nope', lib)).toBeNull();
  });
});
