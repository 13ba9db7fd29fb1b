/** On a first visit: the offer of the guided tours, which a newcomer needs and a returning user can wave away for good. */
import { useAppStore } from '../store/useAppStore.ts';
import { selectWelcome } from '../store/selectors.ts';
import { browserStorage } from '../share/savedRun.ts';
import { startTour } from './tourActions.ts';
import { selectTours } from '../store/selectors.ts';
import { rememberWelcomed } from './welcome.ts';
import { useSession } from '../session/useSession.ts';
import type { Session } from '../session/session.ts';

function answer(session: Session): void {
  rememberWelcomed(browserStorage());
  session.store.getState().setWelcome(false);
}

export function WelcomeCard() {
  const session = useSession();
  const welcome = useAppStore(selectWelcome);
  const tours = useAppStore(selectTours);
  const first = tours[0];
  if (!welcome || first === undefined) return null;
  return (
    <div className="welcome-card" data-testid="welcome" role="region" aria-label="Guided tours">
      <p>
        <strong>New to Raft?</strong> {tours.length} short guided tours walk you through it on this live simulation: elections, replication and
        commit, how a new leader repairs logs, why only current-term entries are committed by counting, partitions, crashes, clients, and
        log compaction with snapshots. Each step says what to watch, and you can poke at the cluster at any time.
      </p>
      <span className="welcome-actions">
        <button
          className="primary"
          data-testid="welcome-start"
          onClick={() => {
            answer(session);
            startTour(session, first);
          }}
        >
          Start tour 1: {first.title}
        </button>
        <button data-testid="welcome-dismiss" onClick={() => answer(session)}>
          No thanks
        </button>
      </span>
    </div>
  );
}
