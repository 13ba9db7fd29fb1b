/**
 * The worker's entry point: the only file that touches the worker's message port.
 * Everything else about the simulation lives in SimHost.
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { SimHost } from './simHost.ts';

const host = new SimHost();
const post = (m: FromWorker): void => self.postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  for (const reply of host.handle(e.data)) post(reply);
};

post({ kind: 'ready' });
