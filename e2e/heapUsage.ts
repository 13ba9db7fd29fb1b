/**
 * The JavaScript heap of a page and of its dedicated workers, after a full
 * garbage collection, read through the Chrome DevTools Protocol: what the page
 * keeps, not what is waiting to be collected.
 *
 * A worker has no `performance.memory`, and Playwright opens CDP sessions on
 * pages only, so the worker is reached through the page's session: auto-attach
 * (not flattened) gives each worker a session id, and its commands travel in
 * `Target.sendMessageToTarget`.
 */
import type { CDPSession, Page } from '@playwright/test';

interface Reply {
  readonly id: number;
  readonly result?: { readonly usedSize?: number };
  readonly error?: { readonly message: string };
}

export interface HeapReader {
  /** The page's heap in bytes, after a full GC. */
  page(): Promise<number>;
  /** The heap in bytes of the page's (first) dedicated worker, after a full GC. */
  worker(): Promise<number>;
}

export async function heapReader(page: Page): Promise<HeapReader> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let workerSession: string | null = null;
  let nextId = 1;
  const pending = new Map<number, (r: Reply) => void>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker' && workerSession === null) workerSession = e.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const reply = JSON.parse(e.message) as Reply;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const inWorker = (method: string): Promise<Reply> =>
    new Promise((resolve, reject) => {
      if (workerSession === null) return reject(new Error('no worker attached'));
      const id = nextId++;
      pending.set(id, (r) => (r.error ? reject(new Error(`${method}: ${r.error.message}`)) : resolve(r)));
      void cdp.send('Target.sendMessageToTarget', { sessionId: workerSession, message: JSON.stringify({ id, method, params: {} }) });
    });

  return {
    async page() {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
    async worker() {
      for (let i = 0; workerSession === null && i < 50; i++) await new Promise((r) => setTimeout(r, 100));
      await inWorker('HeapProfiler.collectGarbage');
      return (await inWorker('Runtime.getHeapUsage')).result?.usedSize ?? 0;
    },
  };
}
