/**
 * The live recording. A script of up to BLOCK_LINES lines is drawn one element
 * per line (`data-line`, 1-based), so a line can be pointed at.
 *
 * A longer one (a link can carry 10,000 lines or more) is drawn in blocks of
 * BLOCK_LINES lines, each one text (`data-first-line` says where it starts).
 * With an element per line, opening such a run built 10,000 elements in one
 * task, every snapshot while playing compared them all, and every frame's
 * paint walked them. Now a block whose lines did not change skips rendering,
 * and a block scrolled out of the panel's view is skipped by the browser's
 * layout and paint (`content-visibility`, script.css). The text is the same
 * either way: it reads, selects and copies exactly as the script.
 */
import { memo, type JSX } from 'react';
import { useAppStore } from '../store/useAppStore.ts';
import { selectScript } from '../store/selectors.ts';
import { cssVars } from '../theme/cssVars.ts';

export const BLOCK_LINES = 200;

/** While playing, only the last line changes (runs merge); every other line skips rendering. */
const Line = memo(function Line({ n, text }: { n: number; text: string }) {
  return <span data-line={n}>{text}</span>;
});

interface BlockProps {
  /** The whole script, so a block knows whether it holds the last line (which has no newline). */
  readonly lines: readonly string[];
  readonly from: number;
  readonly to: number;
}

/** Unchanged lines are the same strings from one snapshot to the next (recording.ts), so this compares by identity. */
function sameBlock(a: BlockProps, b: BlockProps): boolean {
  if (a.from !== b.from || a.to !== b.to || (a.to === a.lines.length) !== (b.to === b.lines.length)) return false;
  for (let i = a.from; i < a.to; i++) if (a.lines[i] !== b.lines[i]) return false;
  return true;
}

/** Lines [from, to), 0-based. */
const Block = memo(function Block({ lines, from, to }: BlockProps) {
  const text = lines.slice(from, to).join('\n') + (to < lines.length ? '\n' : '');
  return (
    <span className="script-block" data-first-line={from + 1} style={cssVars({ '--lines': to - from })}>
      {text}
    </span>
  );
}, sameBlock);

export function RecordedScript() {
  const script = useAppStore(selectScript);
  const body: JSX.Element[] = [];
  if (script.length <= BLOCK_LINES) {
    // The newline sits inside the line, so the text reads (and copies) exactly as the script.
    script.forEach((line, i) => body.push(<Line key={i} n={i + 1} text={i < script.length - 1 ? `${line}\n` : line} />));
  } else {
    for (let from = 0; from < script.length; from += BLOCK_LINES) {
      body.push(<Block key={from} lines={script} from={from} to={Math.min(script.length, from + BLOCK_LINES)} />);
    }
  }
  return (
    <pre data-testid="script" className="script-recorded" aria-label="Recorded script" tabIndex={0}>
      {body}
    </pre>
  );
}
