/**
 * Owns the simulation worker's lifecycle: start, send, terminate. Nothing else on
 * the main thread touches the Worker object. It also counts ticks awaiting their
 * snapshot, which is what lets the play loop apply back-pressure.
 */
import type { ScenarioError } from '../../engine/scenario/ast.ts';
import type { ExpectFailure } from '../../engine/scenario/run.ts';
import { assertNever, type FromWorker, type LoadResult, type SnapshotCause, type ToWorker } from '../worker/protocol.ts';
import type { Snapshot } from '../worker/viewModel.ts';

export interface SimClientHandlers {
  ready(): void;
  snapshot(snapshot: Snapshot, cause: SnapshotCause): void;
  refused(text: string, error: ScenarioError): void;
  /** An `expect` line in a command did not hold; the lines after it were not applied. */
  expectFailed(failure: ExpectFailure): void;
  /** The answer to `load`. */
  loaded(result: LoadResult): void;
  /** The worker itself failed (an exception in the engine): the simulation is gone. */
  failed(message: string): void;
}

export class SimClient {
  private worker: Worker | null = null;
  private ticksAwaited = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly handlers: SimClientHandlers) {}

  start(): void {
    if (this.worker !== null) return;
    // The literal `new Worker(new URL(...))` form is what Vite recognizes and bundles as a worker.
    const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'raft-simulation' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => this.handlers.failed(e.message || 'the simulation worker failed');
    this.worker = worker;
    this.ticksAwaited = 0;
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ticksAwaited = 0;
    this.settle();
  }

  /** A fresh worker with an empty simulation; `ready` fires again when it is up. */
  restart(): void {
    this.terminate();
    this.start();
  }

  /** A tick was sent and its snapshot has not arrived yet. */
  get awaitingTick(): boolean {
    return this.ticksAwaited > 0;
  }

  /** Resolves once every tick sent so far has been answered: the store then holds the simulation as the worker has it. */
  idle(): Promise<void> {
    if (this.ticksAwaited === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Scenario line(s), applied in order. */
  command(text: string): void {
    this.send({ kind: 'command', text });
  }

  /** A whole script that replaces the simulation (see the `load` message). */
  load(text: string): void {
    this.send({ kind: 'load', text });
  }

  tick(ms: number): void {
    this.send({ kind: 'tick', ms });
  }

  /** Ask for a full snapshot (everything, not only what changed). */
  requestSnapshot(): void {
    this.send({ kind: 'snapshot' });
  }

  private send(msg: ToWorker): void {
    if (this.worker === null) return;
    if (msg.kind === 'tick') this.ticksAwaited++;
    this.worker.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    switch (msg.kind) {
      case 'ready':
        this.handlers.ready();
        return;
      case 'snapshot':
        if (msg.cause === 'tick') this.ticksAwaited = Math.max(0, this.ticksAwaited - 1);
        this.handlers.snapshot(msg.snapshot, msg.cause);
        if (this.ticksAwaited === 0) this.settle();
        return;
      case 'error':
        this.handlers.refused(msg.text, msg.error);
        return;
      case 'expect-failed':
        this.handlers.expectFailed(msg.failure);
        return;
      case 'loaded':
        this.handlers.loaded(msg.result);
        return;
      default:
        assertNever(msg);
    }
  }
}
