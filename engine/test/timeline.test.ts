import { describe, expect, it } from 'vitest';
import { parseScript } from '../scenario/parse.ts';
import { applyCommand, newSession, type Session } from '../scenario/run.ts';
import type { Command } from '../scenario/ast.ts';
import { buildTimeline, seek } from '../timeline/timeline.ts';
import { formatCommand } from '../scenario/format.ts';
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

  // Every position replayed from scratch for reference: seconds on a loaded machine, hence the timeout (no timed assertion).
  it('seeking anywhere gives the same state whatever the checkpoint spacing', { timeout: 60_000 }, () => {
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

/** Run a script's text from scratch, the way `npm run scenario` does. */
function straight(commands: readonly Command[]): string {
  const text = commands.map(formatCommand).join('\n');
  const session = newSession();
  for (const c of commandsOf(text)) applyCommand(session, c);
  return JSON.stringify(session.cluster);
}

describe('timeline: seeking by time', () => {
  it('the state at time t is the state `run t` reaches', () => {
    const t = buildTimeline(commandsOf('cluster nodes=5 seed=9\nrun 4s'), 40);
    let s = seedState(3);
    for (let i = 0; i < 40; i++) {
      const [ms, next] = nextInt(s, 1, 4000);
      s = next;
      expect(JSON.stringify(t.seekTime(ms).cluster), `t=${ms}`).toBe(straight(commandsOf(`cluster nodes=5 seed=9\nrun ${ms}ms`)));
    }
  });

  it('holds every event due by then, and none after', () => {
    const cmds = commandsOf(SCRIPT);
    const t = buildTimeline(cmds, 64);
    const times = Array.from({ length: t.length + 1 }, (_, p) => t.seek(p).cluster!.time);
    for (const ms of [0, 1, 350, 700, 701, 1234, 2500, 5000]) {
      const at = t.seekTime(ms).cluster!;
      expect(at.time, `t=${ms}`).toBeLessThanOrEqual(ms);
      // The next event, if any, comes later than the moment asked for.
      if (at.event < t.length) expect(t.seek(at.event + 1).cluster!.time, `t=${ms}`).toBeGreaterThan(ms);
      expect(times[at.event]).toBeLessThanOrEqual(ms);
    }
  });
});

describe('timeline: forks', () => {
  const cmds = commandsOf(SCRIPT);

  it('a fork at any position is a script that reaches exactly that state, and the original is untouched', () => {
    const t = buildTimeline(cmds, 32);
    const end = JSON.stringify(t.seek(t.length).cluster);
    let s = seedState(11);
    for (let i = 0; i < 60; i++) {
      const [p, next] = nextInt(s, 0, t.length);
      s = next;
      const f = t.fork({ position: p });
      expect(f.length, `p=${p}`).toBe(p);
      const head = JSON.stringify(f.session.cluster);
      expect(straight(f.commands), `p=${p}`).toBe(head);
      // Earlier moments look the same from both timelines.
      for (const q of [0, Math.floor(p / 2), Math.max(0, p - 1)]) {
        expect(JSON.stringify(f.seek(q).cluster), `p=${p} q=${q}`).toBe(JSON.stringify(t.seek(q).cluster));
      }
    }
    expect(JSON.stringify(t.seek(t.length).cluster)).toBe(end);
  });

  it('a fork in the middle of a stabilize releases the held timers, as `stabilize n` does', () => {
    const c = commandsOf('cluster nodes=5 seed=4\nrun 700ms\npropose leader a\nstabilize\nrun 300ms');
    const t = buildTimeline(c, 16);
    const started = t.fork({ position: 0 }).length; // (just to exercise position 0)
    expect(started).toBe(0);
    const inStabilize = Array.from({ length: t.length }, (_, p) => p).filter((p) => t.fork({ position: p }).commands.some((x) => x.kind === 'stabilize' && x.limit !== null));
    expect(inStabilize.length).toBeGreaterThan(3);
    for (const p of inStabilize) {
      const f = t.fork({ position: p });
      expect(straight(f.commands)).toBe(JSON.stringify(f.session.cluster));
    }
  });

  it('a fork at a moment in time keeps everything due by then', () => {
    const t = buildTimeline(cmds, 32);
    for (const ms of [1, 250, 699, 700, 1000, 1003, 2222, 4000]) {
      const f = t.fork({ time: ms });
      expect(straight(f.commands), `t=${ms}`).toBe(JSON.stringify(f.session.cluster));
      expect(f.length).toBe(t.seekTime(ms).cluster!.event);
    }
  });

  it('a fork grows like any timeline: the new future is the script plus the new commands', () => {
    const t = buildTimeline(cmds, 32);
    const f = t.fork({ position: 211 });
    const more = commandsOf('cluster nodes=5\ncrash n1\nrun 800ms\npropose leader z\nrun 500ms').slice(1);
    for (const c of more) f.append(c);
    expect(straight(f.commands)).toBe(JSON.stringify(f.session.cluster));
    expect(JSON.stringify(f.seek(f.length).cluster)).toBe(JSON.stringify(f.session.cluster));
    // Positions after the fork are the new future's, and seeking them replays it.
    const reference = Array.from({ length: f.length + 1 }, (_, p) => JSON.stringify(buildTimeline(f.commands, Number.MAX_SAFE_INTEGER).seek(p).cluster));
    for (const p of [0, 100, 211, 212, 300, f.length]) expect(JSON.stringify(f.seek(p).cluster), `p=${p}`).toBe(reference[p]);
  });

  it('a run cut where another event is due at the same instant becomes `step n`', () => {
    const t = buildTimeline(cmds, 32);
    let sawStep = false;
    for (let p = 1; p < t.length && !sawStep; p++) {
      const f = t.fork({ position: p });
      const last = f.commands[f.commands.length - 1];
      if (last.line === 0 && last.kind === 'step' && t.commands[f.commands.length - 1].kind === 'run') {
        sawStep = true;
        expect(straight(f.commands)).toBe(JSON.stringify(f.session.cluster));
      }
    }
    expect(sawStep).toBe(true);
  });
});

describe('timeline: playheads', () => {
  const t = buildTimeline(commandsOf(SCRIPT), 64);

  it('moving a playhead forward event by event passes through exactly the states seek gives', () => {
    const head = t.playhead({ position: 150 });
    for (let p = 150; p <= 420; p++) {
      head.advance({ position: p });
      expect(head.position).toBe(p);
      expect(JSON.stringify(head.session.cluster), `p=${p}`).toBe(JSON.stringify(t.seek(p).cluster));
    }
  });

  it('moving it forward in time passes through the states seekTime gives, and never moves it back', () => {
    const head = t.playhead({ time: 100 });
    for (let ms = 100; ms <= 3000; ms += 37) {
      head.advance({ time: ms });
      expect(JSON.stringify(head.session.cluster), `t=${ms}`).toBe(JSON.stringify(t.seekTime(ms).cluster));
    }
    const at = head.position;
    head.advance({ time: 5 });
    head.advance({ position: 3 });
    expect(head.position).toBe(at);
  });

  it('reports the records of the events after recordsFrom, and of every event it moves over', () => {
    const all: number[] = [];
    buildTimeline(commandsOf(SCRIPT), 64, (r) => all.push(r.event));
    const between = (a: number, b: number) => all.filter((e) => e > a && e <= b);
    const events: number[] = [];
    const head = t.playhead({ position: 300 }, (r) => events.push(r.event), 280);
    expect(events).toEqual(between(280, 300));
    expect(events.length).toBeGreaterThan(5);
    head.advance({ position: 340 }, (r) => events.push(r.event));
    expect(events).toEqual(between(280, 340));
  });
});

describe('timeline: moments between two events', () => {
  // `run 700ms` ends with the clock at 700, after its last event and before `propose` (event p + 1, at 700).
  const cmds = commandsOf(SCRIPT);
  const t = buildTimeline(cmds, 32);
  const p = buildTimeline(cmds.slice(0, 2), 32).length;
  const withClock = (s: Session, time: number): string => JSON.stringify({ ...s.cluster!, time });

  it('the clock where a run ended is a moment of its own: both numbers, the state its last event left', () => {
    expect(t.seek(p).cluster!.time).toBeLessThan(700);
    // By time alone, 700 is after the commands that happen then too (propose, crash).
    expect(t.seekTime(700).cluster!.event).toBeGreaterThan(p);
    const head = t.playhead({ position: p, time: 700 });
    expect(head.standing).toEqual({ position: p, time: 700 });
    expect(JSON.stringify(head.session.cluster)).toBe(withClock(t.seek(p), 700));
    // Moving on from it by position or by time, and reaching it from earlier, all agree.
    const earlier = t.playhead({ position: p - 3 });
    earlier.advance({ position: p, time: 700 });
    expect(earlier.standing).toEqual({ position: p, time: 700 });
    head.advance({ position: p + 1 });
    expect(JSON.stringify(head.session.cluster)).toBe(JSON.stringify(t.seek(p + 1).cluster));
  });

  it('a fork there is a script that reaches both numbers', () => {
    const f = t.fork({ position: p, time: 700 });
    expect(f.end).toEqual({ position: p, time: 700 });
    expect(straight(f.commands)).toBe(JSON.stringify(f.session.cluster));
  });

  it('a moment the run never passes through stands where the run does instead', () => {
    // Event p - 4 is due before 700, so the clock cannot stand at 700 after event p - 5.
    const head = t.playhead({ position: p - 5, time: 700 });
    expect(head.standing).toEqual({ position: p - 5, time: t.seek(p - 5).cluster!.time });
  });

  it('in the middle of a `step` the clock runs on to the time asked, nothing happening, and a fork there replays to it', () => {
    const s = buildTimeline(commandsOf('cluster nodes=5 seed=14\nstep 1\nstep 4'), 32);
    const first = s.seek(1).cluster!.time;
    expect(first).toBeGreaterThan(50);
    const head = s.playhead({ time: 50 });
    expect(head.standing).toEqual({ position: 0, time: 50 });
    const f = s.fork({ time: 50 });
    expect(f.end).toEqual({ position: 0, time: 50 });
    expect(straight(f.commands)).toBe(JSON.stringify(f.session.cluster));
    // The same moment, reached by its two numbers.
    expect(s.playhead({ position: 0, time: 50 }).standing).toEqual({ position: 0, time: 50 });
  });
});

describe('timeline: a command stopped at an event', () => {
  it('is kept as far as it went, so the script still replays to the head, and the run grows from there', () => {
    const t = buildTimeline(commandsOf('cluster nodes=5 seed=4'), 16);
    const [run] = commandsOf('cluster nodes=5\nrun 3s').slice(1);
    const stopped = t.appendUntil(run, (s) => s.cluster!.event >= 40);
    expect(stopped).toBe(true);
    expect(t.length).toBe(40);
    const whole = buildTimeline(commandsOf('cluster nodes=5 seed=4\nrun 3s'), 16);
    // Right after event 40, before anything else happens, even a clock advance.
    expect(JSON.stringify(t.session.cluster)).toBe(JSON.stringify(whole.seek(40).cluster));
    expect(['run', 'step']).toContain(t.commands.at(-1)!.kind);
    expect(straight(t.commands)).toBe(JSON.stringify(t.session.cluster));
    for (const c of commandsOf('cluster nodes=5\nrun 500ms\ncrash n2\nrun 200ms').slice(1)) t.append(c);
    expect(straight(t.commands)).toBe(JSON.stringify(t.session.cluster));
    expect(JSON.stringify(t.seek(37).cluster)).toBe(JSON.stringify(whole.seek(37).cluster));
  });

  it('is not cut when the condition never holds', () => {
    const t = buildTimeline(commandsOf('cluster nodes=5 seed=4'), 16);
    const [run] = commandsOf('cluster nodes=5\nrun 1s').slice(1);
    expect(t.appendUntil(run, () => false)).toBe(false);
    expect(t.commands.at(-1)).toBe(run);
    expect(t.end.time).toBe(1000);
  });
});
