/** The explanation for whatever is hovered or focused, in plain words; null when it no longer exists (a delivered message, a deleted entry). */
import { RULES, ruleLabel } from '../../engine/explain/rules.ts';
import { whyEntry } from './whyEntry.ts';
import { whyMessage } from './whyMessage.ts';
import { whyNode } from './whyNode.ts';
import { whySnapshot } from './whySnapshot.ts';
import type { WhyTarget } from './whyTarget.ts';
import type { WhyWorld } from './whyWorld.ts';

export function whyText(t: WhyTarget, w: WhyWorld): string | null {
  switch (t.kind) {
    case 'node':
      return whyNode(w, t.id);
    case 'entry':
      return whyEntry(w, t.node, t.index);
    case 'snapshot':
      return whySnapshot(w, t.node);
    case 'message':
      return whyMessage(w, t.id);
    case 'rule':
      return `${ruleLabel(t.id)}: ${RULES[t.id].summary}`;
  }
}
