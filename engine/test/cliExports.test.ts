/** The runner's exports, run as users run it: a child process writing real files to a temporary directory. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRun } from '../export/exportRun.ts';
import { SHIVIZ_PARSER } from '../export/shiviz.ts';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'engine', 'cli', 'scenarioCli.ts');

function run(args: string[], opts: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(tsx, [cli, ...args], { input: opts.input, encoding: 'utf8', cwd: opts.cwd ?? root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'raftviz-exports-'));
const SCRIPT = 'cluster nodes=3 seed=5\ncampaign n1\nstabilize\npropose leader x\nrun 300ms\nexpect leader n1\n';
const script = join(dir, 'ok.txt');
writeFileSync(script, SCRIPT);

/** Ends with c1's request and the reply to c2 in flight. */
const CLIENTS = `cluster nodes=3 clients=2 seed=3
campaign n1
stabilize
client c1 put x 1
client c2 get x
run 60ms
client c1 append x 2
run 5ms
expect linearizable
`;

describe('npm run scenario -- --shiviz --trace-json --history-edn', { timeout: 30_000 }, () => {
  it('writes both files, the same as exportRun gives, and still prints the table; exit 0', () => {
    const log = join(dir, 'out.log');
    const json = join(dir, 'out.json');
    const r = run([script, '--shiviz', log, `--trace-json=${json}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^node\s+role\s+term/);
    const expected = exportRun(SCRIPT);
    expect(readFileSync(log, 'utf8')).toBe(expected.shiviz);
    expect(readFileSync(log, 'utf8').split('\n')[0]).toBe(SHIVIZ_PARSER);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(expected.trace);
  });

  it('with --json and --trace, stdout is still one JSON document and the files are written', () => {
    const log = join(dir, 'with-json.log');
    const r = run([script, '--json', '--trace', '--shiviz', log]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).leader).toBe('n1');
    expect(r.stderr).toContain('n1 became leader at term 1');
    expect(readFileSync(log, 'utf8')).toBe(exportRun(SCRIPT).shiviz);
  });

  it('--history-edn writes the client history as Jepsen EDN, the same as exportRun gives', () => {
    const edn = join(dir, 'history.edn');
    const r = run(['-', `--history-edn=${edn}`], { input: CLIENTS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(edn, 'utf8');
    expect(text).toBe(exportRun(CLIENTS).historyEdn);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\{:type :invoke, :f :put, :value \["x" "1"\], :process 0, :time \d+, :index 0\}$/);
    // c1's put was answered; c2's get and c1's append are still out at the end: each is invoked, then :info at the end.
    expect(lines.map((l) => /:type :(\w+) :f :(\w+)/.exec(l.replace(',', ''))!.slice(1).join(' '))).toEqual([
      'invoke put', 'invoke get', 'ok put', 'invoke append', 'info get', 'info append',
    ]);
    expect(lines.at(-1)).toMatch(/^\{:type :info, :f :append, :value \["x" "2"\], :process 0, /);
    expect(lines[1]).toMatch(/^\{:type :invoke, :f :get, :value \["x" nil\], :process 1, /);
    lines.forEach((l, i) => expect(l).toContain(`:index ${i}}`));
  });

  it('a run without clients writes an empty EDN history', () => {
    const edn = join(dir, 'empty.edn');
    expect(run([script, '--history-edn', edn]).code).toBe(0);
    expect(readFileSync(edn, 'utf8')).toBe('');
  });

  it('client messages carry the same fields in --json (in flight) and in the JSON trace', () => {
    const json = join(dir, 'clients.json');
    const r = run(['-', '--json', '--trace-json', json], { input: CLIENTS });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const trace = JSON.parse(readFileSync(json, 'utf8'));
    const flying = doc.inFlight.filter((m: { type: string }) => m.type === 'ClientRequest' || m.type === 'ClientReply');
    expect(flying.map((m: { type: string }) => m.type).sort()).toEqual(['ClientReply', 'ClientRequest']);
    for (const m of flying) {
      const sent = trace.runs[0].nodeEvents.find((e: { kind: string; message?: { id: number } }) => e.kind === 'send' && e.message!.id === m.id);
      const { sentAt, arrivesAt, seq, ...fields } = m;
      expect([sentAt, arrivesAt, seq].every((n) => typeof n === 'number')).toBe(true);
      expect(sent.message).toEqual(fields);
    }
  });

  it('a failed expect still writes the run up to it, and exits 1', () => {
    const json = join(dir, 'failed.json');
    const r = run(['-', '--trace-json', json], { input: 'cluster nodes=3 seed=5\nrun 1s\nexpect term n1 99\nrun 5s\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<stdin>:3:1: expect term n1 99 failed');
    const trace = JSON.parse(readFileSync(json, 'utf8'));
    expect(trace.version).toBe(1);
    expect(Math.max(...trace.runs[0].records.map((x: { time: number }) => x.time))).toBeLessThanOrEqual(1000);
  });

  it('an unwritable path exits 2 before running, and says which flag and why', () => {
    const edn = run([script, '--history-edn', join(dir, 'no', 'such', 'dir', 'out.edn')]);
    expect(edn.code).toBe(2);
    expect(edn.stderr).toMatch(/cannot write .*out\.edn \(--history-edn\): its directory does not exist/);
    const missingDir = run([script, '--shiviz', join(dir, 'no', 'such', 'dir', 'out.log')]);
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr).toMatch(/cannot write .*out\.log \(--shiviz\): its directory does not exist/);
    expect(missingDir.stdout).toBe('');
    const aDir = join(dir, 'a-directory');
    mkdirSync(aDir, { recursive: true });
    const isDir = run([script, '--trace-json', aDir]);
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toMatch(/cannot write .*a-directory \(--trace-json\): it is a directory/);
    // The other file, which could be written, is not left half made: the run never started.
    const both = run([script, '--shiviz', join(dir, 'fine.log'), '--trace-json', aDir]);
    expect(both.code).toBe(2);
    expect(readFileSync(join(dir, 'fine.log'), 'utf8')).toBe('');
  });

  it('a missing or repeated path, or "-", is a usage error: exit 2', () => {
    for (const [args, message] of [
      [[script, '--shiviz'], '--shiviz needs a file path'],
      [[script, '--shiviz', '--json'], '--shiviz needs a file path'],
      [[script, '--trace-json', '-'], '--trace-json writes a file: give a path, not -'],
      [[script, '--shiviz', 'a.log', '--shiviz', 'b.log'], '--shiviz given twice'],
      [[script, '--shiviz', 'same', '--trace-json', 'same'], 'need different files'],
      [[script, '--trace-json', 'same', '--history-edn', 'same'], '--trace-json and --history-edn need different files'],
      [[script, '--history-edn'], '--history-edn needs a file path'],
    ] as const) {
      const r = run([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('usage: npm run scenario');
    }
    expect(existsSync(join(root, 'a.log'))).toBe(false);
  });

  it('runs from another directory with a relative script path, as another project would call it', () => {
    const other = mkdtempSync(join(tmpdir(), 'raftviz-other-project-'));
    writeFileSync(join(other, 'my.txt'), SCRIPT);
    const r = spawnSync(tsx, [cli, 'my.txt', '--shiviz', 'out/run.log'], { encoding: 'utf8', cwd: other });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('its directory does not exist');
    mkdirSync(join(other, 'out'));
    const ok = spawnSync(tsx, [cli, 'my.txt', '--shiviz', 'out/run.log'], { encoding: 'utf8', cwd: other });
    expect(ok.status).toBe(0);
    expect(readFileSync(join(other, 'out', 'run.log'), 'utf8')).toBe(exportRun(SCRIPT).shiviz);
  });
});
