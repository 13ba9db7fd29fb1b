/**
 * `npm run scenario -- <file|-> [--json] [--trace] [--shiviz <out.log>] [--trace-json <out.json>] [--history-edn <out.edn>]`:
 * run a scenario in Node.
 *
 * Exit codes: 0 when every expect holds, 1 when one fails, 2 when the script is
 * malformed or unreadable, or the command line is wrong (an unknown option, or an
 * export path that cannot be written: checked before the run, so nothing runs for
 * files that could not be saved).
 *
 * The exports (engine/export/) come from the same run as the table: the run stops
 * at a failed expect, and the files then hold the run up to it, which is what is
 * needed to see why it failed. The EDN history is the client history of the
 * cluster standing at the end (the last `cluster` or `preset` line's).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parseScript } from '../scenario/parse.ts';
import { newSession, runScript } from '../scenario/run.ts';
import { formatTable, report } from '../scenario/report.ts';
import { traceLine } from '../describe.ts';
import type { EventRecord } from '../events.ts';
import type { Command } from '../scenario/ast.ts';
import { ignore, type Emit } from '../sim/simulator.ts';
import { RunLogger } from '../export/runLog.ts';
import { toShiViz } from '../export/shiviz.ts';
import { toTraceJson } from '../export/traceJson.ts';
import { historyToEdn } from '../export/historyEdn.ts';
import { historyOf } from '../scenario/run.ts';

const USAGE = 'usage: npm run scenario -- <file|-> [--json] [--trace] [--shiviz <out.log>] [--trace-json <out.json>] [--history-edn <out.edn>]';

const SWITCHES = new Set(['--json', '--trace', '--help']);
const EXPORTS = ['--shiviz', '--trace-json', '--history-edn'] as const;
/** The exports written from the run's vector-clocked logs (the EDN history needs only the final state). */
const CLOCKED: readonly ExportFlag[] = ['--shiviz', '--trace-json'];
type ExportFlag = (typeof EXPORTS)[number];

interface Args {
  readonly switches: ReadonlySet<string>;
  readonly files: readonly string[];
  readonly exports: Partial<Record<ExportFlag, string>>;
}

/** The command line, or what is wrong with it. An export's path follows its flag (`--shiviz out.log`) or is joined to it (`--shiviz=out.log`). */
function parseArgs(argv: readonly string[]): Args | string {
  const switches = new Set<string>();
  const files: string[] = [];
  const exports: Partial<Record<ExportFlag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const [name, joined] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const flag = EXPORTS.find((f) => f === name);
    if (flag !== undefined) {
      const path = joined ?? argv[++i];
      if (path === undefined || path === '' || path.startsWith('--')) return `${flag} needs a file path`;
      if (path === '-') return `${flag} writes a file: give a path, not -`;
      if (exports[flag] !== undefined) return `${flag} given twice`;
      exports[flag] = path;
    } else if (SWITCHES.has(a)) switches.add(a);
    else return `unknown option ${a}`;
  }
  for (let i = 0; i < EXPORTS.length; i++) {
    for (let j = i + 1; j < EXPORTS.length; j++) {
      const a = exports[EXPORTS[i]];
      if (a !== undefined && a === exports[EXPORTS[j]]) return `${EXPORTS[i]} and ${EXPORTS[j]} need different files`;
    }
  }
  return { switches, files, exports };
}

/** Why a path cannot be written, in words, with the system's message for the record. */
function cannotWrite(flag: string, path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT' ? 'its directory does not exist'
    : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied'
    : err.code === 'EISDIR' ? 'it is a directory'
    : err.code === 'ENOTDIR' ? 'a part of its path is not a directory'
    : err.code === 'EROFS' ? 'the file system is read-only'
    : 'the system refused';
  return `cannot write ${path} (${flag}): ${why} (${err.message})\n`;
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const flags = args.switches;
  if (flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.files.length !== 1) {
    process.stderr.write(`${args.files.length === 0 ? 'no scenario file given' : 'give exactly one scenario file'}\n${USAGE}\n`);
    return 2;
  }
  const file = args.files[0];
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
  // Open the export files before the run: a path that cannot be written is a wrong command line, found at once.
  const outputs: { flag: ExportFlag; path: string; fd: number }[] = [];
  for (const flag of EXPORTS) {
    const path = args.exports[flag];
    if (path === undefined) continue;
    try {
      outputs.push({ flag, path, fd: openSync(path, 'w') });
    } catch (e) {
      for (const o of outputs) closeSync(o.fd);
      process.stderr.write(cannotWrite(flag, path, e));
      return 2;
    }
  }

  const json = flags.has('--json');
  // With --json, stdout carries exactly one JSON document, so the trace goes to stderr.
  const traceOut = json ? process.stderr : process.stdout;
  const trace = flags.has('--trace');
  const traceEmit: Emit = trace ? (r: EventRecord) => void traceOut.write(`${traceLine(r)}\n`) : ignore;
  const caption = (cmd: Command): void => {
    if (trace && cmd.kind === 'say') traceOut.write(`${' '.repeat(17)}say: ${cmd.text}\n`);
    else if (trace && cmd.kind === 'pause') traceOut.write(`${' '.repeat(17)}-- pause --\n`);
  };
  const session = newSession();
  // Only a run that exports watches for vector clocks; any other runs exactly as before.
  const logger = outputs.some((o) => CLOCKED.includes(o.flag)) ? new RunLogger(session, traceEmit) : null;
  const emit = logger?.emit ?? traceEmit;
  const before = (cmd: Command): void => {
    logger?.notice();
    caption(cmd);
  };

  const start = performance.now();
  const { failure } = runScript(parsed.script, emit, session, before);
  const wallMs = Math.round((performance.now() - start) * 100) / 100;
  const s = session.cluster!;
  if (json) process.stdout.write(`${JSON.stringify(report(s, wallMs))}\n`);
  else process.stdout.write(`${formatTable(s)}\n`);

  let written = true;
  const logs = logger?.finish() ?? [];
  const fileText = (flag: ExportFlag): string =>
    flag === '--shiviz' ? toShiViz(logs) : flag === '--trace-json' ? `${JSON.stringify(toTraceJson(logs))}\n` : historyToEdn(historyOf(s));
  for (const o of outputs) {
    try {
      writeSync(o.fd, fileText(o.flag));
    } catch (e) {
      process.stderr.write(cannotWrite(o.flag, o.path, e));
      written = false;
    } finally {
      closeSync(o.fd);
    }
  }
  if (failure) {
    process.stderr.write(
      `${name}:${failure.line}:${failure.col}: ${failure.command} failed: expected ${failure.expected}, got ${failure.actual}\n`,
    );
  }
  if (!written) return 2;
  return failure ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
