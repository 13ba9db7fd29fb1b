/** Actions on the whole cluster: restore every link, send a client request to the leader. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectCuts, selectLeader } from '../store/selectors.ts';
import { healAll, propose } from '../sim/actions.ts';
import { useSession } from '../session/useSession.ts';

export function ClusterActions() {
  const session = useSession();
  const cuts = useAppStore(selectCuts);
  const leader = useAppStore(selectLeader);
  return (
    <div className="control-group cluster-actions">
      <button data-testid="heal-all" onClick={() => healAll(session)} disabled={cuts.size === 0} title="Restore every cut link">
        Heal all links
      </button>
      <button
        data-testid="propose-leader"
        onClick={() => propose(session, 'leader')}
        title={leader ? `Send a client request to the leader, ${leader} (c)` : 'Send a client request to the leader; there is none right now (c)'}
      >
        Client request → leader
      </button>
    </div>
  );
}
