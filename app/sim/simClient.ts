/**
 * Owns the simulation worker's lifecycle: start, send, terminate. Nothing else on
 * the main thread touches the Worker object. It also counts ticks awaiting their
 * snapshot, which is what lets the play loop apply back-pressure.
 */
import type { ScenarioError } from '../../engine/scenario/ast.ts';
import type { ExpectFailure } from '../../engine/scenario/run.ts';
import { assertNever, type Cursor, type ExportFormat, type FromWorker, type LoadProgress, type LoadResult, type SnapshotCause, type StopReason, type StopWhen, type ToWorker } from '../worker/protocol.ts';
import type { Snapshot } from '../worker/viewModel.ts';

export interface SimClientHandlers {
  ready(): void;
  snapshot(snapshot: Snapshot, cause: SnapshotCause): void;
  /**
   * A tick stopped at one of its stop conditions (a violation, the moment asked
   * for): pause. It comes before that tick's snapshot, which shows the very
   * moment it stopped at, so there is nothing to seek back to.
   */
  stopped(reason: StopReason): void;
  refused(text: string, error: ScenarioError): void;
  /** An `expect` line in a command did not hold; the lines after it were not applied. */
  expectFailed(failure: ExpectFailure): void;
  /** The answer to `load`. */
  loaded(result: LoadResult): void;
  /** How far the load under way is (sent between its slices). */
  loadProgress(progress: LoadProgress): void;
  /** The answer to a `load` given up by `cancelLoad`: the run before it is back. */
  loadCancelled(): void;
  /** An action in the past cut the run there; `dropped` events of the old future can come back with undo. */
  forked(at: number, time: number, dropped: number): void;
  /** The answer to `exportFile`. */
  exported(format: ExportFormat, text: string): void;
  /** The worker itself failed (an exception in the engine): the simulation is gone. */
  failed(message: string): void;
}

/**
 * A worker that has not answered for this long, with something awaiting its
 * answer and no whole script loading (loads have their own, longer watchdog),
 * is taken for dead: a closed or hung worker sends no error event.
 */
export const SILENCE_MS = 5_000;

export class SimClient {
  private worker: Worker | null = null;
  private silence: ReturnType<typeof setTimeout> | undefined;
  private loadsAwaited = 0;
  private ticksAwaited = 0;
  private seekAwaited = false;
  /** The latest moment asked for while a seek was on its way: dragging the scrubber sends one seek at a time. */
  private queuedSeek: { position: number; time?: number } | null = null;
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
    clearTimeout(this.silence);
    this.silence = undefined;
    this.loadsAwaited = 0;
    this.ticksAwaited = 0;
    this.seekAwaited = false;
    this.queuedSeek = null;
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

  /** Nothing the store's picture depends on is on its way: no tick and no seek awaits its answer. */
  private get quiet(): boolean {
    return this.ticksAwaited === 0 && !this.seekAwaited;
  }

  /** Resolves once every tick and seek sent so far has been answered: the store then holds the simulation as the worker has it. */
  idle(): Promise<void> {
    if (this.quiet) return Promise.resolve();
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

  /** A whole script that replaces the simulation (see the `load` message), shown at `cursor` or after line `afterLine` if given. */
  load(text: string, at?: { cursor?: Cursor; afterLine?: number }): void {
    this.send({ kind: 'load', text, ...(at?.cursor === undefined ? {} : { cursor: at.cursor }), ...(at?.afterLine === undefined ? {} : { afterLine: at.afterLine }) });
  }

  /** Give up the load under way and any sent after it; each is answered with `loadCancelled`. */
  cancelLoad(): void {
    this.send({ kind: 'cancel-load' });
  }

  /** Time travel and undo: messages that carry no scenario line (see protocol.ts). */
  travel(msg: Extract<ToWorker, { kind: 'step-back' | 'step-forward' | 'undo' | 'redo' }>): void {
    this.send(msg);
  }

  /**
   * Show the moment after event `position`, with the clock at `time` if given
   * (a moment between two events). Seeks sent faster than they are answered
   * collapse into the latest.
   */
  seek(position: number, time?: number): void {
    if (this.seekAwaited) {
      this.queuedSeek = time === undefined ? { position } : { position, time };
      return;
    }
    this.seekAwaited = true;
    this.send(time === undefined ? { kind: 'seek', position } : { kind: 'seek', position, time });
  }

  /** Ask the worker for the run as a file for another tool; `exported` answers. */
  exportFile(format: ExportFormat): void {
    this.send({ kind: 'export', format });
  }

  /** Play `ms` more simulated milliseconds, stopping short where `stop` says (then `stopped` fires). */
  tick(ms: number, stop?: StopWhen): void {
    this.send(stop === undefined ? { kind: 'tick', ms } : { kind: 'tick', ms, stop });
  }

  /** Ask for a full snapshot (everything, not only what changed). */
  requestSnapshot(): void {
    this.send({ kind: 'snapshot' });
  }

  private seekAnswered(): void {
    this.seekAwaited = false;
    const next = this.queuedSeek;
    this.queuedSeek = null;
    if (next !== null) this.seek(next.position, next.time);
  }

  private send(msg: ToWorker): void {
    if (this.worker === null) return;
    if (msg.kind === 'tick') this.ticksAwaited++;
    if (msg.kind === 'load') this.loadsAwaited++;
    this.worker.postMessage(msg);
    // Every message is answered; start counting the silence, unless a load may legitimately take long.
    if (this.silence === undefined && this.loadsAwaited === 0) {
      this.silence = setTimeout(() => {
        this.silence = undefined;
        this.handlers.failed('it stopped answering');
      }, SILENCE_MS);
    }
  }

  private receive(msg: FromWorker): void {
    clearTimeout(this.silence);
    this.silence = undefined;
    if (msg.kind === 'loaded' || msg.kind === 'load-cancelled') this.loadsAwaited = Math.max(0, this.loadsAwaited - 1);
    switch (msg.kind) {
      case 'ready':
        this.handlers.ready();
        return;
      case 'snapshot':
        if (msg.cause === 'tick') this.ticksAwaited = Math.max(0, this.ticksAwaited - 1);
        if (msg.cause === 'seek') this.seekAnswered();
        this.handlers.snapshot(msg.snapshot, msg.cause);
        if (this.quiet) this.settle();
        return;
      case 'stopped':
        this.handlers.stopped(msg.reason);
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
      case 'load-progress':
        this.handlers.loadProgress(msg.progress);
        return;
      case 'load-cancelled':
        this.handlers.loadCancelled();
        return;
      case 'forked':
        this.handlers.forked(msg.at, msg.time, msg.dropped);
        return;
      case 'exported':
        this.handlers.exported(msg.format, msg.text);
        return;
      default:
        assertNever(msg);
    }
  }
}
