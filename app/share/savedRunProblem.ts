/**
 * A saved run the page could not read, found on arrival. The page says so (in
 * the place of the offer to restore it, RestoreBanner.tsx) and leaves it in
 * localStorage: the saver writes over it only once the user changes the run on
 * screen or dismisses the message (runSaver.ts), as with a readable saved run.
 * A small store of its own: nothing else on the page needs it.
 */
import { create } from 'zustand';
import { readSavedRun } from './savedRun.ts';
import { SHARE_VERSION, type ShareError, type SharedRun } from './shareCodec.ts';
import { joinSentences } from '../sim/sentence.ts';

export const useSavedRunProblem = create<{ readonly problem: ShareError | null }>()(() => ({ problem: null }));

export const selectSavedRunProblem = (s: { readonly problem: ShareError | null }) => s.problem;

/** On arrival: the saved run to offer, or null; an unreadable one is remembered, to be told. */
export function savedRunOnArrival(storage: Storage | null): SharedRun | null {
  const read = readSavedRun(storage);
  useSavedRunProblem.setState({ problem: read.kind === 'unreadable' ? read.error : null });
  return read.kind === 'run' ? read.run : null;
}

/** The user changed the run, or dismissed the message: the saver may write over the unreadable run now. */
export const forgetSavedRunProblem = (): void => useSavedRunProblem.setState({ problem: null });

/** What the message says: what is wrong with the saved run, and what happens to it. */
export function savedRunProblemText(e: ShareError): string {
  const why =
    e.kind === 'future-version'
      ? `it was saved by a newer version of raftviz (format v${e.version}; this page reads up to v${SHARE_VERSION})`
      : e.kind === 'damaged'
        ? `it is unreadable (${e.detail})`
        : e.kind === 'too-large'
          ? 'it is larger than this page can restore'
          : 'it is unreadable (it is not a saved raftviz run)';
  return joinSentences(
    `Your last run was saved, but it cannot be restored: ${why}`,
    'It stays saved until you change the run on screen or dismiss this message; then the run on screen is saved in its place',
  );
}
