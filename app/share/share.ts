/**
 * Share: a URL that opens this run, at this moment, in any browser. It is put
 * on the clipboard when the browser allows, and always shown, so it can be
 * copied by hand.
 */
import type { Session } from '../session/session.ts';
import { encodeShare } from './shareCodec.ts';

/** This page's address without its query or fragment: what a link is built on. */
const pageAddress = (): string => `${window.location.origin}${window.location.pathname}`;

export async function shareRun(session: Session): Promise<void> {
  const ui = session.store.getState();
  // The link is the moment on screen: stop, and let the last tick land first.
  session.pause();
  await session.idle();
  const { script, time, event } = session.store.getState();
  const encoded = encodeShare({ script: script.join('\n'), cursor: { time, event } });
  if (!encoded.ok) {
    ui.setShare({ url: null, time, event, status: 'too-large' });
    return;
  }
  const url = `${pageAddress()}#${encoded.fragment}`;
  ui.setShare({ url, time, event, status: 'copying' });
  const copied = await copyText(url);
  // Only if no newer link was made meanwhile.
  if (session.store.getState().share?.url === url) ui.setShare({ url, time, event, status: copied ? 'copied' : 'not-copied' });
}

/** The clipboard may be missing (an insecure page), or refused (no permission, not focused). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard === undefined) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export const closeShare = (session: Session): void => session.store.getState().setShare(null);
