/**
 * The rules the cluster on screen runs with, when they are not Raft's defaults:
 * neutral chips for PreVote, CheckQuorum and naive probing, and a red badge for
 * any rule switched off (it stays for as long as this cluster runs).
 */
import { useAppStore } from '../store/useAppStore.ts';
import { selectRaft } from '../store/selectors.ts';

export function RulesInForce() {
  const raft = useAppStore(selectRaft);
  const chips = [
    raft.prevote && 'PreVote',
    raft.checkquorum && 'CheckQuorum',
    raft.probe === 'naive' && 'naive probing',
    !raft.noop && 'no-op off',
  ].filter((c): c is string => typeof c === 'string');
  if (chips.length === 0 && raft.unsafe.length === 0) return null;
  return (
    <div className="rules-in-force" role="group" aria-label="Rules of this run">
      {raft.unsafe.length > 0 && (
        <span
          className="unsafe-badge"
          data-testid="unsafe-badge"
          data-rules={raft.unsafe.join(',')}
          title="This cluster runs with rules of Raft switched off: safety can break. Change them under Rules at the top."
        >
          ⚠ UNSAFE: {raft.unsafe.join(', ')}
        </span>
      )}
      {chips.map((c) => (
        <span key={c} className="rule-chip">
          {c}
        </span>
      ))}
    </div>
  );
}
