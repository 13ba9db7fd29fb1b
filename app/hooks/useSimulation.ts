/**
 * Runs the simulation worker for as long as the app is mounted, and opens a
 * shared link pasted into the address bar of an open page (only the fragment
 * changes, so the page is not reloaded).
 */
import { useEffect } from 'react';
import { openFromLocation, simulation } from '../sim/simulation.ts';
import { holdSaving } from '../share/runSaver.ts';

export function useSimulation(): void {
  useEffect(() => {
    simulation.start();
    const onHashChange = (): void => {
      if (window.location.hash.length <= 1) return;
      holdSaving();
      openFromLocation();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      simulation.terminate();
    };
  }, []);
}
