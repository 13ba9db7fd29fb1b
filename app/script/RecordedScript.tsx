/** The live recording, one element per line (`data-line`, 1-based), so a line can be pointed at. */
import { memo } from 'react';
import { useStore } from '../store/store.ts';
import { selectScript } from '../store/selectors.ts';

/** While playing, only the last line changes (runs merge); every other line skips rendering, however long the script. */
const Line = memo(function Line({ n, text }: { n: number; text: string }) {
  return <span data-line={n}>{text}</span>;
});

export function RecordedScript() {
  const script = useStore(selectScript);
  return (
    <pre data-testid="script" className="script-recorded" aria-label="Recorded script" tabIndex={0}>
      {script.map((line, i) => (
        // The newline sits inside the line, so the text reads (and copies) exactly as the script.
        <Line key={i} n={i + 1} text={i < script.length - 1 ? `${line}\n` : line} />
      ))}
    </pre>
  );
}
