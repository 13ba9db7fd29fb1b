/**
 * The Explain panel: what just happened and why, in plain words, as the
 * simulation plays or steps. Each line names its rule as a chip (RuleChip).
 * The newest step's lines are marked as such; older ones fade a little.
 */
import { memo, useMemo } from 'react';
import { useAppStore } from '../store/useAppStore.ts';
import { selectEvents, selectTour } from '../store/selectors.ts';
import type { Store } from '../store/store.ts';
import type { EventView } from '../worker/viewModel.ts';
import { narration } from './narration.ts';
import { RuleChip } from './RuleChip.tsx';
import './explain.css';

const selectTouring = (s: Store): boolean => selectTour(s) !== null;

export function ExplainPanel() {
  const events = useAppStore(selectEvents);
  const touring = useAppStore(selectTouring);
  const { lines, latest, quiet } = useMemo(() => narration(events), [events]);
  if (lines.length === 0) return <p className="explain-empty">{idle(quiet, touring)}</p>;
  return (
    <ol className="explain-lines">
      {lines.map((e) => (
        <ExplainLine key={e.seq} event={e} latest={e.event === latest} />
      ))}
    </ol>
  );
}

/** What to say when there is nothing to narrate: what to do next (a tour's captions say it themselves). */
function idle(quiet: boolean, touring: boolean): string {
  if (quiet) return 'Only heartbeats lately: the leader keeps every follower from starting an election. Send a client request (c), or crash a node, and watch what follows.';
  if (touring) return "As the tour's step plays, each event is explained here with the rule of Raft behind it.";
  return 'Press Play or Step (→) to run the cluster: each event is explained here with the rule of Raft behind it. Hover over, focus or tap a node, a message or a log entry to ask why it is as it is.';
}

const ExplainLine = memo(function ExplainLine({ event: e, latest }: { event: EventView; latest: boolean }) {
  return (
    <li className={latest ? 'explain-line latest' : 'explain-line'} data-testid="explain-line" data-rule={e.rule ?? ''} data-event={e.event}>
      <span className="explain-text">{e.text}</span>
      <span className="explain-meta">
        <span className="explain-when">
          {e.time} ms · #{e.event}
        </span>
        {e.rule !== null && <RuleChip rule={e.rule} />}
      </span>
    </li>
  );
});
