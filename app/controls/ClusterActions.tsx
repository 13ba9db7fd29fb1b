/** Actions on the whole cluster: restore every link, send a client request to the leader (or, with clients, have c1 put a value). */
import { useAppStore } from '../store/useAppStore.ts';
import { selectClientIds, selectCuts, selectLeader } from '../store/selectors.ts';
import { healAll, quickRequest } from '../sim/actions.ts';
import { useSession } from '../session/useSession.ts';

export function ClusterActions() {
  const session = useSession();
  const cuts = useAppStore(selectCuts);
  const leader = useAppStore(selectLeader);
  const clients = useAppStore(selectClientIds);
  return (
    <div className="control-group cluster-actions">
      <button data-testid="heal-all" onClick={() => healAll(session)} disabled={cuts.size === 0} title="Restore every cut link">
        Heal all links
      </button>
      <button
        data-testid="propose-leader"
        onClick={() => quickRequest(session)}
        title={
          clients.length > 0
            ? `${clients[0]} puts a new value under key k: it sends it to the node it believes leads (c)`
            : leader
              ? `Send a client request to the leader, ${leader} (c)`
              : 'Send a client request to the leader; there is none right now (c)'
        }
      >
        {clients.length > 0 ? `${clients[0]}: put k → cluster` : 'Client request → leader'}
      </button>
    </div>
  );
}
