/**
 * The worker's entry point: the only file that touches the worker's message port.
 * Everything else about the simulation lives in SimHost.
 *
 * A load runs in slices (loadJob.ts). Between two slices the worker goes back
 * to its event loop, so a `cancel-load` the page sent meanwhile is read before
 * the next slice: each slice is posted to a MessageChannel, which queues it
 * behind the page's messages without the 4 ms a chain of zero timeouts is held back by.
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { SimHost } from './simHost.ts';

const host = new SimHost();
const post = (m: FromWorker): void => self.postMessage(m);
const slices = new MessageChannel();
let sliceQueued = false;

function answer(replies: readonly FromWorker[]): void {
  for (const reply of replies) post(reply);
  if (host.loading && !sliceQueued) {
    sliceQueued = true;
    slices.port2.postMessage(null);
  }
}

slices.port1.onmessage = () => {
  sliceQueued = false;
  answer(host.work());
};

self.onmessage = (e: MessageEvent<ToWorker>) => answer(host.handle(e.data));

post({ kind: 'ready' });
