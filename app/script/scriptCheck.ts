/**
 * What is wrong with a script the user wrote, in the words the editor shows:
 * found by the parser while typing, or reported by the worker after Run. Pure,
 * so it runs on the main thread at every pause in typing and is tested alone.
 */
import { parseScript, type ParseResult } from '../../engine/scenario/parse.ts';
import type { LoadResult } from '../worker/protocol.ts';

export interface ScriptProblem {
  /** 1-based; null for a problem that is not at a place in the text (a file too large to open). */
  readonly line: number | null;
  readonly col: number | null;
  readonly message: string;
}

/** The worker refuses a script without commands too, but the user should hear it before pressing Run. */
export const NO_COMMANDS = 'the script has no commands: start it with a "cluster" or "preset" line';

/** Every problem the parser finds, in line order; empty when the script would run. */
export const checkScript = (text: string): ScriptProblem[] => problemsOf(parseScript(text));

/** What a parse found wrong, in the editor's words (the parse may have been done in slices: see checkInSlices.ts). */
export function problemsOf(parsed: ParseResult): ScriptProblem[] {
  // A parser error is a problem as it is (line, column, message): no copy of each of 100,000.
  if (!parsed.ok) return parsed.errors.slice();
  if (parsed.script.commands.length === 0) return [{ line: 1, col: 1, message: NO_COMMANDS }];
  return [];
}

/** What the worker's answer to a Run means for the editor: empty when the script ran to its end. */
export function problemsFromLoad(result: LoadResult): ScriptProblem[] {
  if (!result.ok) return [{ line: result.error.line, col: result.error.col, message: result.error.message }];
  const f = result.failure;
  if (f === null) return [];
  return [{ line: f.line, col: f.col, message: `this check did not hold: expected ${f.expected}, got ${f.actual}. The run stopped here` }];
}

/** `line 3, column 7: unknown command "cluser"`, the way the CLI and the notices place a problem. */
export const describeProblem = (p: ScriptProblem): string => (p.line === null ? p.message : `line ${p.line}, column ${p.col}: ${p.message}`);

/**
 * The lines to mark in the editor's margin, each once, in order: the first
 * `max` of them. Linear in the problems (they come in line order, from the
 * parser or a single worker answer), so 100,000 problems cost milliseconds.
 */
export function problemLines(problems: readonly ScriptProblem[], max = Infinity): number[] {
  const lines = new Set<number>();
  for (const p of problems) {
    if (p.line === null) continue;
    lines.add(p.line);
    if (lines.size >= max) break;
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * The offset in `text` of a 1-based line and column, clamped to the text, so a
 * problem can put the caret where it is even after the text changed.
 */
export function offsetOf(text: string, line: number, col: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(start + Math.max(col - 1, 0), lineEnd);
}

/** How many lines the editor shows for `text`: one more than its newlines. */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
