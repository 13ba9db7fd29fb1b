/**
 * The scenario library's files: every `public/scenarios/*.txt`, bundled into
 * the app at build time (app/content/content.ts), so opening one makes no
 * network request.
 *
 * A library file starts with `#` comment lines: the first is its title (after
 * `# `), the rest, up to the first command, its description. Then come the
 * commands, ending with `expect` lines.
 */
import { PRESETS } from '../../engine/scenario/ast.ts';

export interface LibraryScenario {
  /** The file's stem: `figure7` for `public/scenarios/figure7.txt`. */
  readonly name: string;
  /** What `?scenario=` takes to open this file (see `scenarioParam`). */
  readonly param: string;
  readonly title: string;
  readonly description: string;
  readonly text: string;
}

/** Title and description from a file's leading comment lines. */
export function readHeader(text: string): { title: string; description: string } {
  const comments: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('#')) {
      if (line === '' && comments.length === 0) continue;
      break;
    }
    comments.push(line.replace(/^#\s?/, ''));
  }
  const [title = '', ...rest] = comments;
  // Blank comment lines separate paragraphs; the lines of a paragraph join with spaces.
  const description = rest
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' '))
    .filter(Boolean)
    .join('\n\n');
  return { title: title.trim(), description };
}

/**
 * The `?scenario=` value for a library file. The bare preset names (`figure7`,
 * `figure7-etcd`) always open the preset itself, paused before any command, as
 * they did before the library existed; so a file whose stem is a preset's name
 * is opened with its file name instead (`?scenario=figure7.txt`). Every other
 * file opens by its stem, and any file also by its file name.
 */
export const scenarioParam = (name: string): string => ((PRESETS as readonly string[]).includes(name) ? `${name}.txt` : name);

export function toScenario(path: string, text: string): LibraryScenario {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.txt$/, '');
  const { title, description } = readHeader(text);
  return { name, param: scenarioParam(name), title: title || name, description, text };
}

/** The library scenario a `?scenario=` value names, if any (the caller checks presets first). */
export function findScenario(param: string, library: readonly LibraryScenario[]): LibraryScenario | null {
  const stem = param.endsWith('.txt') ? param.slice(0, -'.txt'.length) : param;
  return library.find((s) => s.name === stem) ?? null;
}
