/**
 * Narrow, module-level selectors: a component re-renders only when what it
 * selects changes. Object-shaped ones are meant for `useShallow`.
 */
import type { ClientId, NodeId } from '../../engine/types.ts';
import type { ClientView, NodeView } from '../worker/viewModel.ts';
import type { Store } from './store.ts';
import { violationMarks } from '../safety/violationMarks.ts';
import { memberKindOf, membershipMatters, shownConfig, type ShownConfig } from '../membership/shownConfig.ts';
import type { MemberKind } from '../../engine/raft/configs.ts';

export const selectIds = (s: Store) => s.ids;
export const selectTime = (s: Store) => s.time;
export const selectEvent = (s: Store) => s.event;
export const selectLeader = (s: Store) => s.leader;
export const selectNodes = (s: Store) => s.nodes;
export const selectLogs = (s: Store) => s.logs;
export const selectMachines = (s: Store) => s.machines;
export const selectConfigs = (s: Store) => s.configs;
export const selectClientIds = (s: Store) => s.clientIds;
export const selectClients = (s: Store) => s.clients;
export const selectMessages = (s: Store) => s.messages;
export const selectCuts = (s: Store) => s.cuts;
export const selectEvents = (s: Store) => s.events;
export const selectHistory = (s: Store) => s.history;
export const selectScript = (s: Store) => s.script;
export const selectTimeline = (s: Store) => s.timeline;
export const selectSelection = (s: Store) => s.selection;
export const selectPlaying = (s: Store) => s.playing;
export const selectSpeed = (s: Store) => s.speed;
export const selectConfig = (s: Store) => s.config;
export const selectLastError = (s: Store) => s.lastError;
export const selectNotice = (s: Store) => s.notice;
export const selectShare = (s: Store) => s.share;
export const selectRestoreOffer = (s: Store) => s.restoreOffer;
export const selectSavedRunProblem = (s: Store) => s.savedRunProblem;
export const selectNotKept = (s: Store) => s.notKept;
export const selectLoading = (s: Store) => s.loading;
export const selectLoadProgress = (s: Store) => s.loadProgress;
export const selectRestoreFailed = (s: Store) => s.restoreFailed;
export const selectHideHeartbeats = (s: Store) => s.hideHeartbeats;
export const selectTour = (s: Store) => s.tour;
export const selectWelcome = (s: Store) => s.welcome;
export const selectLibrary = (s: Store) => s.library;
export const selectTours = (s: Store) => s.tours;

export const selectClientHistory = (s: Store) => s.clientHistory;
export const selectVerdict = (s: Store) => s.clientHistory.verdict;
export const selectViolationCount = (s: Store) => s.violationCount;
export const selectViolations = (s: Store) => s.violations;
export const selectStats = (s: Store) => s.stats;
export const selectProbes = (s: Store) => s.stats.probes;
/** The run's Raft options; the store keeps the config by reference while it is unchanged. */
export const selectRaft = (s: Store) => s.config.raft;

/**
 * A pure memo table, not state: the same id always gets the same selector, and
 * a selector holds nothing of any store, so sessions can share it.
 */
const nodeSelectors = new Map<NodeId, (s: Store) => NodeView | undefined>();
/** One selector per node id, made once, so it is as stable as a module-level one. */
export function selectNode(id: NodeId): (s: Store) => NodeView | undefined {
  let f = nodeSelectors.get(id);
  if (f === undefined) {
    f = (s) => s.nodes[id];
    nodeSelectors.set(id, f);
  }
  return f;
}

/** A pure memo table like nodeSelectors'. */
const clientSelectors = new Map<ClientId, (s: Store) => ClientView | undefined>();
/** One selector per client id, made once. */
export function selectClient(id: ClientId): (s: Store) => ClientView | undefined {
  let f = clientSelectors.get(id);
  if (f === undefined) {
    f = (s) => s.clients[id];
    clientSelectors.set(id, f);
  }
  return f;
}

/** Each client's believed leader, as one string ("n1,,n2"): a primitive, so the cluster re-renders only when a belief changes. */
export const selectLeaderGuesses = (s: Store): string => s.clientIds.map((c) => s.clients[c]?.leaderGuess ?? '').join(',');

/** A pure memo table like nodeSelectors'. */
const involvedSelectors = new Map<NodeId, (s: Store) => boolean>();
/** Whether the node is involved in a violation shown (see violationMarks.ts); one stable selector per id. */
export function selectInViolation(id: NodeId): (s: Store) => boolean {
  let f = involvedSelectors.get(id);
  if (f === undefined) {
    f = (s) => s.violations.length > 0 && violationMarks(s.violations).nodes.has(id);
    involvedSelectors.set(id, f);
  }
  return f;
}

/** The selected node's id, if a node is selected. */
export const selectSelectedNode = (s: Store): NodeId | null => (s.selection?.kind === 'node' ? s.selection.id : null);
/** The selected client's id, if a client is selected. */
export const selectSelectedClient = (s: Store): ClientId | null => (s.selection?.kind === 'client' ? s.selection.id : null);
/** The selected message's id, if a message is selected. */
export const selectSelectedMessage = (s: Store): number | null => (s.selection?.kind === 'message' ? s.selection.id : null);

/**
 * A pure memo table, not state: the configuration drawn (shownConfig.ts) for a
 * configs record (kept by reference while no configuration changed) and a
 * leader, so the selector returns the same object until one of them changes.
 */
const shownMemo = new WeakMap<object, Map<string, ShownConfig | null>>();
/** The configuration the page draws (§6): the leader's, or with none the newest. */
export function selectShownConfig(s: Store): ShownConfig | null {
  let byLeader = shownMemo.get(s.configs);
  if (byLeader === undefined) {
    byLeader = new Map();
    shownMemo.set(s.configs, byLeader);
  }
  const key = `${s.leader ?? ''}|${s.ids.join(',')}`;
  let shown = byLeader.get(key);
  if (shown === undefined) {
    shown = shownConfig(s.ids, s.leader, s.configs);
    byLeader.set(key, shown);
  }
  return shown;
}

/** Whether the run has a membership story to draw (shownConfig.ts); a plain cluster is drawn as it always was. */
export const selectMembershipMatters = (s: Store): boolean => membershipMatters(s.ids, s.configs);

/** A pure memo table like nodeSelectors'. */
const memberSelectors = new Map<NodeId, (s: Store) => MemberKind>();
/** What the node is (§6): voter, learner or none, in the leader's configuration, or with no leader its own. */
export function selectMemberKind(id: NodeId): (s: Store) => MemberKind {
  let f = memberSelectors.get(id);
  if (f === undefined) {
    f = (s) => memberKindOf(id, s.leader, s.configs);
    memberSelectors.set(id, f);
  }
  return f;
}
