/** What the user is doing with the page: playing or not, how fast, what is selected. */
import type { StateCreator } from 'zustand';
import type { NodeId } from '../../engine/types.ts';
import type { Store } from './store.ts';

export type Selection = { readonly kind: 'node'; readonly id: NodeId } | { readonly kind: 'message'; readonly id: number } | null;

/** Simulated ms per wall ms. The default shows a first election (100-200 ms timeouts) within about two seconds. */
export const DEFAULT_SPEED = 0.1;
export const MIN_SPEED = 0.001;
export const MAX_SPEED = 10;

export interface UiSlice {
  readonly playing: boolean;
  readonly speed: number;
  readonly selection: Selection;
  /** Client requests sent so far, to name the next one (v1, v2, ...). */
  readonly requests: number;
  /** Hide background traffic (heartbeats, messages lost to a standing fault) in the event list. */
  readonly hideHeartbeats: boolean;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  select(selection: Selection): void;
  /** The value for the next client request. */
  nextRequestValue(): string;
  setHideHeartbeats(hide: boolean): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set, get) => ({
  playing: false,
  speed: DEFAULT_SPEED,
  selection: null,
  requests: 0,
  hideHeartbeats: true,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) }),
  select: (selection) => set({ selection }),
  nextRequestValue: () => {
    const requests = get().requests + 1;
    set({ requests });
    return `v${requests}`;
  },
  setHideHeartbeats: (hideHeartbeats) => set({ hideHeartbeats }),
});
