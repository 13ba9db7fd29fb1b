/**
 * The words for the hovered or focused item. The functions that write them
 * (whyText and what it calls) come in their own chunk, requested as soon as the
 * page starts, so the entry script stays small. Until it arrives there are no
 * words and the explanation stays hidden; it appears as soon as they come, even
 * for an item already hovered.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Store } from '../store/store.ts';
import { useAppStore } from '../store/useAppStore.ts';
import type { WhyTarget } from './whyTarget.ts';

type WhyText = typeof import('./whyText.ts').whyText;

/**
 * The chunk, requested when this module is first evaluated (with the page's
 * entry script). An immutable promise, not state: the module loader fetches
 * the chunk once, and each hook instance waits on it for itself.
 */
const whyTextChunk = import('./whyText.ts');

export function useWhyText(target: WhyTarget | null): string | null {
  const [write, setWrite] = useState<WhyText | null>(null);
  useEffect(() => {
    let mounted = true;
    void whyTextChunk.then((m) => {
      // A function in state must be wrapped, or React would call it as an updater.
      if (mounted) setWrite(() => m.whyText);
    });
    return () => {
      mounted = false;
    };
  }, []);
  // A string, so the tooltip re-renders only when the words change, not on every snapshot.
  return useAppStore(useCallback((s: Store) => (target === null || write === null ? null : write(target, s)), [target, write]));
}
