/** Actions on the whole cluster: restore every link, send a client request to the leader. */
import { useStore } from '../store/store.ts';
import { selectCuts, selectLeader } from '../store/selectors.ts';
import { healAll, propose } from '../sim/actions.ts';

export function ClusterActions() {
  const cuts = useStore(selectCuts);
  const leader = useStore(selectLeader);
  return (
    <div className="control-group cluster-actions">
      <button data-testid="heal-all" onClick={healAll} disabled={cuts.size === 0} title="Restore every cut link">
        Heal all links
      </button>
      <button
        data-testid="propose-leader"
        onClick={() => propose('leader')}
        title={leader ? `Send a client request to the leader, ${leader} (c)` : 'Send a client request to the leader; there is none right now (c)'}
      >
        Client request → leader
      </button>
    </div>
  );
}
