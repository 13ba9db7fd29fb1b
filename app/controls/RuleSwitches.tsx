/**
 * The rule switches: PreVote, CheckQuorum, how a leader probes, and the three
 * rules that can be switched off to watch safety break (marked unsafe). They
 * show the rules of the run on screen; changing them and pressing Re-run
 * replays this run's own script, from the start, under the new rules.
 */
import { useState } from 'react';
import { formatClusterOptions } from '../../engine/scenario/format.ts';
import { UNSAFE_RULES, type ProbeMode, type UnsafeRule } from '../../engine/types.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectConfig } from '../store/selectors.ts';
import { ruleChoiceOf, sameRules, type RuleChoice } from '../safety/ruleChoice.ts';
import { rerunWithRules } from '../safety/rerunWithRules.ts';
import { useSession } from '../session/useSession.ts';

/** What each unsafe switch lets happen, for its tooltip. */
const UNSAFE_HELP: Record<UnsafeRule, string> = {
  'commit-old-terms': 'A leader commits an entry of an earlier term once a majority stores it, which §5.4.2 forbids (Figure 8). Breaks safety.',
  'vote-any-log': "Votes are granted without checking that the candidate's log is at least as up-to-date (§5.4.1). Breaks safety.",
  'no-truncate': "A follower keeps entries that conflict with the leader's instead of deleting them (Figure 2, AppendEntries rule 3). Breaks safety.",
  'no-sessions': 'The state machine keeps no session table (thesis §6.3), so a request retried after its answer was lost is applied twice. Breaks linearizability.',
  'stale-reads': 'A leader answers reads from its own state at once, without checking that it still leads (thesis §6.4). Breaks linearizability.',
  'snapshot-no-sessions':
    'A snapshot leaves out the session table (§7, thesis §6.3), so a node restored from it, or a follower that installs it, applies a retried request again. Breaks safety.',
  'direct-change':
    'A membership change goes from the old configuration straight to the new one, with no joint phase, so a majority of each can elect its own leader in the same term (§6, Figure 10). Breaks safety.',
  'change-before-noop':
    'A new leader starts a single-server change before it has committed an entry of its own term, which can lose a committed entry (thesis §4.1, the 2015 correction). Breaks safety.',
};

export function RuleSwitches() {
  const config = useAppStore(selectConfig);
  // Remounted when the run's options change, so the switches start from the rules in force.
  return <RuleForm key={formatClusterOptions(config)} current={ruleChoiceOf(config.raft)} />;
}

function RuleForm({ current }: { current: RuleChoice }) {
  const session = useSession();
  const [draft, setDraft] = useState(current);
  const changed = !sameRules(draft, current);
  const toggleUnsafe = (rule: UnsafeRule, on: boolean): void =>
    setDraft({ ...draft, unsafe: UNSAFE_RULES.filter((r) => (r === rule ? on : draft.unsafe.includes(r))) });
  return (
    <form
      className="control-group rules"
      aria-label="Rules of this run"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) rerunWithRules(session, draft);
      }}
    >
      <span className="control-label">Rules</span>
      <label title="PreVote (Ongaro's thesis §9.6): before an election, ask whether a majority would vote, without raising the term">
        <input data-testid="option-prevote" type="checkbox" checked={draft.prevote} onChange={(e) => setDraft({ ...draft, prevote: e.target.checked })} />
        PreVote
      </label>
      <label title="CheckQuorum (thesis §6.2): a leader that has not heard from a majority for an election timeout steps down">
        <input
          data-testid="option-checkquorum"
          type="checkbox"
          checked={draft.checkquorum}
          onChange={(e) => setDraft({ ...draft, checkquorum: e.target.checked })}
        />
        CheckQuorum
      </label>
      <label title="How a leader finds where a follower's log agrees with its own (§5.3). Fast: jump by the follower's hint, about one round trip per term. Naive: the paper's basic rule, one index back per rejection.">
        <span className="rule-label">Probing</span>
        <select data-testid="option-probe" value={draft.probe} onChange={(e) => setDraft({ ...draft, probe: e.target.value as ProbeMode })}>
          <option value="fast">fast</option>
          <option value="naive">naive</option>
        </select>
      </label>
      <span className="unsafe-switches" role="group" aria-label="Unsafe: switch off a rule of Raft (breaks safety)">
        <span className="unsafe-title" aria-hidden="true">
          ⚠ breaks safety:
        </span>
        {UNSAFE_RULES.map((rule) => (
          <label key={rule} className="unsafe-switch" title={UNSAFE_HELP[rule]}>
            <input data-testid={`unsafe-${rule}`} type="checkbox" checked={draft.unsafe.includes(rule)} onChange={(e) => toggleUnsafe(rule, e.target.checked)} />
            {rule}
          </label>
        ))}
      </span>
      <button
        data-testid="apply-rules"
        type="submit"
        className={changed ? 'primary' : ''}
        disabled={!changed}
        title="Replay this run's script from the start under these rules, paused at the start (Undo brings the run back)"
      >
        Re-run with these rules
      </button>
      {changed && (
        <button
          type="button"
          className="rules-cancel"
          onClick={() => setDraft(current)}
          title="Cancel: back to the rules of the run on screen"
          aria-label="Cancel the changed rules"
        >
          ✕
        </button>
      )}
    </form>
  );
}
