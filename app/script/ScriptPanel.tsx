/**
 * The recording: every command applied so far, as a script. Saved to a file, it
 * replays exactly with `npm run scenario -- file.txt`.
 */
import { useStore } from '../store/store.ts';
import { selectScript } from '../store/selectors.ts';

export function ScriptPanel() {
  const script = useStore(selectScript);
  return (
    <div className="script">
      <p className="muted">
        Everything you did, as a scenario. It replays exactly: <code>npm run scenario -- file.txt</code>
      </p>
      <pre data-testid="script">{script.join('\n')}</pre>
    </div>
  );
}
