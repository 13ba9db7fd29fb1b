/**
 * What is wrong with the script, under it: each problem by line and column (a
 * click puts the caret there), introduced by where it was found. A live region,
 * so a screen reader hears new problems without losing its place.
 */
import { selectEditing, selectProblems, selectSource, type ProblemSource } from './editorState.ts';
import { useEditorStore } from './useEditorStore.ts';
import { describeProblem, offsetOf, type ScriptProblem } from './scriptCheck.ts';

/** Enough to fix the first few; the rest follow once these are fixed. */
const MAX_SHOWN = 6;

const INTRO: Record<ProblemSource, (n: number) => string> = {
  check: (n) => (n === 1 ? 'This script cannot run yet:' : `This script cannot run yet (${n} problems):`),
  run: () => 'The run stopped early:',
  file: () => 'The file was not opened:',
};

/** Put the caret on the problem, with its line in view. */
function goTo(p: ScriptProblem): void {
  const editor = document.getElementById('script-editor');
  if (!(editor instanceof HTMLTextAreaElement) || p.line === null) return;
  const at = offsetOf(editor.value, p.line, p.col ?? 1);
  editor.focus();
  editor.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (p.line - 3) * lineHeight);
}

export function ScriptProblems() {
  const problems = useEditorStore(selectProblems);
  const source = useEditorStore(selectSource);
  const editing = useEditorStore(selectEditing);
  return (
    <div id="script-problems" aria-live="polite">
      {problems.length > 0 ? (
        <div className="script-error" data-testid="script-error" data-source={source}>
          <p>{INTRO[source](problems.length)}</p>
          <ul>
            {problems.slice(0, MAX_SHOWN).map((p, i) => (
              <li key={i}>
                {p.line !== null && editing ? (
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
          {problems.length > MAX_SHOWN ? <p>…and {problems.length - MAX_SHOWN} more.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
