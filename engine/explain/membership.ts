/**
 * Explanations of membership changes (§6, Figures 10 and 11; thesis chapter 4):
 * a leader takes a change on or refuses it, waits for an entry of its own term
 * to commit (thesis §4.1, the 2015 fix), lets new servers catch up as learners
 * (thesis §4.2.1), then appends the configurations one at a time, joint (§6) or
 * single-server (thesis §4.1); every server uses the latest configuration in
 * its log from the moment it has it (§6).
 */
import type { ChangeRefusal } from '../events.ts';
import type { Membership, NodeId } from '../types.ts';
import { assertNever } from '../assertNever.ts';
import { configText, memberKind, sameConfig, votesIn, type MemberKind } from '../raft/configs.ts';
import { because, quoted, type Explanation, type RecordOf } from './explanation.ts';
import { CATCH_UP_LIMIT } from '../raft/changes.ts';
import type { RuleId } from './rules.ts';

/** A list of servers in words: `n4`, `n4 and n5`, `n4, n5 and n6`. */
export function serverList(ids: readonly NodeId[]): string {
  return ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/** The rule a change follows, from how the script asked for it: `change` is joint consensus, `add` and `remove` single-server. */
const ruleOfAsked = (asked: string): RuleId => (asked.startsWith('change') ? 'joint-consensus' : 'single-server-change');

export function changeStarted(r: RecordOf<'changeStarted'>): Explanation {
  const asked = quoted(r.asked);
  const target = r.target.join(',');
  switch (r.how) {
    case 'joint':
      return because(
        'joint-consensus',
        `${r.node} took on ${asked}: the voters are to become ${target}, through the joint configuration C_old,new, in which every decision needs a majority of the old voters and one of the new`,
        {
          next: `It appends one configuration at a time, each once the one before has committed${r.asked.includes('+') ? '; servers to be added first join as learners and catch up' : ''}`,
          cite: '§6, Figure 11',
        },
      );
    case 'single':
      return because(
        'single-server-change',
        `${r.node} took on ${asked}: the voters are to become ${target}, one server in or out, so any majority of the old voters shares a server with any majority of the new and no joint phase is needed`,
        { next: r.asked.startsWith('add') ? 'The server to be added first joins as a learner and catches up' : 'It appends the new configuration, and the change is done once that has committed' },
      );
    case 'direct':
      return because(
        'joint-consensus',
        `UNSAFE: ${r.node} took on ${asked} and will go from the old voters straight to ${target}, with no joint configuration (unsafe=direct-change)`,
        { next: 'While some servers use the old configuration and some the new, a majority of each can elect its own leader in the same term', cite: 'unsafe=direct-change, §6, Figure 10' },
      );
    default:
      return assertNever(r.how);
  }
}

/** Why a change or a transfer was not started, as a clause after "refused ...: ", with the rule that says so. */
export function refusalWords(why: ChangeRefusal): { readonly words: string; readonly rule: RuleId | null } {
  switch (why.kind) {
    case 'no-leader':
      return { words: 'no leader is up, and only a leader can make it', rule: null };
    case 'down':
      return { words: 'it is down', rule: null };
    case 'not-leader':
      return { words: `it is not the leader${why.leader === null ? ' and knows of none' : ` (${why.leader} is)`}, and only a leader can make it`, rule: null };
    case 'in-progress': {
      const pending = why.pending.startsWith('the ') ? why.pending : quoted(why.pending);
      return { words: `a leader makes one membership change at a time, and it is still busy with ${pending}`, rule: 'one-change-at-a-time' };
    }
    case 'transferring':
      return { words: `it is handing its leadership to ${why.target}, and takes on nothing new until that ends`, rule: 'leadership-transfer' };
    case 'nothing-to-change':
      return { words: 'the configuration asked for is the one in force', rule: null };
    case 'no-voters':
      return { words: 'it would leave no voter at all, and then no leader could ever be elected or anything committed again', rule: 'voters-only' };
    case 'not-a-voter':
      return { words: `${why.target} is not a voter of its configuration, and only a voter can be elected`, rule: 'voters-only' };
    case 'is-leader':
      return { words: 'it is the leader already, so there is nothing to hand over', rule: null };
    default:
      return assertNever(why);
  }
}

export function changeRefused(r: RecordOf<'changeRefused'>): Explanation {
  const { words, rule } = refusalWords(r.why);
  const who = r.node === null ? `${quoted(r.asked)} was not started` : r.why.kind === 'down' ? `${quoted(r.asked)} did not reach ${r.node}` : `${r.node} refused ${quoted(r.asked)}`;
  const next = r.why.kind === 'no-leader' || r.why.kind === 'not-leader' ? { next: 'Ask again once a leader is known' } : r.why.kind === 'in-progress' || r.why.kind === 'transferring' ? { next: 'Ask again once it is done' } : {};
  return because(rule ?? ruleOfAsked(r.asked), `${who}: ${words}`, next);
}

export function changeWaiting(r: RecordOf<'changeWaiting'>): Explanation {
  return because(
    'change-after-commit',
    `${r.node} holds ${quoted(r.asked)} until it has committed an entry of its own term ${r.term}: a configuration entry appended before that could, with a change an earlier leader left unfinished, ` +
      'form two majorities that share no server and lose a committed entry (the single-server bug found in 2015)',
    { next: 'Its no-op commits soon, and then the change begins' },
  );
}

/** The members of `c` and what they may do, for a configuration just appended or adopted. */
function configWords(c: Membership): string {
  if (c.outgoing.length > 0) return `the joint configuration ${configText(c)}`;
  return `configuration ${configText(c)}`;
}

export function configAppended(r: RecordOf<'configAppended'>): Explanation {
  const at = `at index ${r.index} (term ${r.term})`;
  const c = r.config;
  switch (r.phase) {
    case 'learners':
      return because(
        'learners',
        `${r.node} appended ${configWords(c)} ${at} for ${quoted(r.asked)}: ${serverList(c.learners)} ${c.learners.length === 1 ? 'joins as a learner' : 'join as learners'}, receiving entries to catch up, but neither voting nor counting toward a majority yet`,
        { next: `${r.node} makes ${c.learners.length === 1 ? 'it a voter' : 'them voters'} once this entry has committed and ${c.learners.length === 1 ? `${c.learners[0]}'s log holds` : 'each one\'s log holds'} everything ${r.node} has committed` },
      );
    case 'joint':
      return because(
        'joint-consensus',
        `${r.node} appended the joint configuration C_old,new (${configText(c)}) ${at}: from now on every election and every commitment needs a majority of ${c.outgoing.join(',')} and a majority of ${c.voters.join(',')}`,
        { next: `Once it has committed, ${r.node} appends C_new (${c.voters.join(',')})`, cite: '§6, Figure 11' },
      );
    case 'leave':
      return because(
        'joint-consensus',
        `${r.node} appended C_new (${configText(c)}) ${at}: the joint configuration has committed, so the new voters can now decide without the old`,
        { next: 'Once C_new has committed the change is done, and servers not in it are out of the cluster', cite: '§6, Figure 11' },
      );
    case 'single':
      return because(
        'single-server-change',
        `${r.node} appended ${configWords(c)} ${at} for ${quoted(r.asked)}: one voter in or out at a time, so any majority of the old configuration shares a server with any majority of the new, and no joint phase is needed`,
        { next: 'The change is done once this entry has committed' },
      );
    case 'direct':
      return because(
        'joint-consensus',
        `UNSAFE: ${r.node} appended C_new (${configText(c)}) ${at} straight after the old configuration, with no joint phase (unsafe=direct-change): ` +
          'until every server has it, a majority of the old voters and a majority of the new can each elect a leader in the same term',
        { next: 'Two leaders of one term can then commit different entries at the same index', cite: 'unsafe=direct-change, §6, Figure 10' },
      );
    default:
      return assertNever(r.phase);
  }
}

/** What `node` is in `c`, in words, when that changed. */
function kindWords(node: NodeId, was: MemberKind, now: MemberKind): string {
  if (was === now) return '';
  switch (now) {
    case 'voter':
      return `; ${node} is now a voter`;
    case 'learner':
      return `; ${node} is a learner in it: it receives entries, but neither votes nor counts toward a majority`;
    case 'none':
      return `; ${node} is not in it: it will neither vote nor campaign, and if it leads, it steps down once this configuration has committed`;
    default:
      return assertNever(now);
  }
}

export function configAdopted(r: RecordOf<'configAdopted'>): Explanation {
  if (sameConfig(r.config, r.was)) {
    return because('latest-config', `${r.node} now takes its configuration from index ${r.index}: still ${configText(r.config)}, the one it used before`);
  }
  const joint = r.config.outgoing.length > 0 ? ', so its elections and commitment now need a majority of both halves' : '';
  return because(
    'latest-config',
    `${r.node} now uses ${configWords(r.config)} (before: ${configText(r.was)}), from index ${r.index}${joint}` +
      `${kindWords(r.node, memberKind(r.was, r.node), memberKind(r.config, r.node))}. A server uses the latest configuration in its log as soon as it has it, committed or not`,
  );
}

export function learnerCaughtUp(r: RecordOf<'learnerCaughtUp'>): Explanation {
  return because(
    'learners',
    `${r.learner} has caught up: its log matches ${r.node}'s up to index ${r.match}, which holds everything ${r.node} has committed (up to ${r.commitIndex}), so it can become a voter without holding up commitment`,
    { next: `${r.node} appends the configuration that makes ${r.learner} a voter` },
  );
}

export function changeAborted(r: RecordOf<'changeAborted'>): Explanation {
  if (r.why === 'stepped-down') {
    return because('one-change-at-a-time', `${r.node} stopped leading in the middle of ${quoted(r.asked)}, and the change goes with its leadership: configurations it already appended stay in the logs`, {
      next: 'Ask the new leader for the change again (it finishes a joint configuration on its own)',
    });
  }
  const who = r.behind.join(' and ');
  return because('learners', `${r.node} gave up ${quoted(r.asked)}: ${who} ${r.behind.length > 1 ? 'have' : 'has'} not caught up within ${CATCH_UP_LIMIT} election timeouts, and a server that is down or too slow must not hold the cluster's changes up for ever`, {
    next: `${who} ${r.behind.length > 1 ? 'stay learners' : 'stays a learner'}; \`remove ${r.behind[0]}\` takes ${r.behind.length > 1 ? 'them' : 'it'} out, and another change can be asked for`,
  });
}

export function changeDone(r: RecordOf<'changeDone'>): Explanation {
  const done = `${quoted(r.asked)} is done: ${r.node}'s configuration ${configText(r.config)} has committed`;
  return votesIn(r.config, r.node)
    ? because('one-change-at-a-time', `${done}, and ${r.node} can take on another change`)
    : because('removed-leader', `${done}, and ${r.node} is not among its voters`, { next: `${r.node} steps down, and the remaining voters elect a leader among themselves` });
}
