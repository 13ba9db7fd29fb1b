/**
 * `npm run scenario -- <file|-> [--json] [--trace]`: run a scenario in Node.
 * Exit codes: 0 when every expect holds, 1 when one fails, 2 when the script is
 * malformed or unreadable (or the command line is wrong).
 */
import { readFileSync } from 'node:fs';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';
import { formatTable, report } from '../scenario/report.ts';
import { traceLine } from '../describe.ts';
import type { EventRecord } from '../events.ts';
import type { Command } from '../scenario/ast.ts';
import { ignore } from '../sim/simulator.ts';

const USAGE = 'usage: npm run scenario -- <file|-> [--json] [--trace]';

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const files = argv.filter((a) => !a.startsWith('--') || a === '-');
  for (const f of flags) {
    if (f !== '--json' && f !== '--trace' && f !== '--help') {
      process.stderr.write(`unknown option ${f}\n${USAGE}\n`);
      return 2;
    }
  }
  if (flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (files.length !== 1) {
    process.stderr.write(`${files.length === 0 ? 'no scenario file given' : 'give exactly one scenario file'}\n${USAGE}\n`);
    return 2;
  }
  const file = files[0];
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`${name}: cannot read: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseScript(text);
  if (!parsed.ok) {
    for (const e of parsed.errors) process.stderr.write(`${name}:${e.line}:${e.col}: ${e.message}\n`);
    return 2;
  }
  if (parsed.script.commands.length === 0) {
    process.stderr.write(`${name}: the scenario has no commands\n`);
    return 2;
  }
  const json = flags.has('--json');
  // With --json, stdout carries exactly one JSON document, so the trace goes to stderr.
  const traceOut = json ? process.stderr : process.stdout;
  const emit = flags.has('--trace') ? (r: EventRecord) => void traceOut.write(`${traceLine(r)}\n`) : ignore;
  const start = performance.now();
  const trace = flags.has('--trace');
  const caption = (cmd: Command): void => {
    if (trace && cmd.kind === 'say') traceOut.write(`${' '.repeat(17)}say: ${cmd.text}\n`);
    else if (trace && cmd.kind === 'pause') traceOut.write(`${' '.repeat(17)}-- pause --\n`);
  };
  const { session, failure } = runScript(parsed.script, emit, undefined, caption);
  const wallMs = Math.round((performance.now() - start) * 100) / 100;
  const s = session.cluster!;
  if (json) process.stdout.write(`${JSON.stringify(report(s, wallMs))}\n`);
  else process.stdout.write(`${formatTable(s)}\n`);
  if (failure) {
    process.stderr.write(
      `${name}:${failure.line}:${failure.col}: ${failure.command} failed: expected ${failure.expected}, got ${failure.actual}\n`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
