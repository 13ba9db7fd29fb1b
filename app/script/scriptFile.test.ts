import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { fileSizeProblem, MAX_SCRIPT_FILE_BYTES, SCRIPT_FILE_HEADER, scriptFileText, scriptFromFile } from './scriptFile.ts';

describe('scriptFileText', () => {
  it('starts with a comment header the parser skips, and ends with a newline', () => {
    const text = scriptFileText('cluster nodes=3 seed=2\nrun 1000ms');
    expect(text).toBe(`${SCRIPT_FILE_HEADER}\ncluster nodes=3 seed=2\nrun 1000ms\n`);
    const parsed = parseScript(text);
    expect(parsed.ok && parsed.script.commands.map((c) => c.kind)).toEqual(['cluster', 'run']);
  });

  it('adds the header once, however often a file is opened and saved again', () => {
    const once = scriptFileText('cluster nodes=3\n');
    expect(scriptFileText(once)).toBe(once);
  });
});

describe('opening a file', () => {
  it('refuses a file over the cap before reading it, saying how big it is', () => {
    expect(fileSizeProblem('a.txt', MAX_SCRIPT_FILE_BYTES)).toBeNull();
    const p = fileSizeProblem('big.txt', 2_500_000);
    expect(p?.line).toBeNull();
    expect(p?.message).toContain('“big.txt” is 2,500,000 bytes');
    expect(p?.message).toContain('at most 1,000,000 bytes');
  });

  it('drops a byte-order mark and turns CR LF and CR into LF', () => {
    expect(scriptFromFile('a.txt', '\uFEFFcluster nodes=3\r\nrun 1s\rstep\n')).toEqual({ ok: true, text: 'cluster nodes=3\nrun 1s\nstep\n' });
  });

  it('refuses binary data', () => {
    const r = scriptFromFile('photo.png', '\u0089PNG\r\n\u001a\n\u0000\u0000');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.message).toContain('“photo.png” is not a text file');
  });
});
