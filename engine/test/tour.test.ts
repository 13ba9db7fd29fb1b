import { describe, expect, it } from 'vitest';
import { readTour, scriptThrough } from '../scenario/tour.ts';
import { parseScript } from '../scenario/parse.ts';
import { runScript } from '../scenario/run.ts';
import { buildTimeline } from '../timeline/timeline.ts';
import { lastIndex } from '../raft/log.ts';

const TOUR = `# A tiny tour
cluster nodes=3 seed=4
say "Three servers, no leader yet."
pause
campaign n1
stabilize
say "n1 asked for votes"
say "and won them."
expect leader n1
pause
propose leader a
stabilize
say "The entry is committed."
expect commit n1 2
`;

describe('tours', () => {
  it('splits a script into steps at its pauses, with their captions and checks', () => {
    const r = readTour(TOUR);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.steps.map((s) => s.captions)).toEqual([['Three servers, no leader yet.'], ['n1 asked for votes', 'and won them.'], ['The entry is committed.']]);
    expect(r.steps.map((s) => [s.firstLine, s.lastLine])).toEqual([[1, 4], [5, 10], [11, 15]]);
    expect(r.steps.map((s) => s.checks.length)).toEqual([0, 1, 1]);
    expect(r.steps.map((s) => s.acts)).toEqual([true, true, true]);
  });

  it('a step is reached by running the script through its last line', () => {
    const r = readTour(TOUR);
    if (!r.ok) throw new Error('tour');
    const through = scriptThrough(TOUR, r.steps, 1);
    expect(through.split('\n').at(-1)).toBe('pause');
    const parsed = parseScript(through);
    if (!parsed.ok) throw new Error('parse');
    const { session, failure } = runScript(parsed.script);
    expect(failure).toBeNull();
    expect(session.cluster!.nodes.n1.volatile?.role).toBe('leader');
    expect(lastIndex(session.cluster!.nodes.n1.persistent.log)).toBe(1);
  });

  it('refuses a step without a caption, at its pause', () => {
    const r = readTour('cluster nodes=3\nsay "one"\npause\ncampaign n1\npause\nsay "three"');
    expect(r).toEqual({ ok: false, errors: [{ line: 5, col: 1, message: 'tour step 2 has no caption: add a "say" line before this pause' }] });
    expect(readTour('cluster nodes=3\nsay "one"\npause\ncampaign n1')).toMatchObject({ ok: false, errors: [{ line: 4 }] });
  });

  it('captions and pauses change nothing: the run, its events and its script are the same without them', () => {
    const bare = TOUR.split('\n').filter((l) => !/^(say|pause)\b/.test(l)).join('\n');
    const a = parseScript(TOUR);
    const b = parseScript(bare);
    if (!a.ok || !b.ok) throw new Error('parse');
    const ta = buildTimeline(a.script.commands);
    const tb = buildTimeline(b.script.commands);
    expect(ta.length).toBe(tb.length);
    expect(ta.commands.map((c) => c.kind)).toEqual(tb.commands.map((c) => c.kind));
    expect(JSON.stringify(ta.session.cluster)).toBe(JSON.stringify(tb.session.cluster));
  });

  it('rejects empty and overlong captions with their column', () => {
    expect(parseScript('cluster\nsay ""')).toMatchObject({ ok: false, errors: [{ line: 2, col: 5, message: 'the caption is empty' }] });
    expect(parseScript(`cluster\nsay "${'x'.repeat(2001)}"`)).toMatchObject({ ok: false, errors: [{ line: 2, col: 5 }] });
    expect(parseScript('cluster\npause now')).toMatchObject({ ok: false, errors: [{ line: 2, col: 7 }] });
  });
});
