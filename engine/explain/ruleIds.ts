/**
 * The ids of the rules raftviz cites (rules.ts holds what each says). A list of
 * its own, so the page can recognize a rule id without loading every rule's
 * text; rules.ts is typed by it, so the two cannot drift apart.
 */
export const RULE_IDS = [
  'higher-term',
  'election-timeout',
  'randomized-timeouts',
  'one-vote',
  'majority-wins',
  'heartbeats',
  'candidate-yields',
  'up-to-date',
  'consistency-check',
  'backoff',
  'conflict-hint',
  'delete-conflicts',
  'leader-appends',
  'commit-majority',
  'current-term-only',
  'learn-commit',
  'leader-progress',
  'client-to-leader',
  'leader-noop',
  'persistent-state',
  'unreliable-network',
  'crash-retry',
  'prevote',
  'check-quorum',
  'safety',
  'apply-committed',
  'client-retry',
  'client-sessions',
  'read-index',
  'lease-read',
  'linearizability',
  'snapshot',
  'install-snapshot',
  'latest-config',
  'one-change-at-a-time',
  'change-after-commit',
  'learners',
  'joint-consensus',
  'single-server-change',
  'voters-only',
  'removed-leader',
  'disruptive-servers',
  'leadership-transfer',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const IDS: ReadonlySet<string> = new Set(RULE_IDS);

export const isRuleId = (s: string): s is RuleId => IDS.has(s);
