/**
 * Scripts as .txt files: what a saved file holds, and which opened files the
 * editor accepts. Pure; the browser's side (Blob, download link, File) is in
 * scriptEditing.ts.
 */
import type { ScriptProblem } from './scriptCheck.ts';

/** The same cap as a shared link's script: a longer one could not be shared or saved in the browser anyway. */
export const MAX_SCRIPT_FILE_BYTES = 1_000_000;

export const SAVE_FILE_NAME = 'raftviz-scenario.txt';

/** The first line of a saved file. A comment, so the file runs unchanged in the CLI. */
export const SCRIPT_FILE_HEADER = '# A raftviz scenario. Replay it with `npm run scenario -- <this file>`, or in raftviz with Script > Open .txt';

/** The file Save writes: the header (once, however often a file is opened and saved again), the script, a final newline. */
export function scriptFileText(script: string): string {
  const body = script.startsWith(`${SCRIPT_FILE_HEADER}\n`) || script === SCRIPT_FILE_HEADER ? script : `${SCRIPT_FILE_HEADER}\n${script}`;
  return body.endsWith('\n') ? body : `${body}\n`;
}

/** Refuse a file before reading it, or null if its size is fine. */
export function fileSizeProblem(name: string, bytes: number): ScriptProblem | null {
  if (bytes <= MAX_SCRIPT_FILE_BYTES) return null;
  const size = (n: number) => n.toLocaleString('en');
  return {
    line: null,
    col: null,
    message: `“${name}” is ${size(bytes)} bytes; a script file can be at most ${size(MAX_SCRIPT_FILE_BYTES)} bytes (1 MB)`,
  };
}

/**
 * An opened file's text as the editor holds it, or a problem if it is not text.
 * Editors on other systems write a byte-order mark and CR LF line ends; the
 * textarea would turn CR LF into LF anyway, and a mark would read as an unknown command.
 */
export function scriptFromFile(name: string, raw: string): { ok: true; text: string } | { ok: false; problem: ScriptProblem } {
  if (raw.includes('\u0000')) {
    return { ok: false, problem: { line: null, col: null, message: `“${name}” is not a text file: open a scenario saved as .txt` } };
  }
  return { ok: true, text: raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}
