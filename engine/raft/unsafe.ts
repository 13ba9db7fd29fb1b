/**
 * The rules of Raft that can be switched off, to watch a safety property break
 * (never on by default; the UI marks them unsafe).
 *
 * Adding one is one line in UNSAFE_RULES, plus the rule that consults it: the
 * rules read `ctx.unsafe['<name>']` (raft/context.ts), flags computed once per
 * cluster, so no rule searches the option list. The parser, the `cluster` line's
 * formatter and the UI's switches all take the names from this list.
 */
export const UNSAFE_RULES = [
  /** A leader commits an entry of an earlier term once it is on a majority (what §5.4.2 forbids; Figure 8). */
  'commit-old-terms',
  /** Votes are granted without the up-to-date check of §5.4.1 (the election restriction). */
  'vote-any-log',
  /** A follower appends without deleting the conflicting entries it holds (Figure 2, AppendEntries rule 3). */
  'no-truncate',
  /**
   * The state machine keeps no session table (thesis §6.3): a request retried after
   * its reply was lost is applied again.
   */
  'no-sessions',
  /** A leader answers every read from its own state machine at once, without checking that it still leads (thesis §6.4). */
  'stale-reads',
  /**
   * A snapshot leaves out the session table (§7 with thesis §6.3): a node restored
   * from it, or a follower that installs it, applies a retried request again.
   */
  'snapshot-no-sessions',
  /**
   * A multi-server `change` goes from C_old straight to C_new, with no joint
   * phase: a majority of the old and a majority of the new configuration can then
   * elect two leaders in one term (§6, Figure 10).
   */
  'direct-change',
  /**
   * A new leader may start a single-server change before it has committed an
   * entry of its own term: the bug Ongaro reported in 2015, which can lose a
   * committed entry (thesis §4.1 and its errata).
   */
  'change-before-noop',
] as const;

export type UnsafeRule = (typeof UNSAFE_RULES)[number];

/** For each unsafe rule, whether it is switched off. */
export type UnsafeFlags = Readonly<Record<UnsafeRule, boolean>>;

export function unsafeFlags(rules: readonly UnsafeRule[]): UnsafeFlags {
  const flags = {} as Record<UnsafeRule, boolean>;
  for (const r of UNSAFE_RULES) flags[r] = rules.includes(r);
  return flags;
}

/** The rules of `rules` in UNSAFE_RULES order, each once: how a `cluster` line writes them. */
export const canonicalUnsafe = (rules: readonly UnsafeRule[]): UnsafeRule[] => UNSAFE_RULES.filter((r) => rules.includes(r));
