/** Runs the simulation worker for as long as the app is mounted. */
import { useEffect } from 'react';
import { simulation } from '../sim/simulation.ts';

export function useSimulation(): void {
  useEffect(() => {
    simulation.start();
    return () => simulation.terminate();
  }, []);
}
