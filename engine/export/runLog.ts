/**
 * What a run did, kept for export: per cluster, its records and every happening at
 * a node stamped with that node's vector clock. The ShiViz log (shiviz.ts) and the
 * JSON trace (traceJson.ts) are both written from this.
 *
 * A script may set up several clusters (each `cluster` or `preset` line starts a
 * fresh one: time, event numbers, message ids and clocks all restart), so a run is
 * a list of logs, one per cluster, in order.
 *
 * The clocks are computed here, as the happenings arrive, and only for a run that
 * is being exported: see causality.ts for why the simulator does not keep them.
 */
import type { EventRecord } from '../events.ts';
import type { ClusterState } from '../sim/cluster.ts';
import type { Happening } from '../sim/causality.ts';
import { ignore, observe, type Emit } from '../sim/simulator.ts';
import { ClockKeeper, type VectorClock } from '../sim/vectorClock.ts';
import type { Session } from '../scenario/run.ts';
import type { ClientId, ClusterConfig, NodeId } from '../types.ts';

/** A happening at a node (causality.ts), with that node's clock right after it. A send or receive keeps the whole message (a frozen fact, shared, not copied). */
export type NodeEvent = Happening & { readonly clock: VectorClock };

export interface RunLog {
  readonly config: ClusterConfig;
  readonly nodes: readonly NodeId[];
  /** `c1`..`cN`: clients are hosts too (they send and receive), after the nodes in every clock. */
  readonly clients: readonly ClientId[];
  /** Every record, in the order emitted. */
  readonly records: EventRecord[];
  /** Every happening at a node, in the order they happened. */
  readonly nodeEvents: NodeEvent[];
}

/** The hosts of a run's clocks: its nodes, then its clients, each in number order. */
export const hostsOf = (log: { readonly ids: readonly NodeId[]; readonly clientIds: readonly ClientId[] } | RunLog): readonly string[] =>
  'ids' in log ? [...log.ids, ...log.clientIds] : [...log.nodes, ...log.clients];

/**
 * Collects the logs of a run of `session`: pass `emit` to the runner, and `notice`
 * as its `before` hook (so a cluster that produced no event is still listed), then
 * call `finish`. `forward` receives every record too (the runner's own trace).
 */
export class RunLogger {
  readonly emit: Emit;
  private readonly logs: RunLog[] = [];
  private cluster: ClusterState | null = null;
  private clocks = new ClockKeeper([]);

  constructor(
    private readonly session: Session,
    forward: Emit = ignore,
  ) {
    this.emit = observe(
      (r) => {
        this.current().records.push(r);
        forward(r);
      },
      (h) => {
        const log = this.current();
        const clock = this.clocks.apply(h);
        const { node, event, time } = h;
        log.nodeEvents.push(h.kind === 'local' ? { node, event, time, clock, kind: h.kind, cause: h.cause } : { node, event, time, clock, kind: h.kind, message: h.message });
      },
    );
  }

  readonly notice = (): void => {
    if (this.session.cluster !== null) this.current();
  };

  /** The logs, one per cluster the run set up, in order. */
  finish(): RunLog[] {
    this.notice();
    return this.logs;
  }

  /**
   * The log of the session's cluster, started when a new cluster appears. The
   * runner swaps the cluster in before booting it, so even the records of its boot
   * land in its own log.
   */
  private current(): RunLog {
    const s = this.session.cluster;
    if (s === null) throw new Error('RunLogger: a record before any cluster');
    if (s !== this.cluster) {
      this.cluster = s;
      this.clocks = new ClockKeeper(hostsOf(s));
      this.logs.push({ config: s.config, nodes: [...s.ids], clients: [...s.clientIds], records: [], nodeEvents: [] });
    }
    return this.logs[this.logs.length - 1];
  }
}
