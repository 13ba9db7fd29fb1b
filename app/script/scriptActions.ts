/**
 * What the Script panel's buttons do: edit the script, run it (it replaces the
 * simulation), open a .txt file, save one. The editor's state lives in
 * editorState.ts; the simulation is changed only through `openScript`.
 */
import { useStore } from '../store/store.ts';
import { openScript } from '../sim/simulation.ts';
import { pause, play } from '../sim/actions.ts';
import { startSaving } from '../share/runSaver.ts';
import { downloadText } from '../export/download.ts';
import { browserStorage } from '../share/savedRun.ts';
import type { LoadResult } from '../worker/protocol.ts';
import { useEditor, type EditorState } from './editorState.ts';
import { clearDraft, writeDraft } from './draftStorage.ts';
import { problemsFromLoad, type ScriptProblem } from './scriptCheck.ts';
import { checkInSlices } from './checkInSlices.ts';
import { fileSizeProblem, SAVE_FILE_NAME, scriptFileText, scriptFromFile } from './scriptFile.ts';

/** How long typing must pause before the draft is checked (and kept in localStorage). */
export const CHECK_DELAY_MS = 200;

const editor = () => useEditor.getState();
const set = (patch: Partial<EditorState>) => useEditor.setState(patch);

/**
 * The last script that ran to its end, and the recording it produced. The
 * recording drops comments and `expect` lines; while it is still what is on
 * screen, Edit and Save use the user's own text instead.
 */
let lastRun: { text: string; recording: string } | null = null;
/** Numbers each Run, so an answer to an earlier one is ignored. */
let runs = 0;
/**
 * The check under way (checkInSlices.ts: a long draft takes several tasks):
 * the text it checks, how to stop it, and the label to run the text under once
 * it is found to have no problems (Run, or a file opened), if any.
 */
let checking: { readonly text: string; readonly cancel: () => void; runAs: string | null } | null = null;

function stopChecking(): void {
  checking?.cancel();
  checking = null;
}

/** Check `text`, the draft, without blocking the page; then show its problems, or run it as `runAs` if it has none. */
function check(text: string, runAs: string | null): void {
  if (checking?.text === text) {
    checking.runAs ??= runAs;
    return;
  }
  stopChecking();
  const cancel = checkInSlices(text, (problems) => {
    const then = checking?.runAs ?? null;
    checking = null;
    const s = editor();
    if (!s.editing || s.running || s.draft !== text) return;
    set({ checked: text, problems, source: 'check' });
    if (then !== null && problems.length === 0) runText(text, then);
  });
  checking = { text, cancel, runAs };
}

/** The script on screen: the user's own text if the recording is still the one it produced. */
function currentScript(): string {
  const recording = useStore.getState().script.join('\n');
  return lastRun !== null && lastRun.recording === recording ? lastRun.text : recording;
}

/** A draft that would be thrown away, worth keeping for one click: one the user changed. */
function discardable(s: EditorState): string | null {
  return s.editing && s.draft !== s.seed && s.draft.trim() !== '' ? s.draft : null;
}

/** Open the editor on the script on screen. The simulation pauses, so the script and the picture stay together. */
export function startEditing(): void {
  const wasPlaying = useStore.getState().playing;
  pause();
  const text = currentScript();
  set({ editing: true, draft: text, seed: text, checked: null, problems: [], source: 'check', restored: false, setAside: null, resumeOnCancel: wasPlaying, ran: null });
  writeDraft(browserStorage(), text);
}

export function changeDraft(text: string): void {
  const s = editor();
  if (s.running) return;
  // A worker's answer or a file's problem was about the text as it was; the check after the next pause replaces it.
  if (s.source !== 'check') set({ draft: text, problems: [], source: 'check' });
  else set({ draft: text });
}

/** After a pause in typing: find the draft's problems, and keep it in case the page goes away. */
export function checkDraft(): void {
  const { editing, draft, checked } = editor();
  if (!editing || draft === checked) return;
  check(draft, null);
  writeDraft(browserStorage(), draft);
}

/** Back to the live script. The draft is kept aside, in case Cancel was a slip. */
export function cancelEditing(): void {
  const s = editor();
  if (s.running) return;
  stopChecking();
  set({ editing: false, problems: [], restored: false, setAside: discardable(s) ?? s.setAside });
  clearDraft(browserStorage());
  if (s.resumeOnCancel) play();
}

/** Bring back the draft Cancel or Open put aside (swapping it with the one in the editor, if any). */
export function reopenSetAside(): void {
  const s = editor();
  if (s.setAside === null || s.running) return;
  if (!s.editing) pause();
  const text = s.setAside;
  set({ editing: true, draft: text, seed: text, checked: null, problems: [], source: 'check', restored: false, setAside: discardable(s), resumeOnCancel: false });
  writeDraft(browserStorage(), text);
}

/** Run the draft: refused here, with its problems, unless it parses. */
export function runDraft(): void {
  const { draft, running, checked, source, problems } = editor();
  if (running) return;
  // Checked already (the problems on show are the parser's, about this very text): no need to parse it again.
  if (checked === draft && source === 'check') {
    if (problems.length === 0) runText(draft, 'Your script');
    return;
  }
  check(draft, 'Your script');
}

/** Replace the simulation with `text`, which parses. `label` names it in the page's notices. */
function runText(text: string, label: string): void {
  const run = ++runs;
  stopChecking();
  set({ running: true, checked: text, problems: [], source: 'run', ran: null });
  startSaving();
  openScript({ text, label, reportsOwnProblems: true, then: (result) => finishRun(run, text, label, result) });
}

function finishRun(run: number, text: string, label: string, result: LoadResult): void {
  if (run !== runs) return;
  const problems = problemsFromLoad(result);
  if (!result.ok || problems.length > 0) return set({ running: false, checked: text, problems, source: 'run' });
  lastRun = { text, recording: useStore.getState().script.join('\n') };
  set({ editing: false, running: false, problems: [], restored: false, ran: { label, time: result.time, event: result.event } });
  clearDraft(browserStorage());
}

// A load the page gave up on (it ran too long, or the worker failed) is never answered: stop waiting for it.
useStore.subscribe((s, prev) => {
  if (s.loading !== null || prev.loading === null) return;
  const run = runs;
  // An answered load clears `loading` just before its answer is handed over, in the same task.
  queueMicrotask(() => {
    if (run !== runs || !editor().running) return;
    runs++;
    set({ running: false, problems: [{ line: null, col: null, message: 'the run was stopped before it finished (the message at the top of the page says why). Your script is still here' }], source: 'run' });
  });
});

/**
 * Open a .txt file in the editor, and run it if it parses. A file that cannot
 * be opened leaves everything as it was; one that does not parse stays in the
 * editor, with its problems, to be fixed.
 */
export async function openScriptFile(file: File): Promise<void> {
  if (editor().running) return;
  const refuse = (problem: ScriptProblem) => set({ problems: [problem], source: 'file', checked: editor().editing ? editor().draft : null, ran: null });
  const tooLarge = fileSizeProblem(file.name, file.size);
  if (tooLarge !== null) return refuse(tooLarge);
  let raw: string;
  try {
    raw = await file.text();
  } catch (e) {
    return refuse({ line: null, col: null, message: `“${file.name}” could not be read (${(e as Error).message})` });
  }
  const read = scriptFromFile(file.name, raw);
  if (!read.ok) return refuse(read.problem);
  const s = editor();
  if (s.running) return;
  if (!s.editing) pause();
  const text = read.text;
  set({
    editing: true,
    draft: text,
    seed: text,
    checked: null,
    problems: [],
    source: 'check',
    restored: false,
    setAside: discardable(s) ?? s.setAside,
    resumeOnCancel: false,
  });
  writeDraft(browserStorage(), text);
  // It runs once checked, unless it has problems: then it stays in the editor with them.
  check(text, `“${file.name}”`);
}

/** Download the script (the draft while editing) as a .txt file that runs unchanged in `npm run scenario`. */
export function saveScriptFile(): void {
  const s = editor();
  const text = s.editing ? s.draft : currentScript();
  if (text.trim() === '') return;
  downloadText(scriptFileText(text), SAVE_FILE_NAME);
}

// A reload or a closed tab may come before the pause in typing that would have saved the draft.
window.addEventListener('pagehide', () => {
  const { editing, draft } = editor();
  if (editing) writeDraft(browserStorage(), draft);
});
