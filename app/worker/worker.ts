/**
 * The worker's entry point: the only file that touches the worker's message port.
 * Everything else about the simulation lives in SimHost.
 *
 * A load runs in slices (loadJob.ts). Between two slices the worker goes back
 * to its event loop, so a `cancel-load` the page sent meanwhile is read before
 * the next slice: each slice is posted to a MessageChannel, which queues it
 * behind the page's messages without the 4 ms a chain of zero timeouts is held back by.
 *
 * The host and its slice queue are made by `serve`, not at module level, so
 * nothing about a simulation outlives the scope that serves it.
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { SimHost } from './simHost.ts';

function serve(scope: DedicatedWorkerGlobalScope): void {
  const host = new SimHost();
  const post = (m: FromWorker): void => scope.postMessage(m);
  const slices = new MessageChannel();
  let sliceQueued = false;

  const answer = (replies: readonly FromWorker[]): void => {
    for (const reply of replies) post(reply);
    if (host.loading && !sliceQueued) {
      sliceQueued = true;
      slices.port2.postMessage(null);
    }
  };

  slices.port1.onmessage = () => {
    sliceQueued = false;
    answer(host.work());
  };
  scope.onmessage = (e: MessageEvent<ToWorker>) => answer(host.handle(e.data));
  post({ kind: 'ready' });
}

serve(self as DedicatedWorkerGlobalScope);
