/**
 * A node's state machine: what it has applied (lastApplied, Figure 2), the
 * key-value map, and the session table that lets it apply a retried command
 * once and answer it again (thesis §6.3).
 */
import type { StateMachine } from '../../engine/types.ts';

export function MachineTable({ machine }: { machine: StateMachine | null }) {
  if (machine === null)
    return (
      <p className="machine-lost" data-testid="machine">
        State machine: lost in the crash; a restart rebuilds it by applying the committed entries again.
      </p>
    );
  const keys = Object.keys(machine.data).sort();
  const clients = Object.keys(machine.sessions).sort();
  // Nothing to tabulate (a run without clients): lastApplied is among the node's facts, and the inspector stays short.
  if (keys.length === 0 && clients.length === 0) return <div className="machine" data-testid="machine" data-last-applied={machine.lastApplied} hidden />;
  return (
    <div className="machine" data-testid="machine" data-last-applied={machine.lastApplied}>
      <h4>
        State machine <span className="muted">· lastApplied {machine.lastApplied}</span>
      </h4>
      {keys.length === 0 ? (
        <p className="muted">No keys yet.</p>
      ) : (
        <table className="progress-table kv-table">
          <caption>The key-value map, as applied up to lastApplied</caption>
          <thead>
            <tr>
              <th scope="col">key</th>
              <th scope="col">value</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} data-testid={`kv-${k}`}>
                <th scope="row">{k}</th>
                <td>{machine.data[k] === '' ? '""' : machine.data[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {clients.length > 0 && (
        <table className="progress-table session-table">
          <caption>Sessions: each client's last applied request and its reply; a retry of it is answered, not applied again (thesis §6.3)</caption>
          <thead>
            <tr>
              <th scope="col">client</th>
              <th scope="col" title="The serial of the last request applied for this client">last #</th>
              <th scope="col" title="The reply it got: a get's value; nothing for a write">reply</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                <td>{machine.sessions[c].serial}</td>
                <td>{machine.sessions[c].result === '' ? '—' : machine.sessions[c].result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
