/**
 * The recording: every command applied so far, as a script. Saved to a file, it
 * replays exactly with `npm run scenario -- file.txt`. Edit turns it into an
 * editor whose Run replaces the simulation with the edited script.
 */
import { useRef } from 'react';
import './script.css';
import { useAppStore } from '../store/useAppStore.ts';
import { selectEvent } from '../store/selectors.ts';
import { selectEditing, selectRan, selectRunning, selectSetAside } from './editorState.ts';
import { useEditorStore } from './useEditorStore.ts';
import { RecordedScript } from './RecordedScript.tsx';
import { ScriptEditor } from './ScriptEditor.tsx';
import { ScriptProblems } from './ScriptProblems.tsx';
import { useSession } from '../session/useSession.ts';

export function ScriptPanel() {
  const editor = useSession().editor;
  const editing = useEditorStore(selectEditing);
  const running = useEditorStore(selectRunning);
  const setAside = useEditorStore(selectSetAside);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="script">
      <div className="script-toolbar" role="toolbar" aria-label="Script">
        {editing ? (
          <>
            <button data-testid="script-run" className="primary" onClick={() => editor.runDraft()} disabled={running} aria-keyshortcuts="Control+Enter" title="Replace the simulation with this script (Ctrl+Enter)">
              {running ? 'Running…' : 'Run'}
            </button>
            <button data-testid="script-cancel" onClick={() => editor.cancelEditing()} disabled={running} title="Back to the recorded script; the simulation is left as it is">
              Cancel
            </button>
          </>
        ) : (
          <button data-testid="script-edit" onClick={() => editor.startEditing()} title="Edit this script, then run it">
            Edit
          </button>
        )}
        <span className="script-toolbar-files">
          <button data-testid="script-open" onClick={() => fileInput.current?.click()} disabled={running} title="Open a scenario .txt file and run it">
            Open .txt
          </button>
          <button data-testid="script-save" onClick={() => editor.saveScriptFile()} title={editing ? 'Download the script being edited as a .txt file' : 'Download this script as a .txt file'}>
            Save .txt
          </button>
        </span>
        <input
          ref={fileInput}
          data-testid="script-file"
          type="file"
          accept=".txt,text/plain"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Cleared, so choosing the same file again (after fixing it elsewhere) opens it again.
            e.currentTarget.value = '';
            if (file !== undefined) void editor.openScriptFile(file);
          }}
        />
      </div>
      {editing ? (
        <ScriptEditor />
      ) : (
        <>
          <RanNote />
          <p className="muted">
            Everything you did, as a scenario. Saved as .txt, it replays exactly: <code>npm run scenario -- file.txt</code>
          </p>
          <RecordedScript />
        </>
      )}
      <ScriptProblems />
      {setAside !== null ? (
        <p className="script-set-aside muted">
          {editing ? 'Your previous draft' : 'The draft you cancelled'} is kept until the page reloads.{' '}
          <button className="script-link" data-testid="script-reopen-draft" onClick={() => editor.reopenSetAside()}>
            {editing ? 'Swap it back in' : 'Edit it again'}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** After a Run, say that it went through, while the simulation is still where the script left it. */
function RanNote() {
  const ran = useEditorStore(selectRan);
  const event = useAppStore(selectEvent);
  if (ran === null || ran.event !== event) return null;
  return (
    <p className="script-ran" data-testid="script-ran" role="status">
      {ran.label} ran to its end: {ran.time} ms, event #{ran.event}.{' '}
      {/* On a phone the cluster is far above this panel. */}
      <button className="script-link script-to-cluster" onClick={() => document.getElementById('h-cluster')?.scrollIntoView({ block: 'start' })}>
        See the cluster
      </button>
    </p>
  );
}
