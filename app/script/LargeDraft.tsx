/**
 * A draft too long to edit in place (editorLimits.ts), shown read-only: in
 * blocks of lines that the browser lays out and paints only when scrolled into
 * view (content-visibility, script.css), so 100,000 lines cost what a screenful
 * does. It reads, selects and copies exactly as the draft.
 */
import { useDeferredValue, useMemo } from 'react';
import { cssVars } from '../theme/cssVars.ts';
import { tooLongText, type DraftSize } from './editorLimits.ts';
import { textBlocks } from './textBlocks.ts';

const BLOCK_LINES = 250;

export function LargeDraft({ draft, size }: { draft: string; size: DraftSize }) {
  // Drawn in a render of its own, after the page's first: on a reload, the page appears without waiting for it.
  const shown = useDeferredValue(draft, '');
  const blocks = useMemo(() => textBlocks(shown, BLOCK_LINES), [shown]);
  return (
    <>
      <p className="script-too-long" data-testid="script-too-long" role="status">
        {tooLongText(size)}
      </p>
      <pre className="script-large" data-testid="script-large" aria-label="Scenario script (read-only)" tabIndex={0}>
        {blocks.map((b) => (
          <span key={b.from} className="script-large-block" data-first-line={b.from} style={cssVars({ '--lines': b.count })}>
            {b.text}
          </span>
        ))}
      </pre>
    </>
  );
}
