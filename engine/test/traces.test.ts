/**
 * Runs every trace file in engine/test/traces (see traceFile.ts for the format)
 * and compares what each block prints with what the file says it prints.
 *
 * After an intended change of behaviour, regenerate the expected output and read
 * the diff: `REWRITE=1 npx vitest run engine/test/traces.test.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMismatch, lineDiff, parseTraceFile, rewriteTraceFile, runTraceFile } from './traceFile.ts';

const dir = join(import.meta.dirname, 'traces');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const rewrite = process.env.REWRITE === '1';

describe('trace files', () => {
  it('there are trace files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, () => {
      const path = join(dir, file);
      const name = `engine/test/traces/${file}`;
      const text = readFileSync(path, 'utf8');
      const segments = parseTraceFile(text, name);
      const results = runTraceFile(segments);
      if (rewrite) {
        writeFileSync(path, rewriteTraceFile(segments, results));
        return;
      }
      const differing = results.filter((r) => r.actual.join('\n') !== r.segment.output.join('\n'));
      if (differing.length > 0) {
        const shown = differing.slice(0, 5).map((r) => describeMismatch(name, r));
        const more = differing.length > 5 ? [`... and ${differing.length - 5} more blocks differ`] : [];
        throw new Error(
          [`${differing.length} block(s) of ${name} differ. If the change is intended: REWRITE=1 npx vitest run engine/test/traces.test.ts`, ...shown, ...more].join('\n\n'),
        );
      }
    });
  }
});

describe('the trace file format', () => {
  it('keeps prose, comments and commands when it rewrites, and replaces only outputs', () => {
    const text = '# a comment\n\ncluster nodes=1\ncampaign n1\n----\nstale output\n\n# another\nstate\n----\nold\n';
    const segments = parseTraceFile(text, 'x.txt');
    const out = rewriteTraceFile(segments, runTraceFile(segments));
    expect(out.startsWith('# a comment\n\ncluster nodes=1\ncampaign n1\n----\n')).toBe(true);
    expect(out).toContain('n1 became leader at term 1');
    expect(out).toContain('\n\n# another\nstate\n----\nn1  leader  term 1  vote n1  commit 1  log 1\n');
    expect(out).not.toContain('stale output');
    // Rewriting what was just written changes nothing.
    const again = parseTraceFile(out, 'x.txt');
    expect(rewriteTraceFile(again, runTraceFile(again))).toBe(out);
  });

  it('prints a bad line, a failed expect and an empty block where they stand', () => {
    const segments = parseTraceFile('cluster nodes=3\n----\n\ncampaing n1\nexpect leader n2\n----\n', 'x.txt');
    const [first, second] = runTraceFile(segments);
    expect(first.actual).toEqual(['ok']);
    expect(second.actual).toEqual([
      'error: line 4, column 1: unknown command "campaing" (did you mean "campaign"?)',
      'expect failed: line 5: expect leader n2: expected n2, got none',
    ]);
  });

  it('names the file and line of a block without its separator', () => {
    expect(() => parseTraceFile('# c\ncluster nodes=3\nrun 1s\n', 'f.txt')).toThrow('f.txt:2: the block has no "----" line');
  });

  it('shows a differing block as a diff with its file and line', () => {
    const segments = parseTraceFile('cluster nodes=1\nstate\n----\nn1  follower  term 9  vote -  commit 0  log -\n', 'f.txt');
    const message = describeMismatch('f.txt', runTraceFile(segments)[0]);
    expect(message).toContain('f.txt:1: the output of this block differs (expected at line 4');
    expect(message).toContain('- n1  follower  term 9  vote -  commit 0  log -');
    expect(message).toContain('+ n1  follower  term 0  vote -  commit 0  log -');
  });

  it('a diff keeps common lines and elides long unchanged runs', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const b = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'X'];
    expect(lineDiff(a, b, 1)).toEqual(['  ...', '  h', '- i', '+ X']);
    expect(lineDiff(['x', 'y', 'z'], ['x', 'z'])).toEqual(['  x', '- y', '  z']);
  });
});
