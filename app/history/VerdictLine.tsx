/** The checker's verdict on the history shown, in one line a student can read without the docs. */
import type { VerdictView } from '../worker/historyView.ts';

interface Props {
  readonly verdict: VerdictView;
  readonly count: number;
}

export function VerdictLine({ verdict, count }: Props) {
  switch (verdict.verdict) {
    case 'none':
      return (
        <p className="history-verdict" data-testid="history-verdict" data-verdict="none">
          {count === 0 ? 'Linearizability is checked once client operations are answered.' : 'No operation answered yet: nothing to check.'}
        </p>
      );
    case 'ok':
      return (
        <p className="history-verdict ok" data-testid="history-verdict" data-verdict="ok">
          <span aria-hidden="true">✓</span> <strong>Linearizable.</strong> Every answered operation could have taken effect at a single instant between its
          call and its answer, in the order of its number (counted per key): as if one copy of the data served the clients (§8).
        </p>
      );
    case 'violation':
      return (
        <p className="history-verdict violation" data-testid="history-verdict" data-verdict="violation" role="alert">
          <span aria-hidden="true">✗</span> <strong>Not linearizable.</strong> {verdict.explanation} No order of the operations outlined in red
          explains what the clients saw.
        </p>
      );
    case 'unknown':
      return (
        <p className="history-verdict unknown" data-testid="history-verdict" data-verdict="unknown">
          <span aria-hidden="true">?</span> <strong>No verdict.</strong> The search for an order of the operations on {verdict.key} gave up after{' '}
          {verdict.steps.toLocaleString('en')} steps: this history is too tangled to check while playing.
        </p>
      );
  }
}
