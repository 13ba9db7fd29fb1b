/**
 * Sends each node's state machine only when it changed. Machines are immutable
 * and `apply` returns the same object's parts when nothing changed
 * (engine/kv/stateMachine.ts), so "unchanged" is an identity test, as for logs
 * (logDeltas.ts). A node that crashed has no machine (it is volatile, Figure 2).
 */
import type { NodeId, StateMachine } from '../../engine/types.ts';
import type { MachineDelta } from './viewModel.ts';

export class MachineDeltas {
  private sent = new Map<NodeId, StateMachine | null>();

  reset(): void {
    this.sent.clear();
  }

  /** The machine to send for `id`, or null if the page has this one. */
  delta(id: NodeId, machine: StateMachine | null): MachineDelta | null {
    if (this.sent.has(id) && this.sent.get(id) === machine) return null;
    this.sent.set(id, machine);
    return { node: id, machine };
  }
}
