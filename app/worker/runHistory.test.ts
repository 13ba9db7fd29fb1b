import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/scenario/parse.ts';
import { runScript } from '../../engine/scenario/run.ts';
import type { Command } from '../../engine/scenario/ast.ts';
import { ignore } from '../../engine/sim/simulator.ts';
import { RunHistory } from './runHistory.ts';

const commandsOf = (text: string): readonly Command[] => {
  const p = parseScript(text);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.script.commands;
};

type Setup = Extract<Command, { kind: 'cluster' | 'preset' }>;

/** A history with a run of `script` (its first line sets the cluster up). */
function historyOf(script: string): RunHistory<string> {
  const [setup, ...rest] = commandsOf(script);
  const h = new RunHistory<string>();
  h.startRun(setup as Setup, true, null, ignore);
  for (const c of rest) h.append(c, ignore);
  return h;
}

const replayed = (lines: readonly string[]) => runScript({ commands: commandsOf(lines.join('\n')) }).session.cluster!;

describe('the run history', () => {
  it('derives the script from the timeline: consecutive runs merge, and a run stopped at an event is cut in the script too', () => {
    const h = historyOf('cluster nodes=5 seed=4\nrun 100ms\nrun 50ms\ncrash n2');
    expect(h.recording.lines).toEqual(['cluster nodes=5 seed=4', 'run 150ms', 'crash n2']);
    const [run] = commandsOf('cluster nodes=5\nrun 3s').slice(1);
    const from = h.timeline!.length;
    expect(h.append(run, ignore, (s) => s.cluster!.event >= from + 25)).toEqual({ failure: null, stopped: true });
    const lines = h.recording.lines;
    expect(lines.slice(0, 3)).toEqual(['cluster nodes=5 seed=4', 'run 150ms', 'crash n2']);
    expect(lines.at(-1)).toMatch(/^(run \d+ms|step \d+)$/);
    expect(lines.at(-1)).not.toBe('run 3s');
    const replay = replayed(lines);
    expect([replay.event, replay.time]).toEqual([h.timeline!.end.position, h.timeline!.end.time]);
    // The run grows on from there, and the script with it.
    h.append(commandsOf('cluster nodes=5\ncampaign n1')[1], ignore);
    expect(h.recording.lines.at(-1)).toBe('campaign n1');
    expect(replayed(h.recording.lines).event).toBe(h.timeline!.length);
  });

  it('a preset keeps the options of the cluster it replaces, so its script replays', () => {
    const h = historyOf('cluster nodes=3 seed=9 prevote=on');
    h.startRun(commandsOf('preset figure7')[0] as Setup, false, 'the 3-node run', ignore);
    expect(h.recording.setup).toEqual(['cluster nodes=3 seed=9 prevote=on', 'preset figure7']);
    expect(h.context.nodes).toBe(7);
  });

  it('undo and redo swap whole runs, each with what was kept along with it', () => {
    const h = historyOf('cluster nodes=5 seed=4\nrun 700ms');
    const first = h.recording.lines;
    const length = h.timeline!.length;
    expect(h.fork({ position: 20 }, 'seen at the end')).toBe(length - 20);
    expect(h.timeline!.length).toBe(20);
    h.append(commandsOf('cluster nodes=5\ncrash n1')[1], ignore);
    expect([h.canUndo, h.canRedo]).toEqual([true, false]);
    expect(h.undo('seen after the fork')?.extra).toBe('seen at the end');
    expect(h.recording.lines).toEqual(first);
    expect(h.timeline!.length).toBe(length);
    expect([h.canUndo, h.canRedo]).toEqual([false, true]);
    expect(h.redo('seen at the end, again')?.extra).toBe('seen after the fork');
    expect(h.recording.lines.at(-1)).toBe('crash n1');
    expect(h.timeline!.length).toBe(21);
    // Nothing more to redo; a new run forgets what could be redone.
    expect(h.redo('x')).toBeNull();
    h.undo('y');
    h.startRun(commandsOf('cluster nodes=3')[0] as Setup, false, 'z', ignore);
    expect([h.canUndo, h.canRedo]).toEqual([true, false]);
  });
});
