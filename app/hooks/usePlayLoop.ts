/**
 * Playing: each frame, wall time × speed becomes simulated time owed to the
 * worker, sent as one `tick`. A new tick goes out only after the previous one's
 * snapshot came back, so a slow worker gets bigger ticks, not a queue, and the
 * page receives at most one snapshot per frame.
 *
 * Each tick carries the conditions playing stops at, and the worker stops the
 * tick exactly there (and says so, which pauses the page): the first event that
 * breaks a safety property, and, during a tour, the end of the recorded run
 * (the step's end, where the next step's caption belongs).
 */
import { useRef } from 'react';
import { useSession } from '../session/useSession.ts';
import { useAnimationFrame } from './useAnimationFrame.ts';
import { stepEnd } from '../tour/stepEnd.ts';
import type { StopWhen } from '../worker/protocol.ts';

/** A frame longer than this (a background tab, a debugger pause) counts as this long. */
const MAX_FRAME_MS = 100;
/** Never owe the worker more than this much wall time's worth of simulation. */
const MAX_OWED_WALL_MS = 250;

export function usePlayLoop(): void {
  const session = useSession();
  const simulation = session.client;
  const last = useRef<number | null>(null);
  const owed = useRef(0);
  useAnimationFrame((now) => {
    const dt = last.current === null ? 0 : Math.min(now - last.current, MAX_FRAME_MS);
    last.current = now;
    const { playing, speed, loaded, tour, timeline } = session.store.getState();
    if (!playing || !loaded) {
      owed.current = 0;
      return;
    }
    owed.current = Math.min(owed.current + dt * speed, MAX_OWED_WALL_MS * speed + 1);
    if (simulation.awaitingTick || owed.current < 1) return;
    const whole = Math.floor(owed.current);
    owed.current -= whole;
    const stop: StopWhen = tour !== null && !timeline.live ? { violation: true, at: stepEnd(timeline) } : { violation: true };
    simulation.tick(whole, stop);
  });
}
