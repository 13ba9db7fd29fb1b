/**
 * The cluster view's text alternative for a screen reader: a polite live
 * region that says, in words, what changed that matters (announcement.ts).
 *
 * It speaks at most once per ANNOUNCE_MS. The first change after a quiet spell
 * opens a window; when it closes, the cluster as it then stands is compared
 * with what was last announced, so at 10× a burst of elections is one sentence
 * about where they ended, not a sentence per event. It reads the store outside
 * React renders, so playing costs it no render at all while nothing is said.
 */
import { useEffect, useState } from 'react';
import { type Store } from '../store/store.ts';
import { announcement, clusterFacts, type ClusterFacts } from './announcement.ts';
import { useSession } from '../session/useSession.ts';

/** The shortest gap between two announcements, in wall milliseconds. */
export const ANNOUNCE_MS = 1000;

const watched = (s: Store) => [s.ids, s.nodes, s.leader, s.cuts, s.configs] as const;

export function ClusterAnnouncer() {
  const session = useSession();
  // Each announcement is a new element, so the same words said twice in a row are read twice.
  const [said, setSaid] = useState<{ n: number; text: string }>({ n: 0, text: '' });
  useEffect(() => {
    const store = session.store;
    let last: ClusterFacts | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      timer = undefined;
      const s = store.getState();
      if (s.ids.length === 0) return;
      const now = clusterFacts(s);
      const text = announcement(last, now);
      last = now;
      if (text !== null) setSaid((p) => ({ n: p.n + 1, text }));
    };
    let seen = watched(store.getState());
    const unsubscribe = store.subscribe((s) => {
      const next = watched(s);
      if (next.every((x, i) => x === seen[i])) return;
      seen = next;
      timer ??= setTimeout(flush, ANNOUNCE_MS);
    });
    // The cluster on screen when the page opens is described once it has settled.
    timer = setTimeout(flush, ANNOUNCE_MS);
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [session]);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="cluster-announcer" data-count={said.n}>
      {said.n > 0 && <p key={said.n}>{said.text}</p>}
    </div>
  );
}
