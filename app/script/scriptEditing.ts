/**
 * What the Script panel's buttons do: edit the script, run it (it replaces the
 * simulation), open a .txt file, save one. One per session; its state is the
 * editor store (editorState.ts), and it changes the simulation only through
 * its host's `openScript`.
 */
import type { AppStore } from '../store/store.ts';
import type { ScriptRequest } from '../sim/loadNotice.ts';
import { downloadText } from '../export/download.ts';
import type { LoadResult } from '../worker/protocol.ts';
import { createEditorStore, type EditorState, type EditorStore } from './editorState.ts';
import type { KeptData } from '../storage/keptData.ts';
import { keepFailureReason } from '../storage/keepFailure.ts';
import { problemsFromLoad, type ScriptProblem } from './scriptCheck.ts';
import { checkInSlices, createSliceClock, type SliceClock } from './checkInSlices.ts';
import { fileSizeProblem, SAVE_FILE_NAME, scriptFileText, scriptFromFile } from './scriptFile.ts';

/** How long typing must pause before the draft is checked (and kept, app/storage/keptData.ts). */
export const CHECK_DELAY_MS = 200;

/** What the editor needs of the page's session (app/session/session.ts). */
export interface ScriptHost {
  readonly store: AppStore;
  openScript(request: ScriptRequest): void;
  startSaving(): void;
  /** Call `then` once the run on screen is saved (RunSaver.whenSaved). */
  whenRunSaved(then: () => void): void;
  /** Where the draft is kept between visits. */
  readonly kept: KeptData;
  play(): void;
  pause(): void;
}

/** A draft that would be thrown away, worth keeping for one click: one the user changed. */
function discardable(s: EditorState): string | null {
  return s.editing && s.draft !== s.seed && s.draft.trim() !== '' ? s.draft : null;
}

export class ScriptEditing {
  readonly store: EditorStore = createEditorStore();
  /**
   * The last script that ran to its end, and the recording it produced. The
   * recording drops comments and `expect` lines; while it is still what is on
   * screen, Edit and Save use the user's own text instead.
   */
  private lastRun: { text: string; recording: string } | null = null;
  /** Numbers each Run, so an answer to an earlier one is ignored. */
  private runs = 0;
  /**
   * The check under way (checkInSlices.ts: a long draft takes several tasks):
   * the text it checks, how to stop it, and the label to run the text under once
   * it is found to have no problems (Run, or a file opened), if any.
   */
  private checking: { readonly text: string; readonly cancel: () => void; runAs: string | null } | null = null;
  /** What the checks' slices are scheduled with: made on the first check, closed by `stop`. */
  private sliceClock: (SliceClock & { close(): void }) | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly host: ScriptHost) {}

  private get editor(): EditorState {
    return this.store.getState();
  }

  private set(patch: Partial<EditorState>): void {
    this.store.setState(patch);
  }

  /** Listen to the page's loads and to the page going away. */
  start(): void {
    if (this.stopListening !== null) return;
    // A load the page gave up on (it ran too long, or the worker failed) is never answered: stop waiting for it.
    const unsubscribe = this.host.store.subscribe((s, prev) => {
      if (s.loading !== null || prev.loading === null) return;
      const run = this.runs;
      // An answered load clears `loading` just before its answer is handed over, in the same task.
      queueMicrotask(() => {
        if (run !== this.runs || !this.editor.running) return;
        this.runs++;
        this.set({
          running: false,
          problems: [{ line: null, col: null, message: 'the run was stopped before it finished (the message at the top of the page says why). Your script is still here' }],
          source: 'run',
        });
      });
    });
    // A reload or a closed tab may come before the pause in typing that would have saved the draft.
    const onHide = (): void => {
      const { editing, draft } = this.editor;
      if (editing) this.keepDraft(draft);
    };
    window.addEventListener('pagehide', onHide);
    this.stopListening = () => {
      unsubscribe();
      window.removeEventListener('pagehide', onHide);
    };
  }

  stop(): void {
    this.stopChecking();
    this.sliceClock?.close();
    this.sliceClock = null;
    this.stopListening?.();
    this.stopListening = null;
  }

  private stopChecking(): void {
    this.checking?.cancel();
    this.checking = null;
  }

  /** Check `text`, the draft, without blocking the page; then show its problems, or run it as `runAs` if it has none. */
  private check(text: string, runAs: string | null): void {
    if (this.checking?.text === text) {
      this.checking.runAs ??= runAs;
      return;
    }
    this.stopChecking();
    this.sliceClock ??= createSliceClock();
    const cancel = checkInSlices(
      text,
      (problems) => {
        const then = this.checking?.runAs ?? null;
        this.checking = null;
        const s = this.editor;
        if (!s.editing || s.running || s.draft !== text) return;
        this.set({ checked: text, problems, source: 'check' });
        if (then !== null && problems.length === 0) this.runText(text, then);
      },
      this.sliceClock,
    );
    this.checking = { text, cancel, runAs };
  }

  /**
   * The draft an earlier visit left (keptData.ts), read as the session starts:
   * opened in the editor, marked as restored, never run. Unless the user opened
   * the editor meanwhile: their text wins.
   */
  restoreDraft(draft: string | null): void {
    if (draft === null || this.editor.editing) return;
    this.set({ editing: true, draft, seed: '', checked: null, problems: [], source: 'check', restored: true });
  }

  /** Keep `text` as the draft; the page says so if the browser refuses it, until a later write succeeds. */
  private keepDraft(text: string): void {
    const notKept = (reason: string | null) => this.host.store.getState().setNotKept('draft', reason);
    this.host.kept.writeDraft(text).then(
      () => notKept(null),
      (error: unknown) => notKept(keepFailureReason(error)),
    );
  }

  private forgetDraft(): void {
    void this.host.kept.clearDraft();
    this.host.store.getState().setNotKept('draft', null);
  }

  /** The script on screen: the user's own text if the recording is still the one it produced. */
  private currentScript(): string {
    const recording = this.host.store.getState().script.join('\n');
    return this.lastRun !== null && this.lastRun.recording === recording ? this.lastRun.text : recording;
  }

  /** Open the editor on the script on screen. The simulation pauses, so the script and the picture stay together. */
  startEditing(): void {
    const wasPlaying = this.host.store.getState().playing;
    this.host.pause();
    const text = this.currentScript();
    this.set({ editing: true, draft: text, seed: text, checked: null, problems: [], source: 'check', restored: false, setAside: null, resumeOnCancel: wasPlaying, ran: null });
    this.keepDraft(text);
  }

  changeDraft(text: string): void {
    const s = this.editor;
    if (s.running) return;
    // A worker's answer or a file's problem was about the text as it was; the check after the next pause replaces it.
    if (s.source !== 'check') this.set({ draft: text, problems: [], source: 'check' });
    else this.set({ draft: text });
  }

  /** After a pause in typing: find the draft's problems, and keep it in case the page goes away. */
  checkDraft(): void {
    const { editing, draft, checked } = this.editor;
    if (!editing || draft === checked) return;
    this.check(draft, null);
    this.keepDraft(draft);
  }

  /** Back to the live script. The draft is kept aside, in case Cancel was a slip. */
  cancelEditing(): void {
    const s = this.editor;
    if (s.running) return;
    this.stopChecking();
    this.set({ editing: false, problems: [], restored: false, setAside: discardable(s) ?? s.setAside });
    this.forgetDraft();
    if (s.resumeOnCancel) this.host.play();
  }

  /** Bring back the draft Cancel or Open put aside (swapping it with the one in the editor, if any). */
  reopenSetAside(): void {
    const s = this.editor;
    if (s.setAside === null || s.running) return;
    if (!s.editing) this.host.pause();
    const text = s.setAside;
    this.set({ editing: true, draft: text, seed: text, checked: null, problems: [], source: 'check', restored: false, setAside: discardable(s), resumeOnCancel: false });
    this.keepDraft(text);
  }

  /** Run the draft: refused here, with its problems, unless it parses. */
  runDraft(): void {
    const { draft, running, checked, source, problems } = this.editor;
    if (running) return;
    // Checked already (the problems on show are the parser's, about this very text): no need to parse it again.
    if (checked === draft && source === 'check') {
      if (problems.length === 0) this.runText(draft, 'Your script');
      return;
    }
    this.check(draft, 'Your script');
  }

  /** Replace the simulation with `text`, which parses. `label` names it in the page's notices. */
  private runText(text: string, label: string): void {
    const run = ++this.runs;
    this.stopChecking();
    this.set({ running: true, checked: text, problems: [], source: 'run', ran: null });
    this.host.startSaving();
    this.host.openScript({ text, label, reportsOwnProblems: true, then: (result) => this.finishRun(run, text, label, result) });
  }

  private finishRun(run: number, text: string, label: string, result: LoadResult): void {
    if (run !== this.runs) return;
    const problems = problemsFromLoad(result);
    if (!result.ok || problems.length > 0) return this.set({ running: false, checked: text, problems, source: 'run' });
    this.lastRun = { text, recording: this.host.store.getState().script.join('\n') };
    this.set({ editing: false, running: false, problems: [], restored: false, ran: { label, time: result.time, event: result.event } });
    // The draft is the script's only copy until the run it made is saved: forgotten only then, unless editing began again.
    this.host.whenRunSaved(() => {
      if (!this.editor.editing) this.forgetDraft();
    });
  }

  /**
   * Open a .txt file in the editor, and run it if it parses. A file that cannot
   * be opened leaves everything as it was; one that does not parse stays in the
   * editor, with its problems, to be fixed.
   */
  async openScriptFile(file: File): Promise<void> {
    if (this.editor.running) return;
    const refuse = (problem: ScriptProblem) =>
      this.set({ problems: [problem], source: 'file', checked: this.editor.editing ? this.editor.draft : null, ran: null });
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
    const s = this.editor;
    if (s.running) return;
    if (!s.editing) this.host.pause();
    const text = read.text;
    this.set({
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
    this.keepDraft(text);
    // It runs once checked, unless it has problems: then it stays in the editor with them.
    this.check(text, `“${file.name}”`);
  }

  /** Download the script (the draft while editing) as a .txt file that runs unchanged in `npm run scenario`. */
  saveScriptFile(): void {
    const s = this.editor;
    const text = s.editing ? s.draft : this.currentScript();
    if (text.trim() === '') return;
    downloadText(scriptFileText(text), SAVE_FILE_NAME);
  }
}
