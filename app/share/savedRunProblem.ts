/**
 * What the page says of a saved run it could not read, found on arrival. The
 * page says so (in the place of the offer to restore it, RestoreBanner.tsx)
 * and leaves it where it is: the saver writes over it only once the user
 * changes the run on screen or dismisses the message (runSaver.ts), as with a
 * readable saved run. The problem itself is the session's store's
 * `savedRunProblem`, set on arrival (`savedRunOnArrival`, called by app/session/opening.ts).
 */
import type { AppStore } from '../store/store.ts';
import type { SavedRunRead } from './savedRun.ts';
import { SHARE_VERSION, type ShareError, type SharedRun } from './shareCodec.ts';
import { joinSentences } from '../sim/sentence.ts';

/**
 * On arrival: the saved run to offer, or null. One that cannot be read is
 * someone's work: it is remembered in `store`, to be told.
 */
export function savedRunOnArrival(store: AppStore, read: SavedRunRead): SharedRun | null {
  store.getState().setSavedRunProblem(read.kind === 'unreadable' ? read.error : null);
  return read.kind === 'run' ? read.run : null;
}

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
