/** Whether Raft's safety properties hold, checked by the engine after every event, and traffic counts. */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store/store.ts';
import { selectSafety, selectStats } from '../store/selectors.ts';

export function SafetyStatus() {
  const { count, first } = useStore(useShallow(selectSafety));
  const stats = useStore(selectStats);
  return (
    <div className="status-line">
      {count === 0 ? (
        <span className="safety ok" data-testid="safety" data-violations={0} title="Election Safety, Log Matching, Leader Completeness, State Machine Safety… checked after every event">
          ✓ Safety properties hold
        </span>
      ) : (
        <span className="safety broken" data-testid="safety" data-violations={count} role="alert">
          ⚠ {count} safety violation{count > 1 ? 's' : ''}: {first?.invariant}: {first?.detail}
        </span>
      )}
      <span className="traffic">
        {stats.messages} messages sent · {stats.lost} lost · {stats.rejections} AppendEntries rejected
      </span>
    </div>
  );
}
