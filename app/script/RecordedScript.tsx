/** The live recording, one element per line (`data-line`, 1-based), so a line can be pointed at. */
import { useStore } from '../store/store.ts';
import { selectScript } from '../store/selectors.ts';

export function RecordedScript() {
  const script = useStore(selectScript);
  return (
    <pre data-testid="script" className="script-recorded" aria-label="Recorded script" tabIndex={0}>
      {script.map((line, i) => (
        // The newline sits inside the line, so the text reads (and copies) exactly as the script.
        <span key={i} data-line={i + 1}>
          {i < script.length - 1 ? `${line}\n` : line}
        </span>
      ))}
    </pre>
  );
}
