/** Traffic counts under the cluster: messages sent, lost, and AppendEntries rejected. (Safety has its own panel.) */
import { useAppStore } from '../store/useAppStore.ts';
import { selectStats } from '../store/selectors.ts';

export function TrafficStatus() {
  const stats = useAppStore(selectStats);
  return (
    <div className="status-line">
      <span className="traffic">
        {stats.messages} messages sent · {stats.lost} lost · {stats.rejections} AppendEntries rejected
      </span>
    </div>
  );
}
