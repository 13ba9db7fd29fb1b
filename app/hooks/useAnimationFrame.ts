/**
 * Calls `callback(now)` on every animation frame while mounted. The latest
 * callback is used without restarting the loop, so it may close over props.
 */
import { useEffect, useRef } from 'react';

export function useAnimationFrame(callback: (now: number) => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    let id = requestAnimationFrame(function frame(now) {
      latest.current(now);
      id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, []);
}
