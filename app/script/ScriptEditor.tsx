/**
 * The script as editable text, with line numbers in a margin. A line with a
 * problem is marked twice: its number in the margin, and a band behind its text.
 * Both layers follow the textarea's scrolling, so the marks stay on their lines.
 * Only the first MAX_MARKED_LINES lines with problems are marked (the list under
 * the editor counts them all), and a draft too long to edit in place is shown
 * read-only (editorLimits.ts): whatever the draft, opening it costs little.
 */
import { useEffect, useMemo, useRef, type CSSProperties, type UIEvent } from 'react';
import { selectDraft, selectProblems, selectRestored, selectRunning, selectStale } from './editorState.ts';
import { useEditorStore } from './useEditorStore.ts';
import { CHECK_DELAY_MS } from './scriptEditing.ts';
import { lineCount, problemLines } from './scriptCheck.ts';
import { MAX_MARKED_LINES, tooLongToEdit } from './editorLimits.ts';
import { LargeDraft } from './LargeDraft.tsx';
import { cssVars } from '../theme/cssVars.ts';
import { useSession } from '../session/useSession.ts';

/** The textarea grows with the script up to this many rows, then scrolls. */
const MAX_ROWS = 18;
const MIN_ROWS = 6;

const atLine = (line: number) => ({ '--line': line }) as CSSProperties;

/** Line numbers per block of the margin (see .script-number-block). */
const NUMBER_BLOCK = 1_000;

function numberBlocks(lines: number): { from: number; text: string; count: number }[] {
  const blocks = [];
  for (let from = 1; from <= lines; from += NUMBER_BLOCK) {
    const to = Math.min(lines, from + NUMBER_BLOCK - 1);
    blocks.push({ from, text: Array.from({ length: to - from + 1 }, (_, i) => from + i).join('\n'), count: to - from + 1 });
  }
  return blocks;
}

export function ScriptEditor() {
  const editor = useSession().editor;
  const draft = useEditorStore(selectDraft);
  const problems = useEditorStore(selectProblems);
  const running = useEditorStore(selectRunning);
  const restored = useEditorStore(selectRestored);
  const stale = useEditorStore(selectStale);
  const gutter = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(() => editor.checkDraft(), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, stale, editor]);

  const tooLong = useMemo(() => tooLongToEdit(draft), [draft]);
  const lines = tooLong === null ? lineCount(draft) : 0;
  const numbers = useMemo(() => numberBlocks(lines), [lines]);
  const marked = useMemo(() => (tooLong === null ? problemLines(problems, MAX_MARKED_LINES).filter((l) => l <= lines) : []), [problems, lines, tooLong]);

  const follow = (e: UIEvent<HTMLTextAreaElement>) => {
    const shift = `translateY(${-e.currentTarget.scrollTop}px)`;
    if (gutter.current) gutter.current.style.transform = shift;
    if (backdrop.current) backdrop.current.style.transform = shift;
  };

  return (
    <>
      {restored ? (
        <p className="script-restored" id="script-help" data-testid="script-restored" role="status">
          This is the draft you were editing before the page was reloaded or closed. It has not run: press <strong>Run</strong> to run it, or{' '}
          <strong>Cancel</strong> to go back to the recorded script.
        </p>
      ) : (
        <p className="muted" id="script-help">
          <strong>Run</strong> replaces the simulation with this script (Ctrl+Enter). Problems are shown as you type.
        </p>
      )}
      {tooLong !== null ? (
        <LargeDraft draft={draft} size={tooLong} />
      ) : (
        <div className="script-editor" data-invalid={marked.length > 0}>
          <div className="script-gutter" aria-hidden="true" style={{ '--digits': String(lines).length } as CSSProperties}>
            <div ref={gutter} className="script-layer">
              <div className="script-numbers">
                {numbers.map((b) => (
                  <span key={b.from} className="script-number-block" style={cssVars({ '--lines': b.count })}>
                    {b.text}
                  </span>
                ))}
              </div>
              {marked.map((l) => (
                <span key={l} className="script-gutter-mark" data-testid="script-error-line" data-line={l} style={atLine(l)}>
                  {l}
                </span>
              ))}
            </div>
          </div>
          <div className="script-text">
            <div className="script-backdrop" aria-hidden="true">
              <div ref={backdrop} className="script-layer">
                {marked.map((l) => (
                  <span key={l} className="script-line-mark" style={atLine(l)} />
                ))}
              </div>
            </div>
            <textarea
              id="script-editor"
              data-testid="script-editor"
              aria-label="Scenario script"
              aria-describedby="script-help script-problems"
              aria-invalid={problems.length > 0}
              value={draft}
              readOnly={running}
              rows={Math.min(Math.max(lines + 1, MIN_ROWS), MAX_ROWS)}
              wrap="off"
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              onChange={(e) => editor.changeDraft(e.currentTarget.value)}
              onScroll={follow}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  editor.runDraft();
                }
              }}
            />
          </div>
        </div>
      )}
    </>
  );
}
