/**
 * Apply the rule switches: the current run's script again, from the start,
 * under the chosen rules. The schedule (every command after the setup) is the
 * same, so Play replays the same crashes, partitions and requests, and the
 * safety panel shows what the rules change. It opens paused at the start; Undo
 * brings back the run as it was.
 */
import type { Session } from '../session/session.ts';
import { describeRules, scriptWithRules, type RuleChoice } from './ruleChoice.ts';

export function rerunWithRules(session: Session, choice: RuleChoice): void {
  const { script, config, showNotice } = session.store.getState();
  const text = scriptWithRules(script, choice, config).join('\n');
  session.startSaving();
  session.openScript({
    text,
    label: 'This run with the new rules',
    cursor: { time: 0, event: 0 },
    then: (result) => {
      if (!result.ok || result.failure !== null) return;
      showNotice({
        tone: 'info',
        message:
          `The same run, back at its start, now with ${describeRules(choice)}. ` +
          'Press Play to replay the same schedule under these rules. Undo (Ctrl+Z) brings back the run as it was.',
      });
    },
  });
}
