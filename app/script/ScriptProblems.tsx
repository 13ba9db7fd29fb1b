/**
 * What is wrong with the script, under it: each problem by line and column (a
 * click puts the caret there), introduced by where it was found. A live region,
 * so a screen reader hears new problems without losing its place.
 */
import { useMemo } from 'react';
import { selectDraft, selectEditing, selectProblems, selectSource, type ProblemSource } from './editorState.ts';
import { useEditorStore } from './useEditorStore.ts';
import { describeProblem, offsetOf, problemLines, type ScriptProblem } from './scriptCheck.ts';
import { MAX_MARKED_LINES, tooLongToEdit } from './editorLimits.ts';

/** Enough to fix the first few; the rest follow once these are fixed. */
const MAX_SHOWN = 6;

const count = (n: number): string => n.toLocaleString('en');

const INTRO: Record<ProblemSource, (n: number) => string> = {
  check: (n) => (n === 1 ? 'This script cannot run yet:' : `This script cannot run yet (${count(n)} problems):`),
  run: () => 'The run stopped early:',
  file: () => 'The file was not opened:',
};

/** The textarea, if the draft is in one (a draft too long to edit is shown read-only instead). */
const textarea = (): HTMLTextAreaElement | null => {
  const editor = document.getElementById('script-editor');
  return editor instanceof HTMLTextAreaElement ? editor : null;
};

/** Put the caret on the problem, with its line in view. */
function goTo(p: ScriptProblem): void {
  const editor = textarea();
  if (editor === null || p.line === null) return;
  const at = offsetOf(editor.value, p.line, p.col ?? 1);
  editor.focus();
  editor.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (p.line - 3) * lineHeight);
}

export function ScriptProblems() {
  const problems = useEditorStore(selectProblems);
  const source = useEditorStore(selectSource);
  // A place in the text is a button only where there is a textarea to put the caret in.
  const editing = useEditorStore(selectEditing);
  const draft = useEditorStore(selectDraft);
  // Counting a long draft's lines is not free: once per draft, not at every store change.
  const tooLong = useMemo(() => tooLongToEdit(draft), [draft]);
  const inTextarea = editing && tooLong === null;
  return (
    <div id="script-problems" aria-live="polite">
      {problems.length > 0 ? (
        <div className="script-error" data-testid="script-error" data-source={source}>
          <p>{INTRO[source](problems.length)}</p>
          <ul>
            {problems.slice(0, MAX_SHOWN).map((p, i) => (
              <li key={i}>
                {p.line !== null && inTextarea ? (
                  <>
                    <button className="script-link" onClick={() => goTo(p)} title="Put the cursor there">
                      line {p.line}, column {p.col}
                    </button>
                    : {p.message}
                  </>
                ) : (
                  describeProblem(p)
                )}
              </li>
            ))}
          </ul>
          {problems.length > MAX_SHOWN ? <p>…and {count(problems.length - MAX_SHOWN)} more.</p> : null}
          {inTextarea && problemLines(problems, MAX_MARKED_LINES + 1).length > MAX_MARKED_LINES ? (
            <p className="script-marks-capped">The margin marks the first {MAX_MARKED_LINES} lines with problems.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
