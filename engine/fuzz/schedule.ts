/**
 * Random fault schedules, as scenario scripts. One seed gives one endless stream
 * of commands (the `cluster` line first); the fuzzer takes commands from it until
 * the cluster has processed enough events, so a schedule is always a prefix of
 * its seed's stream, and the same seed always gives the same script.
 *
 * The only randomness is the engine's own PRNG (mulberry32, sim/rng.ts), and the
 * stream never looks at the cluster: what it generates depends on the seed alone.
 * It keeps a small model of what its own commands did (which nodes it crashed,
 * whether links are cut) so that it can favour useful faults, e.g. restart a
 * crashed node rather than a running one, without making any command invalid:
 * every node it names is within the cluster, whatever the model says.
 */
import { DEFAULT_CONFIG, LIMITS } from '../config.ts';
import type { Command, CommandBody } from '../scenario/ast.ts';
import { formatCommand } from '../scenario/format.ts';
import { nodeIds } from '../sim/cluster.ts';
import { nextInt, seedState } from '../sim/rng.ts';
import type { ClientId, ClusterConfig, KvOp, MessageType, NodeId, UnsafeRule } from '../types.ts';
import { MESSAGE_TYPES, READ_MODES } from '../types.ts';

export interface ScheduleOptions {
  /** Node count for every seed; null draws one per seed from 3..7. */
  readonly nodes: number | null;
  /** Rules switched off in every schedule (none: Raft as specified). */
  readonly unsafe: readonly UnsafeRule[];
  readonly prevote: boolean;
  readonly checkquorum: boolean;
}

export const DEFAULT_SCHEDULE_OPTIONS: ScheduleOptions = { nodes: null, unsafe: [], prevote: false, checkquorum: false };

/** A seed's schedule: its cluster, and a generator of the commands that follow. */
export interface ScheduleStream {
  readonly config: ClusterConfig;
  /** The `cluster` line. */
  readonly header: CommandBody & { readonly kind: 'cluster' };
  /** The next command of the schedule; the stream never ends. */
  next(): CommandBody;
}

/** A small generator over the engine's PRNG: the fuzzer's only source of chance. */
class Dice {
  private state: number;
  /**
   * A distinct mix, so that fuzz seed S and the cluster's own seed S draw
   * different numbers; another `salt` gives another stream from the same seed.
   */
  constructor(seed: number, salt = 0x5f3759df) {
    this.state = seedState(Math.imul(seed >>> 0, 0x85ebca6b) ^ salt);
  }
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    const [v, s] = nextInt(this.state, min, max);
    this.state = s;
    return v;
  }
  /** True with probability p (in whole percent). */
  chance(percent: number): boolean {
    return this.int(1, 100) <= percent;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }
  /** An index chosen with the given weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.int(1, total);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r <= 0) return i;
    }
    return weights.length - 1;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = xs.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

/**
 * The cluster for a seed. Timings are drawn so that elections can succeed: the
 * shortest election timeout is at least twice the heartbeat (50 ms) and at least
 * four times the longest latency, and timeouts spread over at least four
 * latencies, so a liveness failure means something, not a configuration where
 * split votes go on and on.
 *
 * Most schedules (60%) turn the no-op off, and half send one entry per
 * AppendEntries: that is what Figure 8 needs (REFERENCE.md), so
 * `unsafe=commit-old-terms` has a chance to show; on the safe engine these are
 * just more configurations to survive.
 */
function drawConfig(d: Dice, opts: ScheduleOptions): ClusterConfig {
  const nodes = opts.nodes ?? d.int(3, 7);
  // Clients (§8): one to five, each op waiting for its answer up to a timeout
  // that is sometimes shorter than a commit takes, so retries (and the duplicates
  // sessions must catch, thesis §6.3) happen on their own as well as after faults.
  const clients = d.int(1, 5);
  const reads = d.pick(READ_MODES);
  const seed = d.int(0, 0x7fffffff);
  const latMin = d.int(1, 10);
  const latMax = latMin + d.int(0, 20);
  const elMin = Math.max(2 * DEFAULT_CONFIG.heartbeat, 4 * latMax) + d.int(0, 150);
  // A spread of several round trips keeps split votes rare (§5.2, §9.3 of the paper).
  const elMax = elMin + d.int(Math.max(20, 4 * latMax), elMin);
  const clientTimeout = d.int(2 * latMax + 20, 2 * elMax);
  // Log compaction (§7) in most schedules, with thresholds small enough that a
  // schedule's few dozen committed entries make several snapshots, and followers
  // that were down or cut off need InstallSnapshot to catch up.
  const snapshot = d.chance(70) ? d.pick([2, 3, 5, 8, 13]) : null;
  return {
    ...DEFAULT_CONFIG,
    nodes,
    seed,
    clients,
    clientTimeout,
    latency: { min: latMin, max: latMax },
    election: { min: elMin, max: elMax },
    raft: {
      ...DEFAULT_CONFIG.raft,
      probe: d.chance(70) ? 'fast' : 'naive',
      batch: d.pick([1, 1, 1, 2, 4, 64]),
      noop: d.chance(40),
      prevote: opts.prevote,
      checkquorum: opts.checkquorum,
      reads,
      snapshot,
      unsafe: opts.unsafe,
    },
  };
}

/**
 * The kinds of command a schedule draws, with their weights (out of their sum).
 * Tuned by measurement (engine/test/fuzz.test.ts holds the budgets): forced
 * campaigns and partitions are what make leaders change while entries are half
 * replicated, which each unsafe rule needs in order to show; with the earlier,
 * calmer mix (campaign 8, partition 4, cut 4, heal 6, no-op on 60%),
 * `commit-old-terms` broke in 2% of seeds, with this one in about 7%, while
 * leaders still commit about 27 entries per schedule on the safe engine.
 *
 * `snapshot` (§7) makes one node compact its log now.
 *
 * Clients (§8) add two kinds: `client`, one operation given to one client, and
 * `workload`, a burst of random operations spread over all of them. The faults
 * reach clients too: a cut or a drop sometimes names a client's link, and a
 * partition sometimes puts clients on its sides, which is how a reply gets lost
 * after its command was applied (a retry the sessions must recognise, thesis
 * §6.3) or a deposed leader is left serving a client that cannot see the new one
 * (a stale read, thesis §6.4).
 */
const KINDS = ['run', 'step', 'propose', 'crash', 'restart', 'partition', 'cut', 'heal', 'drop', 'campaign', 'client', 'workload', 'snapshot'] as const;
const WEIGHTS: Record<(typeof KINDS)[number], number> = {
  run: 30,
  step: 5,
  propose: 10,
  crash: 7,
  restart: 7,
  partition: 10,
  cut: 10,
  heal: 10,
  drop: 5,
  campaign: 30,
  client: 16,
  workload: 4,
  snapshot: 4,
};
const WEIGHT_LIST = KINDS.map((k) => WEIGHTS[k]);

/**
 * The message types a base-stream `drop` names: all but TimeoutNow, which came
 * with leadership transfer and is dropped by the membership stream, right
 * after a `transfer`. Picking from the list as it was keeps the base stream.
 */
const BASE_MESSAGE_TYPES = MESSAGE_TYPES.filter((t) => t !== 'TimeoutNow');

/** The keys direct client operations use: few, so that reads see writes and clients contend. */
const CLIENT_KEYS = 3;

/**
 * Membership changes (§6) and leadership transfers (thesis §3.10) in the
 * schedules. They are drawn from a second stream of the same seed, interleaved
 * with the first: before each command of the base stream, this one may put in
 * a `change`, `add`, `remove` or `transfer`. The base stream (the cluster line
 * apart from `members=`, and every fault, request and run) is thus the one the
 * seed drew before membership changes existed, only with these commands
 * between its lines, so the measurements of the unsafe rules above still
 * concern the same faults.
 *
 * A seed's cluster sometimes (MEMBERS_SUBSET_PERCENT) starts with `members=` a
 * subset of its nodes, so that there are servers outside the configuration to
 * add. Like the fault model, a small model of the voters the schedule has asked
 * for (ignoring refusals, which the engine records: one change at a time, no
 * leader...) steers the draws toward changes that change something: `add`
 * names a server outside, `remove` one inside, and `change` adds and removes
 * up to two each, so that C_new may have a majority disjoint from C_old's,
 * which is what Figure 10 needs under `unsafe=direct-change`. Every node named
 * is within the cluster, so every command parses; the model never lets the
 * voters it asks for become none.
 */
const MEMBERS_SUBSET_PERCENT = 40;
/** The chance, per command of the base stream, of a membership command before it. */
const MEMBERSHIP_PERCENT = 8;
/** The chance that a change of two servers or more is followed by a partition of the old voters' majority from the rest. */
const FIGURE_10_PERCENT = 50;
const MEMBERSHIP_KINDS = ['change', 'add', 'remove', 'transfer'] as const;
const MEMBERSHIP_WEIGHTS = [45, 20, 15, 20];

interface MembershipStream {
  /** `members=` for the cluster line, sorted, or null: every node. */
  readonly members: readonly NodeId[] | null;
  /** A membership command to put before the base stream's next one, or null. */
  next(): CommandBody | null;
}

function membershipStream(seed: number, ids: readonly NodeId[]): MembershipStream {
  const m = new Dice(seed, 0x2545f491);
  let members: NodeId[] | null = null;
  if (ids.length >= 2 && m.chance(MEMBERS_SUBSET_PERCENT)) {
    const k = m.int(Math.max(1, ids.length - 2), ids.length - 1);
    members = m.shuffle(ids).slice(0, k).sort();
  }
  /** The voters the schedule has asked for so far (the engine may have refused some of it). */
  const voters = new Set<NodeId>(members ?? ids);
  const inside = (): NodeId[] => ids.filter((id) => voters.has(id));
  const outside = (): NodeId[] => ids.filter((id) => !voters.has(id));

  const draw = (): CommandBody | null => {
    const kind = MEMBERSHIP_KINDS[m.weighted(MEMBERSHIP_WEIGHTS)];
    const out = outside();
    const inn = inside();
    switch (kind) {
      case 'change': {
        // Up to two servers in and two out (at least one of either), never emptying the voters.
        let add = m.shuffle(out).slice(0, m.int(0, Math.min(2, out.length)));
        let remove = m.shuffle(inn).slice(0, m.int(0, Math.min(2, inn.length - 1 + add.length)));
        if (add.length + remove.length === 0) {
          if (out.length > 0) add = [m.pick(out)];
          else if (inn.length > 1) remove = [m.pick(inn)];
          else return null;
        }
        add = add.sort();
        remove = remove.sort();
        const before = inn;
        for (const id of add) voters.add(id);
        for (const id of remove) voters.delete(id);
        // Figure 10's moment: a while later (the new servers caught up, C_new perhaps half
        // replicated), cut a majority of the old voters off from everyone else.
        if (add.length + remove.length >= 2 && m.chance(FIGURE_10_PERCENT)) {
          const old = m.shuffle(before).slice(0, Math.floor(before.length / 2) + 1);
          queued.push({ kind: 'run', ms: m.int(1, 150) }, { kind: 'partition', groups: [old, ids.filter((id) => !old.includes(id))] });
        }
        return { kind: 'change', request: { how: 'joint', add, remove } };
      }
      case 'add': {
        if (out.length === 0) return null;
        const id = m.pick(out);
        voters.add(id);
        return { kind: 'change', request: { how: 'single', add: [id], remove: [] } };
      }
      case 'remove': {
        if (inn.length <= 1) return null;
        const id = m.pick(inn);
        voters.delete(id);
        return { kind: 'change', request: { how: 'single', add: [], remove: [id] } };
      }
      case 'transfer': {
        // Mostly to a voter; sometimes to any node, which the leader refuses unless it votes.
        const target = m.chance(80) && inn.length > 0 ? m.pick(inn) : m.pick(ids);
        // Sometimes the TimeoutNow is lost on its way (from whichever node leads, if it is this one), and the transfer must abort.
        if (m.chance(30)) {
          const others = ids.filter((id) => id !== target);
          queued.push({ kind: 'drop', from: m.pick(others), to: target, messageType: 'TimeoutNow' });
        }
        return { kind: 'transfer', node: target };
      }
    }
  };
  /** Commands that go right after the one just drawn, in order. */
  const queued: CommandBody[] = [];
  return {
    members,
    next: () => {
      if (queued.length > 0) return queued.shift()!;
      return ids.length >= 2 && m.chance(MEMBERSHIP_PERCENT) ? draw() : null;
    },
  };
}

export function scheduleStream(seed: number, opts: ScheduleOptions = DEFAULT_SCHEDULE_OPTIONS): ScheduleStream {
  const d = new Dice(seed);
  const base = drawConfig(d, opts);
  const ids = nodeIds(base.nodes);
  const changes = membershipStream(seed, ids);
  const config: ClusterConfig = { ...base, members: changes.members };
  const clients: ClientId[] = Array.from({ length: config.clients }, (_, i) => `c${i + 1}`);
  const down = new Set<NodeId>();
  let values = 0;
  let writes = 0;
  const anyNode = (): NodeId => d.pick(ids);
  const two = (): [NodeId, NodeId] => {
    const a = d.int(0, ids.length - 1);
    const b = (a + d.int(1, ids.length - 1)) % ids.length;
    return [ids[a], ids[b]];
  };
  /** Two ends of a link: two nodes, or (a third of the time, and always with a single node) a node and a client. */
  const link = (): [NodeId, NodeId] | null => {
    if (clients.length > 0 && (ids.length < 2 || d.chance(33))) return [anyNode(), d.pick(clients)];
    return ids.length < 2 ? null : two();
  };
  /**
   * An operation for a direct `client` command. Written values are numbered
   * across the schedule and differ from a workload's (which are bare numbers),
   * so every write can be told apart in the history.
   */
  const op = (): KvOp => {
    const key = `k${d.int(1, CLIENT_KEYS)}`;
    const r = d.int(1, 100);
    if (r <= 35) return { kind: 'get', key };
    writes++;
    return r <= 65 ? { kind: 'put', key, value: `p${writes}` } : { kind: 'append', key, value: `.a${writes}` };
  };

  const next = (): CommandBody => {
    const change = changes.next();
    if (change !== null) return change;
    // A single node has no links to other nodes: only time, requests, crashes, campaigns and its clients' links apply.
    for (;;) {
      const kind = KINDS[d.weighted(WEIGHT_LIST)];
      switch (kind) {
        case 'run':
          // Mostly short stretches (a few messages), sometimes long enough for elections.
          return { kind: 'run', ms: d.chance(80) ? d.int(1, 60) : d.int(60, 3 * config.election.max) };
        case 'step':
          return { kind: 'step', count: d.int(1, 20) };
        case 'propose': {
          values++;
          return { kind: 'propose', target: d.chance(70) ? 'leader' : anyNode(), value: `v${values}` };
        }
        case 'crash': {
          // Losing a majority for a while is allowed, but rare: most schedules keep a quorum up.
          const minority = Math.floor((ids.length - 1) / 2);
          if (down.size >= minority && !d.chance(15)) continue;
          const up = ids.filter((id) => !down.has(id));
          if (up.length === 0) continue;
          const id = d.pick(up);
          down.add(id);
          return { kind: 'crash', node: id };
        }
        case 'restart': {
          // Restarting a running node is a no-op: pick a crashed one, or skip.
          if (down.size === 0) continue;
          const id = d.pick(ids.filter((x) => down.has(x)));
          down.delete(id);
          return { kind: 'restart', node: id };
        }
        case 'partition': {
          if (ids.length < 2) continue;
          // Two groups (sometimes three), every node in one of them.
          const order = d.shuffle(ids);
          const a = d.int(1, ids.length - 1);
          const groups: NodeId[][] =
            ids.length >= 4 && d.chance(25) && a < ids.length - 1
              ? ((b: number) => [order.slice(0, a), order.slice(a, b), order.slice(b)])(d.int(a + 1, ids.length - 1))
              : [order.slice(0, a), order.slice(a)];
          // Half the time the clients take sides too: each joins a group, or stays out (its links unchanged).
          if (d.chance(50)) for (const c of clients) if (d.chance(70)) groups[d.int(0, groups.length - 1)].push(c);
          return { kind: 'partition', groups };
        }
        case 'cut': {
          const l = link();
          if (l === null) continue;
          return { kind: 'cut', a: l[0], b: l[1] };
        }
        case 'heal': {
          if (d.chance(25)) {
            const l = link();
            if (l === null) continue;
            return { kind: 'heal', pair: l };
          }
          return { kind: 'heal', pair: null };
        }
        case 'drop': {
          // A third of the drops are on a client's link: mostly replies lost after the command was applied.
          if (clients.length > 0 && (ids.length < 2 || d.chance(33))) {
            const n = anyNode();
            const c = d.pick(clients);
            if (d.chance(70)) return { kind: 'drop', from: n, to: c, messageType: d.chance(80) ? 'ClientReply' : null };
            return { kind: 'drop', from: c, to: n, messageType: null };
          }
          if (ids.length < 2) continue;
          const [from, to] = two();
          const messageType: MessageType | null = d.chance(50) ? null : d.pick(BASE_MESSAGE_TYPES);
          return { kind: 'drop', from, to, messageType };
        }
        case 'campaign':
          return { kind: 'campaign', node: anyNode() };
        case 'client':
          if (clients.length === 0) continue;
          return { kind: 'client', client: d.pick(clients), op: op() };
        case 'workload':
          if (clients.length === 0) continue;
          return { kind: 'workload', ops: d.int(1, 30), rate: d.int(10, 200), keys: d.int(1, 4), reads: d.int(0, 60) };
        case 'snapshot':
          // `snapshot <node>` between the threshold's own: compaction at moments the threshold would not pick.
          return { kind: 'snapshot', node: anyNode() };
      }
    }
  };

  return { config, header: { kind: 'cluster', config }, next };
}

/** A body placed at a line of a script (the runner only uses the line in messages). */
export const located = (body: CommandBody, line: number): Command => ({ ...body, line, col: 1 });

/** The first `count` commands after the `cluster` line of a seed's schedule, with it. */
export function generateSchedule(seed: number, opts: ScheduleOptions, count: number): Command[] {
  const s = scheduleStream(seed, opts);
  const out: Command[] = [located(s.header, 1)];
  for (let i = 0; i < count; i++) out.push(located(s.next(), i + 2));
  return out;
}

/** A schedule as the text of a scenario, one command per line. */
export function formatSchedule(commands: readonly CommandBody[]): string {
  return commands.map(formatCommand).join('\n') + '\n';
}

/** Validates a node count given on the command line. */
export const validNodeCount = (n: number): boolean => Number.isInteger(n) && n >= LIMITS.minNodes && n <= LIMITS.maxNodes;
