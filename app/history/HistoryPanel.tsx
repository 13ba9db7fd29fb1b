/**
 * The history of client operations, one lane per client, each operation a bar
 * from its call to its return (as Porcupine draws a linearizability check).
 * A run has no client actors unless its cluster line asks for them.
 */
export function HistoryPanel() {
  return (
    <p className="muted history-empty" data-testid="history-empty">
      No client operations yet: add clients with the cluster line's <code>clients=N</code> option.
    </p>
  );
}
