/**
 * The parser at its limits: the caps on a whole script (scriptCaps.ts), numbers
 * far out of range, and characters from other systems. Each case here is either
 * accepted or refused at its line and column; the fuzz test (parseFuzz.test.ts)
 * tries the same at random.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../config.ts';
import type { Command, ScenarioError } from '../scenario/ast.ts';
import { formatCommand } from '../scenario/format.ts';
import { initialContext, parseLine, parseScript } from '../scenario/parse.ts';
import { eventsAskedFor } from '../scenario/scriptCaps.ts';

const errorsOf = (text: string): readonly ScenarioError[] => {
  const r = parseScript(text);
  if (r.ok) throw new Error('expected a parse error');
  return r.errors;
};

const commandsOf = (text: string): readonly Command[] => {
  const r = parseScript(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.script.commands;
};

const lines = (line: string, n: number): string => Array.from({ length: n }, () => line).join('\n');

describe('the caps on a whole script', () => {
  it('accepts exactly the most commands, and refuses one more at its line', () => {
    const most = `cluster nodes=3\n${lines('pause', LIMITS.maxCommands - 1)}`;
    expect(commandsOf(most)).toHaveLength(LIMITS.maxCommands);
    expect(errorsOf(`${most}\n\n  heal`)).toEqual([
      { line: LIMITS.maxCommands + 2, col: 3, message: 'this is command number 100,001; a script has at most 100,000 commands' },
    ]);
  });

  it('accepts runs that add up to a simulated day, and refuses the millisecond past it, once', () => {
    const day = `cluster nodes=3\n${lines('run 3600s', 24)}`;
    expect(commandsOf(day).reduce((ms, c) => ms + (c.kind === 'run' ? c.ms : 0), 0)).toBe(LIMITS.maxScriptRunMs);
    const over = errorsOf(`${day}\nexpect safe\nrun 1ms\nrun 3600s\nrun 3600s`);
    // Reported at the first line past the cap, not again at every line after it.
    expect(over).toEqual([{ line: 27, col: 1, message: expect.stringContaining('more than 24 hours') }]);
  });

  it('counts step and stabilize lines by the events they may process; a bare stabilize counts as its limit', () => {
    expect(commandsOf(`cluster\n${lines('stabilize', 100)}`)).toHaveLength(101);
    expect(errorsOf(`cluster\n${lines('stabilize', 100)}\nstep`)).toEqual([{ line: 102, col: 1, message: expect.stringContaining('more than 100,000,000 events') }]);
    expect(commandsOf(`cluster\n${lines('step 1000000', 99)}\nstabilize 999999\nstep`)).toHaveLength(102);
    expect(errorsOf(`cluster\n${lines('step 1000000', 99)}\nstabilize 999999\nstep 2`)[0]).toMatchObject({ line: 102 });
  });

  it('reports a cap along with the other errors, in line order', () => {
    const errors = errorsOf(`cluster\n${lines('run 3600s', 25)}\ncrsh n1`);
    expect(errors.map((e) => [e.line, e.col])).toEqual([[26, 1], [27, 1]]);
  });

  it('every scenario, tour and test script the project ships fits in a tenth of each cap', () => {
    const root = join(import.meta.dirname, '..', '..');
    const dirs = ['public/scenarios', 'public/tours', 'engine/test/scenarios'].map((d) => join(root, d));
    const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const commands = commandsOf(readFileSync(file, 'utf8'));
      const runMs = commands.reduce((ms, c) => ms + (c.kind === 'run' ? c.ms : 0), 0);
      const events = commands.reduce((n, c) => n + eventsAskedFor(c), 0);
      expect(commands.length, file).toBeLessThan(LIMITS.maxCommands / 10);
      expect(runMs, file).toBeLessThan(LIMITS.maxScriptRunMs / 10);
      expect(events, file).toBeLessThan(LIMITS.maxScriptEvents / 2);
    }
  });

  it('the long-log link of the end-to-end tests (10,006 lines) fits', () => {
    const script = [`cluster nodes=3 seed=1 batch=10000`, 'run 400ms', ...Array.from({ length: 10_000 }, (_, i) => `propose leader v${i + 1}`), 'run 300ms'];
    expect(commandsOf(script.join('\n'))).toHaveLength(10_003);
  });
});

describe('numbers far out of range', () => {
  it('refuses a message id beyond exact integers (it used to become m1e+21, which does not parse back)', () => {
    expect(errorsOf('cluster\ndrop m99999999999999999999')).toEqual([
      { line: 2, col: 7, message: 'a message id must be between 0 and 9007199254740991, got 99999999999999999999' },
    ]);
    const [, drop] = commandsOf('cluster\ndrop m9007199254740991');
    expect(drop).toMatchObject({ kind: 'drop-message', id: Number.MAX_SAFE_INTEGER });
    expect(parseLine(formatCommand(drop), 2, { ...initialContext(), nodes: 5 })).toEqual({ ...drop, line: 2, col: 1 });
  });

  it('refuses durations with hundreds of digits in the words of their own limit (they used to read "is Infinityms")', () => {
    const huge = '9'.repeat(400);
    expect(errorsOf(`cluster\nrun ${huge}ms`)).toEqual([{ line: 2, col: 5, message: '"run" advances at most 60 minutes at a time' }]);
    expect(errorsOf(`cluster\nrun ${huge}.5s`)[0].message).toBe('"run" advances at most 60 minutes at a time');
    expect(errorsOf(`cluster heartbeat=${huge}ms`)).toEqual([{ line: 1, col: 19, message: 'heartbeat must be between 1ms and 600000ms' }]);
    expect(errorsOf(`cluster election=1-${huge}ms`)).toEqual([{ line: 1, col: 18, message: 'election: at most 600000ms' }]);
    expect(errorsOf(`cluster latency=${huge}-1ms`)).toEqual([{ line: 1, col: 17, message: 'latency: at most 600000ms' }]);
    expect(errorsOf('cluster\nrun 1e309ms')[0]).toMatchObject({ line: 2, col: 5, message: expect.stringContaining('expected a duration') });
    expect(errorsOf('cluster\nrun 99999999999s')[0].message).toContain('at most 60 minutes');
  });

  it('refuses seeds beyond 32 bits and counts beyond exact integers', () => {
    expect(errorsOf('cluster seed=4294967296')[0]).toMatchObject({ line: 1, col: 14, message: expect.stringContaining('between 0 and 4294967295') });
    expect(commandsOf('cluster seed=4294967295')[0]).toMatchObject({ config: { seed: 4294967295 } });
    expect(errorsOf('cluster\nexpect term n1 9007199254740992')[0]).toMatchObject({ line: 2, col: 16 });
    expect(errorsOf('cluster\nstep 9007199254740993')[0]).toMatchObject({ line: 2, col: 6 });
    expect(errorsOf('cluster\ncrash n99999999999999999999')[0]).toMatchObject({ line: 2, col: 7, message: expect.stringContaining('n1..n5') });
  });

  it('quotes a long word in a message by its start and its length, not whole', () => {
    const [e] = errorsOf(`cluster\n${'x'.repeat(100_000)}`);
    expect(e).toMatchObject({ line: 2, col: 1 });
    expect(e.message).toBe('unknown command "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (100,000 characters)');
    // The fuzz test found this one: the hint for a number without a unit repeated the number twice.
    expect(errorsOf(`cluster\nrun ${'9'.repeat(200)}`)[0].message).toBe('expected a duration such as 250ms or 1.5s, got "999999999999999999999999999999…" (200 characters)');
    expect(errorsOf('cluster\nrun 250')[0].message).toBe('expected a duration such as 250ms or 1.5s, got "250" (add a unit: 250ms or 250s)');
    // And these two (the fuzz test again): a long word after "timers", or as an on/off option.
    expect(errorsOf(`cluster\ntimers ${'x'.repeat(10_000)}`)[0].message).toMatch(/got "x{30}…" \(10,000 characters\)$/);
    expect(errorsOf(`cluster prevote=${'x'.repeat(10_000)}`)[0].message).toMatch(/^prevote is on or off, got "x{30}…" \(10,000 characters\)$/);
  });
});

describe('characters from other systems', () => {
  it('skips a byte-order mark at the start, and counts columns after it', () => {
    expect(commandsOf('\uFEFFcluster nodes=3')).toHaveLength(1);
    expect(errorsOf('\uFEFFcluster nodes=30')).toEqual([{ line: 1, col: 15, message: 'nodes must be between 1 and 9, got 30' }]);
    // Anywhere else it is a character like any other.
    expect(errorsOf('cluster\n\uFEFFrun 1s')[0]).toMatchObject({ line: 2, col: 1 });
  });

  it('reads CR LF line ends, tabs, form feeds and vertical tabs as white space', () => {
    expect(commandsOf('cluster nodes=3\r\n\trun\t1s\r\n\fcrash\vn2\r\n').map((c) => c.kind)).toEqual(['cluster', 'run', 'crash']);
  });

  it('refuses a control character at its column, in a word, in quotes or in a comment', () => {
    expect(errorsOf('cluster\u0000 nodes=3')).toEqual([{ line: 1, col: 8, message: 'a control character (U+0000) cannot be in a script: delete it' }]);
    expect(errorsOf('cluster\npropose n1 "a\u001bb"')).toEqual([{ line: 2, col: 14, message: 'a control character (U+001B) cannot be in a script: delete it' }]);
    expect(errorsOf('cluster # \u007f')[0]).toMatchObject({ line: 1, col: 11, message: expect.stringContaining('U+007F') });
  });

  it('keeps any other character in a quoted value, and formats it back to the same value', () => {
    for (const value of ['\uD800', 'a\uDFFFb', '😀', 'a\u00a0b', '\u2028', '\\', 'a "b" c']) {
      const [, propose] = commandsOf(`cluster\npropose n1 ${formatCommand({ kind: 'propose', target: 'n1', value }).slice('propose n1 '.length)}`);
      expect(propose).toMatchObject({ kind: 'propose', value });
    }
  });

  it('reads deep escapes in one pass, and refuses quoting that does not close at its opening quote', () => {
    const escaped = '\\\\\\"'.repeat(999); // \\\" : an escaped backslash, then an escaped quote
    expect(commandsOf(`cluster\nsay "${escaped}"`)[1]).toMatchObject({ kind: 'say', text: '\\"'.repeat(999) });
    expect(errorsOf(`cluster\nsay "${escaped}`)[0]).toMatchObject({ line: 2, col: 5, message: expect.stringContaining('unterminated') });
    expect(errorsOf(`cluster\nsay "${escaped}"x`)[0]).toMatchObject({ line: 2, col: 5 + 2 + escaped.length, message: 'put a space after the closing "' });
  });
});
