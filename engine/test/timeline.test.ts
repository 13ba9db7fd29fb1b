import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { applyCommand, newSession } from '../scenario/run.ts';
import type { Command } from '../scenario/ast.ts';
import { buildTimeline, seek } from '../timeline/timeline.ts';
import { nextInt, seedState } from '../sim/rng.ts';
import { cloneCluster } from '../sim/cluster.ts';

const commandsOf = (text: string): readonly Command[] => {
  const p = parseScript(text);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.script.commands;
};

const SCRIPT = `cluster nodes=5 seed=4
run 700ms
propose leader a
crash n2
run 300ms
partition n1,n2 | n3,n4,n5
step 7
propose leader b
stabilize
heal
run 900ms
restart n2
campaign n3
drop n1 n3
step
run 2s
expect safe`;

/** Reference: no checkpoint but the start, so every state comes from a replay from scratch. */
function everyState(cmds: readonly Command[]): string[] {
  const t = buildTimeline(cmds, Number.MAX_SAFE_INTEGER);
  return Array.from({ length: t.length + 1 }, (_, p) => JSON.stringify(seek(t, p).cluster));
}

describe('timeline', () => {
  const cmds = commandsOf(SCRIPT);

  it('its end is the state a straight run reaches', () => {
    const t = buildTimeline(cmds, 64);
    const straight = newSession();
    for (const c of cmds) applyCommand(straight, c);
    expect(t.failure).toBeNull();
    expect(t.length).toBe(straight.cluster!.event);
    expect(JSON.stringify(seek(t, t.length).cluster)).toBe(JSON.stringify(straight.cluster));
  });

  it('seeking anywhere gives the same state whatever the checkpoint spacing', () => {
    const reference = everyState(cmds);
    expect(reference.length).toBeGreaterThan(300);
    for (const every of [1, 7, 64, 1000]) {
      const t = buildTimeline(cmds, every);
      let s = seedState(every);
      for (let i = 0; i < 80; i++) {
        const [p, next] = nextInt(s, 0, t.length);
        s = next;
        expect(JSON.stringify(seek(t, p).cluster), `every=${every} p=${p}`).toBe(reference[p]);
      }
    }
  });

  it('one position back is exactly one event back', () => {
    const t = buildTimeline(cmds, 50);
    for (const p of [1, 17, 123, t.length]) {
      const before = seek(t, p - 1).cluster!;
      const after = seek(t, p).cluster!;
      expect(after.event - before.event).toBe(1);
    }
  });

  it('every command but cluster, preset and expect is exactly one event', () => {
    const session = newSession();
    for (const c of commandsOf('cluster nodes=5\nrun 500ms\ncrash n1\nrestart n1\ncampaign n2\npropose leader x\npartition n1,n2 | n3,n4\ncut n4 n5\nheal n1 n3\nheal\ndrop n1 n2\ndrop m1')) {
      const before = session.cluster?.event ?? 0;
      applyCommand(session, c);
      if (c.kind !== 'cluster' && c.kind !== 'run') expect(session.cluster!.event - before, c.kind).toBe(1);
    }
  });

  it('seeking returns an independent copy: changing it leaves the timeline intact', () => {
    const t = buildTimeline(cmds, 32);
    const a = seek(t, 200);
    const frozen = JSON.stringify(a.cluster);
    const b = seek(t, 200);
    for (const c of commandsOf('cluster nodes=5\ncrash n1\nrun 1s')) if (c.kind !== 'cluster') applyCommand(b, c);
    expect(JSON.stringify(seek(t, 200).cluster)).toBe(frozen);
    expect(JSON.stringify(cloneCluster(a.cluster!))).toBe(frozen);
  });

  it('records a failed expect without stopping the timeline', () => {
    const t = buildTimeline(commandsOf('cluster nodes=3\nrun 1s\nexpect leader none\nrun 1s'));
    expect(t.failure).toMatchObject({ line: 3, expected: 'none' });
    expect(seek(t, t.length).cluster!.time).toBe(2000);
  });
});
