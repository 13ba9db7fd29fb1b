/**
 * Everything the user can do to the simulation, as functions of the page's
 * session. Each sends typed scenario commands (engine/scenario/ast.ts), which
 * the session formats and records, so every change is in the script.
 */
import type { CommandBody, PresetName } from '../../engine/scenario/ast.ts';
import type { ClientId, KvOp, NodeId, ReadMode } from '../../engine/types.ts';
import { linkKey } from '../../engine/sim/cluster.ts';
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import type { Session } from '../session/session.ts';
import type { LibraryScenario } from '../library/library.ts';
import type { ScriptRequest } from './loadNotice.ts';
import { showInAddressBar } from '../tour/tourLink.ts';
import { browserStorage, writeLoadFailure } from '../share/savedRun.ts';

const ui = (session: Session) => session.store.getState();

export const play = (session: Session): void => session.play();
export const pause = (session: Session): void => session.pause();
export const togglePlaying = (session: Session): void => session.togglePlaying();

/**
 * Exactly one event on. Stepping while playing would be lost in the stream, so
 * it pauses first. In the past it replays the recorded next event; at the live
 * end it is a recorded `step`.
 */
export function stepOnce(session: Session): void {
  session.pause();
  ui(session).clearError();
  session.startSaving();
  session.travel({ kind: 'step-forward' });
}

/** Exactly one event back. Looking at the past changes nothing until you act there. */
export function stepBack(session: Session): void {
  session.pause();
  session.travel({ kind: 'step-back' });
}

/** Show the run just after event `position`, with the clock at `time` if given (its end is the live state). */
export function seekTo(session: Session, position: number, time?: number): void {
  if (!ui(session).loaded) return;
  session.pause();
  session.seek(position, time);
}

/** Back to the live end of the run. */
export const backToLive = (session: Session): void => seekTo(session, ui(session).timeline.length);

/** Bring back the run as it was before the last fork, reset, or loaded script. */
export function undo(session: Session): void {
  if (!ui(session).timeline.canUndo) return;
  session.pause();
  ui(session).showNotice(null);
  session.travel({ kind: 'undo' });
}

export function redo(session: Session): void {
  if (!ui(session).timeline.canRedo) return;
  session.pause();
  session.travel({ kind: 'redo' });
}

/** Start the current cluster or preset over, with the same options and seed. A preset starts paused, as when loaded. */
export function reset(session: Session): void {
  const setup = ui(session).setup;
  if (setup.length === 0) return;
  if (setup.some((line) => line.startsWith('preset '))) session.pause();
  // The setup is the worker's own recording of the run's first lines, already formatted.
  session.sendLines(setup);
}

/** Close the guided tour, if one is under way; the simulation stays as it is, to play with from there. */
export function leaveTour(session: Session): void {
  if (ui(session).tour === null) return;
  ui(session).setTour(null);
  showInAddressBar('', session.options.embedded);
}

/** What the setup controls choose besides the node count and the seed. */
export interface ClientSetup {
  readonly clients: number;
  readonly reads: ReadMode;
  /** Snapshot every n applied entries (§7); null: off. Absent: off. */
  readonly snapshot?: number | null;
  /** The initial configuration's voters (`members=`, §6); null or absent: every node. */
  readonly members?: readonly NodeId[] | null;
}

/**
 * A fresh cluster, every other option at its default. `setup` keeps the
 * clients, the read mode, the snapshot threshold and the initial members
 * chosen in the setup controls (defaults: none, `log`, off, every node).
 */
export function newCluster(session: Session, nodes: number, seed: number, setup?: ClientSetup): void {
  leaveTour(session);
  ui(session).select(null);
  const clients = setup?.clients ?? DEFAULT_CONFIG.clients;
  const raft = { ...DEFAULT_CONFIG.raft, reads: setup?.reads ?? DEFAULT_CONFIG.raft.reads, snapshot: setup?.snapshot ?? DEFAULT_CONFIG.raft.snapshot };
  // Members that the new node count no longer has are dropped: then every node is a member.
  const members = setup?.members ?? null;
  const kept = members !== null && members.length < nodes && members.every((id) => Number(id.slice(1)) <= nodes) ? members : null;
  session.command({ kind: 'cluster', config: { ...DEFAULT_CONFIG, nodes, seed, clients, raft, members: kept } });
}

/** Load a preset, paused, so the user can act on it first. */
export function loadPreset(session: Session, name: PresetName): void {
  leaveTour(session);
  session.pause();
  ui(session).select(null);
  session.command({ kind: 'preset', name });
}

export const crash = (session: Session, node: NodeId): void => session.command({ kind: 'crash', node });
export const restart = (session: Session, node: NodeId): void => session.command({ kind: 'restart', node });
export const campaign = (session: Session, node: NodeId): void => session.command({ kind: 'campaign', node });
/** `snapshot <node>`: snapshot its state machine now, up to lastApplied, and compact its log (§7). */
export const snapshotNow = (session: Session, node: NodeId): void => session.command({ kind: 'snapshot', node });

/** `add <node>`: the leader adds the server, as a learner first, then as a voter (a single-server change, thesis §4.1). */
export const addToCluster = (session: Session, node: NodeId): void =>
  session.command({ kind: 'change', request: { how: 'single', add: [node], remove: [] } });
/** `remove <node>`: the leader removes the server (a single-server change); a removed leader steps down once it commits (§6). */
export const removeFromCluster = (session: Session, node: NodeId): void =>
  session.command({ kind: 'change', request: { how: 'single', add: [], remove: [node] } });
/** `transfer <node>`: the leader hands its leadership to that voter (thesis §3.10). */
export const transferLeadership = (session: Session, node: NodeId): void => session.command({ kind: 'transfer', node });

/** A client request to one node, or to whichever node leads (`leader`). */
export const propose = (session: Session, target: NodeId | 'leader'): void =>
  session.command({ kind: 'propose', target, value: ui(session).nextRequestValue() });

/** An operation for a client of the key-value store (§8): it sends it, or queues it behind the one it waits on. */
export const clientOp = (session: Session, client: ClientId, op: KvOp): void => session.command({ kind: 'client', client, op });

/**
 * The quick client request (the `c` key, the toolbar's button): with clients, c1
 * puts a fresh value under key `k` (so each request is told apart by its value,
 * as `propose`'s are); without, a raw value proposed to the leader.
 */
export function quickRequest(session: Session): void {
  if (ui(session).clientIds.length === 0) return propose(session, 'leader');
  clientOp(session, ui(session).clientIds[0], { kind: 'put', key: 'k', value: ui(session).nextRequestValue() });
}

export function toggleLink(session: Session, a: NodeId, b: NodeId): void {
  const cut = ui(session).cuts.has(linkKey(a, b));
  session.command(cut ? { kind: 'heal', pair: [a, b] } : { kind: 'cut', a, b });
}

export const healAll = (session: Session): void => session.command({ kind: 'heal', pair: null });

/** The leader crashes and restarts at once (RaftScope's `r`): it comes back a follower, and a new election follows. */
export function restartLeader(session: Session): void {
  const leader = ui(session).leader;
  if (leader === null) return ui(session).showNotice({ tone: 'info', message: 'There is no leader to restart right now.' });
  const both: CommandBody[] = [
    { kind: 'crash', node: leader },
    { kind: 'restart', node: leader },
  ];
  session.command(both);
}

/** Every follower's election timer set at once: one after another (`spread`), or all together (`align`) (§5.2). */
export const setTimers = (session: Session, layout: 'spread' | 'align'): void => session.command({ kind: 'timers', layout });

export const dropMessage = (session: Session, id: number): void => session.command({ kind: 'drop-message', id });

export const restartFromRecording = (session: Session): void => session.restartFromRecording();

export const libraryRequest = (s: LibraryScenario): ScriptRequest => ({ text: s.text, label: `“${s.title}”` });

/** Open a library scenario: its whole script, run to its end, paused. */
export function openLibraryScenario(session: Session, s: LibraryScenario): void {
  leaveTour(session);
  session.startSaving();
  session.openScript(libraryRequest(s));
}

/** Bring back the run an earlier visit saved. */
export function restoreSavedRun(session: Session): void {
  const saved = ui(session).restoreOffer;
  if (saved === null) return;
  ui(session).setRestoreOffer(null);
  leaveTour(session);
  // Saving starts only once it is back, so a run that will not load stays saved. One that failed
  // to load is marked so, so the next reload offers it rather than waiting for it again, and is offered back now.
  // It is marked unfinished until answered: a page closed or reloaded meanwhile counts as a failed try.
  writeLoadFailure(browserStorage(), { kind: 'unfinished' });
  session.openScript({
    text: saved.script,
    label: 'Your saved run',
    cursor: saved.cursor,
    then: (r) => {
      writeLoadFailure(browserStorage(), null);
      if (r.ok) session.startSaving();
    },
    failed: (why) => {
      writeLoadFailure(browserStorage(), why);
      if (ui(session).restoreOffer === null) ui(session).setRestoreOffer(saved, why);
    },
  });
}

/** Keep the run on screen instead; it replaces the saved one from now on. */
export const dismissSavedRun = (session: Session): void => session.startSaving();
