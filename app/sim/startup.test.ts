import { describe, expect, it } from 'vitest';
import { toScenario } from '../library/library.ts';
import { encodeShare } from '../share/shareCodec.ts';
import { openingFor } from './startup.ts';
import { toTour } from '../tour/tours.ts';

const library = [toScenario('/public/scenarios/figure7.txt', '# Repair\npreset figure7\n'), toScenario('/public/scenarios/leader-crash.txt', '# Crash\ncluster nodes=5\n')];

describe('openingFor', () => {
  it('opens the default cluster', () => {
    expect(openingFor('', '', library, [])).toEqual({ kind: 'default' });
    expect(openingFor('?scenario=', '', library, [])).toEqual({ kind: 'default' });
  });
  it('opens a named preset: a bare preset name wins over a library file of that name', () => {
    expect(openingFor('?scenario=figure7-etcd', '', library, [])).toEqual({ kind: 'preset', name: 'figure7-etcd' });
    expect(openingFor('?scenario=figure7', '', library, [])).toEqual({ kind: 'preset', name: 'figure7' });
  });
  it('opens a library scenario by its stem or its file name', () => {
    expect(openingFor('?scenario=figure7.txt', '', library, [])).toMatchObject({ kind: 'library', scenario: { title: 'Repair' } });
    expect(openingFor('?scenario=leader-crash', '', library, [])).toMatchObject({ kind: 'library', scenario: { title: 'Crash' } });
  });
  it('says so when there is no such scenario', () => {
    expect(openingFor('?scenario=nope', '', library, [])).toEqual({ kind: 'unknown-scenario', name: 'nope' });
  });
  it('opens a shared run from the fragment, which wins over ?scenario', () => {
    const run = { script: 'cluster nodes=3\nrun 1s', cursor: { time: 1000, event: 90 } };
    const e = encodeShare(run);
    if (!e.ok) throw new Error('encode');
    expect(openingFor('?scenario=leader-crash', `#${e.fragment}`, library, [])).toEqual({ kind: 'link', run });
    expect(openingFor('', '#v9.abc', library, [])).toEqual({ kind: 'bad-link', error: { kind: 'future-version', version: 9 } });
    expect(openingFor('', '#', library, [])).toEqual({ kind: 'default' });
  });
  it('opens a tour at the step its link names, counted from 1', () => {
    const tour = toTour('/public/tours/01-votes.txt', '# Votes\ncluster nodes=3\nsay "one"\npause\ncampaign n1\nsay "two"\npause\nstabilize\nsay "three"');
    if (tour === null) throw new Error('tour');
    const tours = [tour];
    expect(openingFor('?tour=votes', '', library, tours)).toMatchObject({ kind: 'tour', tour: { name: 'votes', title: 'Votes' }, step: 0, stepOk: true });
    expect(openingFor('?tour=votes&step=3', '', library, tours)).toMatchObject({ kind: 'tour', step: 2, stepOk: true });
    // A step the tour does not have opens the nearest, and says so.
    expect(openingFor('?tour=votes&step=9', '', library, tours)).toMatchObject({ kind: 'tour', step: 2, stepOk: false });
    for (const bad of ['0', '-1', 'two', '1.5']) expect(openingFor(`?tour=votes&step=${bad}`, '', library, tours), bad).toMatchObject({ kind: 'tour', step: 0, stepOk: false });
    expect(openingFor('?tour=nope', '', library, tours)).toEqual({ kind: 'unknown-tour', name: 'nope' });
  });
});
