/**
 * A run as a ShiViz log (https://bestchai.bitbucket.io/shiviz/), read with
 * ShiViz's default parser regular expression
 *
 *   (?<host>\S*) (?<clock>{.*})\n(?<event>.*)
 *
 * so each happening at a node is two lines: the node id and its vector clock as
 * JSON (`n2 {"n1":3,"n2":2}`), then the happening in plain words (nodeEventText.ts).
 *
 * The file opens with two lines that ShiViz's file input takes as settings: the
 * parser regular expression, then the delimiter between executions. The delimiter
 * is empty for a script with one cluster; a script that sets up several (each
 * `cluster` or `preset` line starts afresh, clocks too) gets one execution per
 * cluster, each opened by a line the delimiter matches (`=== run 2: ... ===`),
 * which ShiViz shows side by side. Pasted into ShiViz's text box instead, the two
 * settings lines match nothing and are ignored; the delimiter field must then be
 * filled in by hand for a script with several clusters.
 *
 * Hosts are the nodes, then the clients (`c1`...), so a run with clients shows a
 * lane per client: its requests, its timeouts, and the replies and NotLeader
 * answers it receives. What happens at no single host is left out: a cut, a heal
 * or a drop is the network's doing, and a message lost to one shows as a send with
 * no receive, its line saying how it was lost. Every record that belongs to a
 * step (or to a crash or restart) is in the event line of that step. The JSON
 * trace (traceJson.ts) has every record, these included.
 *
 * ShiViz's rules, which the clocks meet by construction (vectorClock.ts): a host's
 * own entry starts at 1 and rises by exactly 1 per line of that host; a clock
 * names only hosts that have events; no entry is 0.
 */
import type { EventRecord } from '../events.ts';
import { clockJson } from '../sim/vectorClock.ts';
import { hostsOf, type RunLog } from './runLog.ts';
import { nodeEventText, type Fate } from './nodeEventText.ts';

export const SHIVIZ_PARSER = String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)`;
export const SHIVIZ_DELIMITER = String.raw`^=== (?<trace>.*) ===$`;

export function toShiViz(logs: readonly RunLog[]): string {
  const shown = logs.map((log, i) => ({ log, label: `run ${i + 1}: ${log.nodes.length} nodes, seed ${log.config.seed}` })).filter((x) => x.log.nodeEvents.length > 0);
  const several = shown.length > 1;
  const lines = [SHIVIZ_PARSER, several ? SHIVIZ_DELIMITER : ''];
  for (const { log, label } of shown) {
    if (several) lines.push(`=== ${label} ===`);
    // Appended one by one: a long run has more lines than a spread may pass as arguments.
    addExecutionLines(log, lines);
  }
  return `${lines.join('\n')}\n`;
}

function addExecutionLines(log: RunLog, lines: string[]): void {
  // The records of each event that a node stepped on (a receive or a local happening); at most one node steps per event.
  const steps = new Map<number, EventRecord[]>();
  for (const e of log.nodeEvents) if (e.kind !== 'send') steps.set(e.event, []);
  for (const r of log.records) steps.get(r.event)?.push(r);
  const fates = fatesOf(log);
  const hosts = hostsOf(log);
  for (const e of log.nodeEvents) {
    const records = e.kind === 'send' ? [] : (steps.get(e.event) ?? []);
    const fate = e.kind === 'send' ? (fates.get(e.message.id) ?? IN_FLIGHT) : IN_FLIGHT;
    lines.push(`${e.node} ${clockJson(e.clock, hosts)}`, nodeEventText(e, records, fate));
  }
}

const IN_FLIGHT: Fate = { kind: 'in-flight' };

/** By message id: delivered (a receive) or lost (a messageLost record); a message with neither was still in flight. */
function fatesOf(log: RunLog): Map<number, Fate> {
  const fates = new Map<number, Fate>();
  for (const e of log.nodeEvents) {
    if (e.kind === 'receive') fates.set(e.message.id, { kind: 'delivered', event: e.event, time: e.time });
  }
  for (const r of log.records) {
    if (r.type === 'messageLost') fates.set(r.message.id, { kind: 'lost', event: r.event, time: r.time, why: r.why });
  }
  return fates;
}
