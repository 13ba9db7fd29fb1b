/** What a node can be given: the inputs of `step` (node.ts). */
import type { ChangeRequest, ClientRequest, NodeId, RaftMessage } from '../types.ts';

export type Input =
  | { readonly kind: 'message'; readonly message: RaftMessage }
  /** A client's request arrives (§8). Clients have no term, so §5.1's rules do not apply to it. */
  | { readonly kind: 'clientRequest'; readonly request: ClientRequest }
  /** The election timer fired; `forced` when a user or script made it fire early (`campaign`). */
  | { readonly kind: 'electionTimeout'; readonly forced: boolean }
  | { readonly kind: 'heartbeatTimeout' }
  /**
   * CheckQuorum (thesis §6.2): time for a leader to check that a majority
   * answered since the last check. The simulator fires it when a leader's
   * election timer runs out, which only happens with CheckQuorum.
   */
  | { readonly kind: 'checkQuorum' }
  | { readonly kind: 'propose'; readonly value: string }
  /** Snapshot now, up to lastApplied (`snapshot <node>`, §7): the same in every role. */
  | { readonly kind: 'snapshot' }
  /** Change the membership (`change`, `add`, `remove`; §6): only a leader takes it on. `asked` is the request as written. */
  | { readonly kind: 'change'; readonly request: ChangeRequest; readonly asked: string }
  /** Hand leadership to `target` (`transfer`, thesis §3.10): only a leader can. */
  | { readonly kind: 'transfer'; readonly target: NodeId };

export type InputKind = Input['kind'];

/** The inputs each role's step function handles: `step` handles the rest, alike for every role. */
export type RoleInput = Exclude<Input, { readonly kind: 'snapshot' }>;
