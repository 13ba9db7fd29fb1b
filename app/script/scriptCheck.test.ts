import { describe, expect, it } from 'vitest';
import { checkScript, describeProblem, lineCount, NO_COMMANDS, offsetOf, problemLines, problemsFromLoad } from './scriptCheck.ts';

describe('checkScript', () => {
  it('finds nothing wrong with a script that runs', () => {
    expect(checkScript('# three nodes\ncluster nodes=3 seed=2\nrun 1s\nexpect safe\n')).toEqual([]);
  });

  it('places each problem at its line and column', () => {
    const problems = checkScript('cluster nodes=3\ncrash n7\nrun 1s\ncampain n1');
    expect(problems.map((p) => [p.line, p.col])).toEqual([
      [2, 7],
      [4, 1],
    ]);
    expect(problems[1].message).toContain('did you mean "campaign"');
    expect(describeProblem(problems[1])).toMatch(/^line 4, column 1: unknown command "campain"/);
  });

  it('refuses a script with nothing to run, before the worker would', () => {
    for (const text of ['', '   \n', '# only a comment\n']) expect(checkScript(text)).toEqual([{ line: 1, col: 1, message: NO_COMMANDS }]);
  });

  it('accepts CR LF line ends, which the lexer reads as space', () => {
    expect(checkScript('cluster nodes=3\r\nrun 1s\r\n')).toEqual([]);
  });
});

describe('problemsFromLoad', () => {
  it('is empty when the script ran to its end', () => {
    expect(problemsFromLoad({ ok: true, time: 1000, event: 40, failure: null })).toEqual([]);
  });

  it('places a refusal and a failed expect at their lines', () => {
    expect(problemsFromLoad({ ok: false, text: 'run 9h', error: { line: 2, col: 5, message: 'too long' } })).toEqual([
      { line: 2, col: 5, message: 'too long' },
    ]);
    const [p] = problemsFromLoad({
      ok: true,
      time: 1000,
      event: 40,
      failure: { line: 3, col: 1, command: 'expect leader n2', expected: 'n2', actual: 'n1' },
    });
    expect(describeProblem(p)).toBe('line 3, column 1: this check did not hold: expected n2, got n1. The run stopped here');
  });
});

describe('where problems are', () => {
  it('describes a problem that is not at a line by its message alone', () => {
    expect(describeProblem({ line: null, col: null, message: 'too big' })).toBe('too big');
  });

  it('marks each line once, in order', () => {
    const at = (line: number | null) => ({ line, col: 1, message: '' });
    expect(problemLines([at(4), at(2), at(4), at(null)])).toEqual([2, 4]);
  });

  it('marks only the first lines when asked for at most so many, in time linear in the problems', () => {
    const at = (line: number | null) => ({ line, col: 1, message: '' });
    expect(problemLines([at(1), at(1), at(null), at(3), at(7), at(9)], 3)).toEqual([1, 3, 7]);
    // 100,000 problems: a quadratic pass would take minutes, not a test's time.
    const many = Array.from({ length: 100_000 }, (_, i) => at(i + 1));
    expect(problemLines(many, 500)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(problemLines(many)).toHaveLength(100_000);
  });

  it('finds the offset of a line and column, clamped to the text', () => {
    const text = 'ab\ncdef\n\ng';
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 3)).toBe(5);
    expect(offsetOf(text, 2, 99)).toBe(7);
    expect(offsetOf(text, 3, 1)).toBe(8);
    expect(offsetOf(text, 4, 1)).toBe(9);
    expect(offsetOf(text, 9, 1)).toBe(text.length);
  });

  it('counts the lines the editor shows', () => {
    expect(lineCount('')).toBe(1);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\nb\n')).toBe(3);
  });
});
