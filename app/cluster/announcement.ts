/**
 * The cluster in words, for a screen reader's live region (ClusterAnnouncer):
 * only the changes a sighted reader notices at a glance — who leads, who
 * crashed or came back, who is campaigning, how the network is split — never
 * each message or heartbeat. `announcement` compares two moments, so changes
 * that undo themselves in between (a candidate that stepped down again, a link
 * cut and restored) say nothing.
 */
import type { NodeId } from '../../engine/types.ts';
import { linkKey } from '../../engine/sim/cluster.ts';
import type { DrawnRole, NodeView } from '../worker/viewModel.ts';
import type { ConfigView } from '../store/mergeSnapshot.ts';
import { membershipMatters, shownConfig } from '../membership/shownConfig.ts';
import { configWords } from '../membership/configWords.ts';

export interface ClusterFacts {
  readonly ids: readonly NodeId[];
  readonly roles: Readonly<Record<NodeId, DrawnRole>>;
  readonly terms: Readonly<Record<NodeId, number>>;
  /** The leader of the highest term, as the view crowns it. */
  readonly leader: NodeId | null;
  /** Cut links, `a-b` with the lower number first, sorted. */
  readonly cuts: readonly string[];
  /** The configuration drawn (§6), in words; null (or absent) in a cluster where every node has always voted. */
  readonly config?: string | null;
}

export interface FactsSource {
  readonly ids: readonly NodeId[];
  readonly nodes: Readonly<Record<NodeId, NodeView>>;
  readonly leader: NodeId | null;
  readonly cuts: ReadonlySet<string>;
  readonly configs?: Readonly<Record<NodeId, ConfigView>>;
}

export function clusterFacts(s: FactsSource): ClusterFacts {
  const configs = s.configs ?? {};
  const shown = membershipMatters(s.ids, configs) ? shownConfig(s.ids, s.leader, configs) : null;
  const roles: Record<NodeId, DrawnRole> = {};
  const terms: Record<NodeId, number> = {};
  for (const id of s.ids) {
    roles[id] = s.nodes[id]?.role ?? 'follower';
    terms[id] = s.nodes[id]?.term ?? 0;
  }
  return { ids: s.ids, roles, terms, leader: s.leader, cuts: [...s.cuts].sort(), config: shown === null ? null : configWords(shown.config) };
}

/** "n1", "n1 and n2", "n1, n2 and n3". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const dash = (key: string): string => key.replace('-', '–');

/** Nodes that can still reach each other over links that are not cut, each group in id order; crashed nodes count too. */
export function networkGroups(ids: readonly NodeId[], cuts: readonly string[]): NodeId[][] {
  const cut = new Set(cuts);
  const seen = new Set<NodeId>();
  const groups: NodeId[][] = [];
  for (const start of ids) {
    if (seen.has(start)) continue;
    const group: NodeId[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const a = queue.shift()!;
      group.push(a);
      for (const b of ids) {
        if (seen.has(b) || cut.has(linkKey(a, b))) continue;
        seen.add(b);
        queue.push(b);
      }
    }
    groups.push(group.sort((x, y) => ids.indexOf(x) - ids.indexOf(y)));
  }
  return groups;
}

const groupsWords = (groups: readonly NodeId[][]): string => groups.map((g) => listWords(g)).join(' | ');

function leaderWords(f: ClusterFacts): string {
  return f.leader === null ? 'No leader.' : `${f.leader} is leader of term ${f.terms[f.leader]}.`;
}

/** The whole cluster, for a new run: its size, its leader, and what is not as usual. */
export function describeCluster(f: ClusterFacts): string {
  const parts = [`A cluster of ${f.ids.length} node${f.ids.length === 1 ? '' : 's'}.`, leaderWords(f)];
  const down = f.ids.filter((id) => f.roles[id] === 'down');
  if (down.length > 0) parts.push(`${listWords(down)} ${down.length === 1 ? 'is' : 'are'} crashed.`);
  const groups = networkGroups(f.ids, f.cuts);
  if (groups.length > 1) parts.push(`The network is split: ${groupsWords(groups)}.`);
  else if (f.cuts.length > 0) parts.push(`Cut: ${listWords(f.cuts.map(dash))}.`);
  if (f.config != null) parts.push(`Configuration: ${f.config}.`);
  return parts.join(' ');
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What changed from `before` to `after` that matters, in a few sentences, or
 * null if nothing did. A new set of nodes (a new run) is described whole.
 */
export function announcement(before: ClusterFacts | null, after: ClusterFacts): string | null {
  if (before === null || !sameList(before.ids, after.ids)) return describeCluster(after);
  const parts: string[] = [];

  const crashed = after.ids.filter((id) => after.roles[id] === 'down' && before.roles[id] !== 'down');
  const restarted = after.ids.filter((id) => after.roles[id] !== 'down' && before.roles[id] === 'down');
  if (crashed.length > 0) parts.push(`${listWords(crashed)} crashed.`);
  if (restarted.length > 0) parts.push(`${listWords(restarted)} restarted.`);

  if (!sameList(before.cuts, after.cuts)) {
    const groupsBefore = networkGroups(before.ids, before.cuts);
    const groupsAfter = networkGroups(after.ids, after.cuts);
    if (groupsWords(groupsBefore) !== groupsWords(groupsAfter)) {
      parts.push(groupsAfter.length > 1 ? `The network is split: ${groupsWords(groupsAfter)}.` : 'The network is whole again.');
    } else {
      const cut = after.cuts.filter((k) => !before.cuts.includes(k));
      const restored = before.cuts.filter((k) => !after.cuts.includes(k));
      if (cut.length > 0) parts.push(`Link${cut.length === 1 ? '' : 's'} ${listWords(cut.map(dash))} cut.`);
      if (restored.length > 0) parts.push(`Link${restored.length === 1 ? '' : 's'} ${listWords(restored.map(dash))} restored.`);
    }
  }

  const leaderChanged = before.leader !== after.leader || (after.leader !== null && before.terms[after.leader] !== after.terms[after.leader]);
  if (leaderChanged) {
    if (after.leader !== null) parts.push(`${after.leader} is now leader of term ${after.terms[after.leader]}.`);
    else parts.push(before.leader !== null && !crashed.includes(before.leader) ? `${before.leader} is no longer leader. No leader.` : 'No leader.');
  }

  if ((before.config ?? null) !== (after.config ?? null) && after.config != null) parts.push(`The configuration is now: ${after.config}.`);

  // Candidates matter while nobody leads: that is the election under way. One
  // that was already campaigning and tries again at a higher term is not news:
  // a node cut off from the rest would otherwise be announced every second.
  const campaigning = after.ids.filter((id) => after.roles[id] === 'candidate' && before.roles[id] !== 'candidate');
  if (after.leader === null && campaigning.length > 0) parts.push(`${listWords(campaigning)} ${campaigning.length === 1 ? 'is' : 'are'} campaigning.`);

  return parts.length === 0 ? null : parts.join(' ');
}
