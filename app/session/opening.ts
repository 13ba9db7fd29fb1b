/**
 * What a session opens first, and again when a link is pasted into the
 * address bar: what the page's URL names (see app/sim/startup.ts), and the
 * offer to restore the run an earlier visit saved (read from IndexedDB,
 * app/storage/keptData.ts, before anything opens).
 */
import type { Session } from './session.ts';
import { openingFor, type Opening } from '../sim/startup.ts';
import { contentChunk } from '../content/contentLoad.ts';
import { browserStorage, readLoadFailure, type SavedRunRead } from '../share/savedRun.ts';
import { savedRunOnArrival } from '../share/savedRunProblem.ts';
import { badLinkMessage, unknownNameMessage } from '../sim/openingNotices.ts';
import { libraryRequest, restoreSavedRun } from '../sim/actions.ts';
import { startTour } from '../tour/tourActions.ts';
import { shouldWelcome } from '../tour/welcome.ts';

/** Open what the page's URL names. */
export function openFromLocation(session: Session): void {
  // What an earlier visit kept (IndexedDB) is read before anything opens: a reload brings the saved run back without the default cluster first.
  const kept = session.options.embedded ? Promise.resolve(null) : session.kept.load();
  void Promise.all([contentChunk(), kept]).then(([{ LIBRARY, TOURS }, k]) =>
    open(session, openingFor(window.location.search, window.location.hash, LIBRARY, TOURS), k?.savedRun ?? { kind: 'none' }),
  );
}

function open(session: Session, opening: Opening, savedRun: SavedRunRead): void {
  const store = () => session.store.getState();
  const embedded = session.options.embedded;
  // On arrival (not a link pasted into an open page), the run an earlier visit
  // saved is offered back, whatever the address opens: acting on the new run
  // replaces the saved one, and the offer says so. A reload of the plain address
  // brings it straight back, unless it failed to load last time (then the offer says why).
  const saved = store().loaded || embedded ? null : savedRunOnArrival(session.store, savedRun);
  const failed = saved === null ? null : readLoadFailure(browserStorage());
  if (saved !== null) store().setRestoreOffer(saved, failed);
  if (opening.kind === 'default' && saved !== null && failed === null && reloaded()) return restoreSavedRun(session);
  switch (opening.kind) {
    case 'default':
      store().setWelcome(!embedded && shouldWelcome(browserStorage()));
      return session.openDefault();
    case 'preset':
      return session.openPreset({ kind: 'preset', name: opening.name }, true);
    case 'library':
      return session.openScript({ ...libraryRequest(opening.scenario), byPage: true });
    case 'link':
      return session.openScript({ text: opening.run.script, label: 'The link', cursor: opening.run.cursor, byPage: true });
    case 'bad-link': {
      // Pasted into an open page, a bad link leaves the run on screen as it is.
      const fallback = !store().loaded;
      store().showNotice({ tone: 'error', message: badLinkMessage(opening.error, fallback) });
      return fallback ? session.openDefault() : undefined;
    }
    case 'tour':
      startTour(session, opening.tour, opening.step);
      // After the start, which clears the notices of whatever was on screen before.
      if (!opening.stepOk) {
        store().showNotice({ tone: 'warning', message: `The tour “${opening.tour.title}” has steps 1 to ${opening.tour.steps.length}; showing step ${opening.step + 1}.` });
      }
      return;
    case 'unknown-tour':
      store().showNotice({ tone: 'error', message: unknownNameMessage('tour', opening.name) });
      return session.openDefault();
    case 'unknown-scenario':
      store().showNotice({ tone: 'error', message: unknownNameMessage('scenario', opening.name) });
      return session.openDefault();
  }
}

/** Was this page reloaded (rather than opened afresh)? */
function reloaded(): boolean {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === 'reload';
}
