/**
 * The safety panel: every property the engine checks after each event, in plain
 * words with its section of the paper, and whether it holds. When one breaks it
 * says what broke and which rule of Raft would have prevented it (explain.ts),
 * naming the rule switched off. The nodes and entries involved are highlighted
 * in the cluster and log views (violationMarks.ts).
 */
import { useMemo } from 'react';
import { INVARIANTS } from '../../engine/events.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectClientHistory, selectConfig, selectRaft, selectViolationCount, selectViolations } from '../store/selectors.ts';
import { seekTo } from '../sim/actions.ts';
import { explainViolations } from './explain.ts';
import { INVARIANT_INFO } from './invariantInfo.ts';
import { unsafeFlag } from './ruleChoice.ts';
import { useSession } from '../session/useSession.ts';
import { linearizabilityState, linearizabilityViolation } from './linearizability.ts';

export function SafetyPanel() {
  const session = useSession();
  const eventCount = useAppStore(selectViolationCount);
  const eventViolations = useAppStore(selectViolations);
  const raft = useAppStore(selectRaft);
  const clientCount = useAppStore(selectConfig).clients;
  const { verdict, ops } = useAppStore(selectClientHistory);
  // Linearizability is judged over the client history (linearizability.ts), the six others after every event.
  const linearizable = useMemo(() => linearizabilityViolation(verdict, ops), [verdict, ops]);
  const violations = useMemo(() => (linearizable === null ? eventViolations : [...eventViolations, linearizable]), [eventViolations, linearizable]);
  const count = eventCount + (linearizable === null ? 0 : 1);
  const hasClients = clientCount > 0 || ops.length > 0;
  const explanation = useMemo(() => explainViolations(violations, raft), [violations, raft]);
  const ok = count === 0;
  const first = new Map(violations.map((v) => [v.invariant, v]));
  return (
    <div className={`safety ${ok ? 'ok' : 'broken'}`} data-testid="safety" data-ok={ok} data-violations={count}>
      {ok ? (
        <p className="safety-summary">
          <span className="safety-mark" aria-hidden="true">
            ✓
          </span>{' '}
          Every safety property holds.
          {raft.unsafe.length > 0 && (
            <span className="safety-watch">
              {' '}
              This run switches rules off ({unsafeFlag(raft.unsafe)}): play it and watch what breaks.
            </span>
          )}
        </p>
      ) : (
        <div className="safety-explanation" data-testid="safety-explanation" role="alert">
          <p className="safety-headline">
            ⚠ Safety broken: {count === 1 ? 'one violation' : `${count} violations`}
          </p>
          {explanation.broken.map((b) => (
            <p key={b.invariant} className="safety-broken">
              <strong>{b.title}</strong>, at{' '}
              <button className="link-button" onClick={() => seekTo(session, b.event)} title="Show the state just after this event">
                event #{b.event}
              </button>
              : {b.detail} <span className="safety-consequence">{b.consequence}</span>
            </p>
          ))}
          {explanation.causes.map((c) => (
            <div key={c.ruleName} className="safety-cause">
              <p className="safety-rule">
                {c.rules.length > 0 && <span className="unsafe-chip">{unsafeFlag(c.rules)}</span>} Rule that prevents it: {c.ruleName}
              </p>
              <p className="safety-why">{c.text}</p>
            </div>
          ))}
        </div>
      )}
      <ul className="invariants" aria-label="Safety properties">
        {INVARIANTS.map((name) => {
          const v = first.get(name);
          const info = INVARIANT_INFO[name];
          if (name === 'Linearizability') {
            if (!hasClients) return null;
            const state = linearizabilityState(verdict);
            if (state === 'unknown' || state === 'none') {
              return (
                <li key={name} data-testid={`invariant-${name}`} data-ok="true" data-state={state} className={state}>
                  <span className="inv-mark" aria-hidden="true">
                    {state === 'unknown' ? '?' : '–'}
                  </span>
                  <span className="inv-name">
                    {info.title} <span className="inv-section">{info.section}</span>
                  </span>
                  <span className="inv-status">
                    {state === 'unknown' ? 'unknown: the search for an order ran out of steps' : 'no client operations answered yet'}
                  </span>
                  <span className="inv-meaning">{info.meaning}</span>
                </li>
              );
            }
          }
          return (
            <li key={name} data-testid={`invariant-${name}`} data-ok={v === undefined} data-state={v === undefined ? 'holds' : 'violated'} className={v === undefined ? 'holds' : 'violated'}>
              <span className="inv-mark" aria-hidden="true">
                {v === undefined ? '✓' : '✗'}
              </span>
              <span className="inv-name">
                {info.title} <span className="inv-section">{info.section}</span>
              </span>
              <span className="inv-status">
                {v === undefined ? (
                  'holds'
                ) : (
                  <button className="link-button" onClick={() => seekTo(session, v.event)} title="Show the state just after this event">
                    violated at event #{v.event}
                  </button>
                )}
              </span>
              <span className="inv-meaning">{info.meaning}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
