/**
 * The Script panel's own state: whether the user is editing, the draft, and what
 * is wrong with it. Nothing else on the page needs it, so it is a small store of
 * its own rather than a slice of the page's store: one per session, made and
 * changed only by scriptEditing.ts, read with useEditorStore.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScriptProblem } from './scriptCheck.ts';

/** Where the problems on show come from, which decides how the panel introduces them. */
export type ProblemSource = 'check' | 'run' | 'file';

export interface EditorState {
  readonly editing: boolean;
  readonly draft: string;
  /** What the editor was opened with, to tell whether Cancel would throw work away. */
  readonly seed: string;
  /** The text `problems` describe. When the draft differs, it is checked again after a pause in typing. */
  readonly checked: string | null;
  readonly problems: readonly ScriptProblem[];
  readonly source: ProblemSource;
  /** Run was pressed and the worker has not answered yet. */
  readonly running: boolean;
  /** The draft came back after a reload (ScriptEditing.restoreDraft), and has not run. */
  readonly restored: boolean;
  /** A draft that Cancel or Open replaced, kept so one click brings it back. */
  readonly setAside: string | null;
  /** The simulation was playing when Edit paused it; Cancel resumes it. */
  readonly resumeOnCancel: boolean;
  /** The last script that ran to its end, and where: the panel says so while the simulation is still there. */
  readonly ran: { readonly label: string; readonly time: number; readonly event: number } | null;
}

function initialState(): EditorState {
  return {
    editing: false,
    draft: '',
    seed: '',
    checked: null,
    problems: [],
    source: 'check',
    running: false,
    restored: false,
    setAside: null,
    resumeOnCancel: false,
    ran: null,
  };
}

export type EditorStore = StoreApi<EditorState>;

/** A fresh editor, closed; the draft a reload left comes later (ScriptEditing.restoreDraft). */
export const createEditorStore = (): EditorStore => createStore<EditorState>()(initialState);

export const selectEditing = (s: EditorState) => s.editing;
export const selectDraft = (s: EditorState) => s.draft;
export const selectProblems = (s: EditorState) => s.problems;
export const selectSource = (s: EditorState) => s.source;
export const selectRunning = (s: EditorState) => s.running;
export const selectRestored = (s: EditorState) => s.restored;
export const selectSetAside = (s: EditorState) => s.setAside;
export const selectRan = (s: EditorState) => s.ran;
/** The draft has changed since its problems were found. */
export const selectStale = (s: EditorState) => s.checked !== s.draft;
