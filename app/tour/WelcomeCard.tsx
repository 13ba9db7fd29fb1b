/** On a first visit: the offer of the guided tours, which a newcomer needs and a returning user can wave away for good. */
import { useStore } from '../store/store.ts';
import { selectWelcome } from '../store/selectors.ts';
import { browserStorage } from '../share/savedRun.ts';
import { startTour } from './tourActions.ts';
import { selectTours } from '../store/selectors.ts';
import { rememberWelcomed } from './welcome.ts';

function answer(): void {
  rememberWelcomed(browserStorage());
  useStore.getState().setWelcome(false);
}

export function WelcomeCard() {
  const welcome = useStore(selectWelcome);
  const tours = useStore(selectTours);
  const first = tours[0];
  if (!welcome || first === undefined) return null;
  return (
    <div className="welcome-card" data-testid="welcome" role="region" aria-label="Guided tours">
      <p>
        <strong>New to Raft?</strong> {tours.length} short guided tours walk you through it on this live simulation: elections, replication and
        commit, how a new leader repairs logs, why only current-term entries are committed by counting, partitions, and crashes. Each step
        says what to watch, and you can poke at the cluster at any time.
      </p>
      <span className="welcome-actions">
        <button
          className="primary"
          data-testid="welcome-start"
          onClick={() => {
            answer();
            startTour(first);
          }}
        >
          Start tour 1: {first.title}
        </button>
        <button data-testid="welcome-dismiss" onClick={answer}>
          No thanks
        </button>
      </span>
    </div>
  );
}
