import { describe, expect, it } from 'vitest';
import { initialContext, parseLine, parseScript, ScriptParser } from '../scenario/parse.ts';
import { formatCommand } from '../scenario/format.ts';
import type { Command } from '../scenario/ast.ts';

const errorsOf = (text: string) => {
  const r = parseScript(text);
  if (r.ok) throw new Error('expected a parse error');
  return r.errors;
};

describe('scenario parser', () => {
  it('parses the whole vocabulary', () => {
    const r = parseScript(`# a comment
cluster nodes=5 seed=42 election=150-300ms heartbeat=40ms latency=5ms-20ms batch=2 probe=naive noop=off
run 250ms
run 1.5s   # trailing comment
step
step 3
stabilize
stabilize 20
campaign n1
propose leader "hello world"
propose n2 x=1
crash n3
restart n3
partition n1,n2 | n3, n4 |n5
cut n1 n2
heal n1 n2
heal
drop n1 n2
drop n1 n2 AppendEntries
drop m17
expect leader none
expect role n1 leader
expect term n1 3
expect vote n1 none
expect commit n1 2
expect log n1 1 1 2
expect log n2
expect safe
preset figure7
expect log n7 1 1 1 2 2 2 3 3 3 3 3`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const cmds = r.script.commands;
    expect(cmds[0]).toMatchObject({
      kind: 'cluster',
      line: 2,
      config: { nodes: 5, seed: 42, election: { min: 150, max: 300 }, heartbeat: 40, latency: { min: 5, max: 20 }, raft: { batch: 2, probe: 'naive', noop: false } },
    });
    expect(cmds.find((c) => c.kind === 'run' && c.line === 4)).toMatchObject({ ms: 1500 });
    expect(cmds.find((c) => c.kind === 'partition')).toMatchObject({ groups: [['n1', 'n2'], ['n3', 'n4'], ['n5']] });
    expect(cmds.find((c) => c.kind === 'propose')).toMatchObject({ target: 'leader', value: 'hello world' });
    expect(cmds.find((c) => c.kind === 'drop-message')).toMatchObject({ id: 17 });
    expect(cmds.filter((c) => c.kind === 'stabilize').map((c) => c.limit)).toEqual([null, 20]);
    expect(cmds.at(-1)).toMatchObject({ kind: 'expect', check: { what: 'log', node: 'n7' } });
  });

  it('every command survives format then parse unchanged', () => {
    const r = parseScript(`cluster nodes=7 seed=9 election=150-300ms batch=1 probe=naive noop=off
run 2s
run 250ms
step 4
stabilize
stabilize 7
propose leader "a \\"quoted\\" #value"
partition n1,n2 | n3,n4,n5
drop n1 n2 RequestVoteResponse
expect log n1 1 2
expect vote n2 n1
say "n1's \\"timer\\" fires # first"
pause
preset figure7-etcd`);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const ctx = initialContext();
    for (const c of r.script.commands) {
      const again = parseLine(formatCommand(c), c.line, ctx) as Command;
      expect({ ...again, col: c.col }).toEqual(c);
    }
  });

  it('names the line and column of an unknown command, with a suggestion', () => {
    expect(errorsOf('cluster nodes=3\n\n  crsh n1')).toEqual([{ line: 3, col: 3, message: 'unknown command "crsh" (did you mean "crash"?)' }]);
  });

  it('rejects nodes outside the cluster in force at that line', () => {
    const [err] = errorsOf('cluster nodes=3\ncrash n4');
    expect(err).toMatchObject({ line: 2, col: 7 });
    expect(err.message).toContain('n1..n3');
    expect(parseScript('preset figure7\ncrash n7').ok).toBe(true);
  });

  it('requires a cluster before anything else', () => {
    expect(errorsOf('run 1s')[0]).toMatchObject({ line: 1, col: 1, message: expect.stringContaining('cluster') });
  });

  it('explains bad arguments at their column', () => {
    expect(errorsOf('cluster nodes=3\nrun 100')[0]).toMatchObject({ line: 2, col: 5, message: expect.stringContaining('add a unit') });
    expect(errorsOf('cluster nodes=10')[0]).toMatchObject({ line: 1, col: 15, message: expect.stringContaining('between 1 and 9') });
    expect(errorsOf('cluster nodes=3 elektion=1-2ms')[0]).toMatchObject({ col: 17, message: expect.stringContaining('did you mean "election"') });
    expect(errorsOf('cluster election=300-100ms')[0].message).toContain('lower bound');
    expect(errorsOf('cluster nodes=3\nrun 0.5ms')[0].message).toContain('whole milliseconds');
    expect(errorsOf('cluster nodes=3\ncut n1 n1')[0]).toMatchObject({ col: 8 });
    expect(errorsOf('cluster nodes=3\nstep 2 3')[0]).toMatchObject({ col: 8, message: expect.stringContaining('unexpected "3"') });
    expect(errorsOf('cluster nodes=3\npropose n1 "open')[0]).toMatchObject({ col: 12, message: expect.stringContaining('unterminated') });
    expect(errorsOf('cluster nodes=3\npartition n1,n1 | n2')[0].message).toContain('two groups');
    expect(errorsOf('cluster nodes=3\npartition n1,n2')[0].message).toContain('at least two groups');
    expect(errorsOf('cluster nodes=3\nexpect color n1 red')[0].message).toContain('unknown expectation');
    expect(errorsOf('cluster nodes=3\nrun 2h')[0].message).toContain('duration');
    expect(errorsOf('preset figure9')[0].message).toContain('did you mean "figure7"');
  });

  it('reports every bad line, and a script with any error has no commands to run', () => {
    const errs = errorsOf('cluster nodes=3\nfoo\nrun 1s\nbar');
    expect(errs.map((e) => e.line)).toEqual([2, 4]);
  });
});

describe('ScriptParser', () => {
  it('parses in slices to exactly what parseScript gives', () => {
    const texts = [
      '',
      '\uFEFFcluster nodes=3\r\nrun 1s\r\n',
      'cluster nodes=3\ncrash n7\nrun 1s\ncampain n1',
      Array.from({ length: 1_000 }, (_, i) => (i === 0 ? 'cluster nodes=5' : i % 3 ? 'run 5ms' : 'propose leader v')).join('\n'),
      Array.from({ length: 1_000 }, () => 'run 1ms').join('\n'),
    ];
    for (const text of texts) {
      for (const slice of [1, 7, 1_000]) {
        const parser = new ScriptParser(text);
        let calls = 0;
        while (!parser.advance(slice)) calls++;
        expect(calls).toBe(Math.ceil(parser.lineCount / slice) - 1);
        expect(parser.result()).toEqual(parseScript(text));
      }
    }
  });

  it('refuses to give a result before the last line', () => {
    const parser = new ScriptParser('cluster nodes=3\nrun 1s');
    parser.advance(1);
    expect(() => parser.result()).toThrow(/before every line/);
  });
});
