/**
 * Every scenario file is a test: it must parse, run, and meet all of its `expect`
 * lines. Files live in engine/test/scenarios (engine regression tests) and
 * public/scenarios (the library users open in the browser).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { linearizability, runScript } from '../scenario/run.ts';

const root = join(import.meta.dirname, '..', '..');
const dirs = [join(root, 'engine', 'test', 'scenarios'), join(root, 'public', 'scenarios')];
const files = dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)) : []));

describe('scenario files', () => {
  it('there are scenario files to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const file of files) {
    it(file.slice(root.length + 1), () => {
      const parsed = parseScript(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
      const expects = parsed.script.commands.filter((c) => c.kind === 'expect');
      expect(expects.length).toBeGreaterThan(0);
      const { failure, session } = runScript(parsed.script);
      expect(failure).toBeNull();
      // A scenario that switches a rule off names the invariants it breaks, and breaks no other.
      // Linearizability is a property of the whole client history, checked at the end, not per event.
      const named = new Set(expects.flatMap((c) => (c.check.what === 'violation' ? [c.check.invariant] : [])));
      const linearizable = linearizability(session.cluster!).verdict === 'ok';
      const broken = new Set([...session.cluster!.violations.map((v) => v.invariant), ...(linearizable ? [] : ['Linearizability'])]);
      if (session.config.raft.unsafe.length === 0) expect([...broken]).toEqual([]);
      else {
        expect(named.size).toBeGreaterThan(0);
        expect(broken).toEqual(named);
      }
    });
  }
});
