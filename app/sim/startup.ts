/**
 * What the page opens first, from its URL:
 *
 * - a fragment (`#v1.…`): the run a Share link carries, replayed and paused, or,
 *   if the link cannot be read, the default cluster with a note saying why;
 * - no `?scenario`: the default cluster, paused until the user presses Play;
 * - `?scenario=figure7` or `figure7-etcd`: that preset, paused before any command.
 *   A bare preset name always means the preset (see `scenarioParam` in the library);
 * - `?scenario=<name>`: the library scenario `public/scenarios/<name>.txt`, run
 *   to its end and paused (`<name>.txt` works too);
 * - `?tour=<name>&step=<n>`: step n (from 1; the first if missing) of a guided tour;
 * - anything else: the default cluster, with a note saying so.
 */
import { PRESETS, type CommandBody, type PresetName } from '../../engine/scenario/ast.ts';
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import { findScenario, type LibraryScenario } from '../library/library.ts';
import { decodeShare, type ShareError, type SharedRun } from '../share/shareCodec.ts';
import { findTour, type Tour } from '../tour/tours.ts';
import { readStep } from '../tour/tourLink.ts';

export type Opening =
  | { readonly kind: 'default' }
  | { readonly kind: 'preset'; readonly name: PresetName }
  | { readonly kind: 'library'; readonly scenario: LibraryScenario }
  | { readonly kind: 'unknown-scenario'; readonly name: string }
  | { readonly kind: 'link'; readonly run: SharedRun }
  | { readonly kind: 'bad-link'; readonly error: ShareError }
  /** `?tour=<name>&step=<n>`: that step of a guided tour. `stepOk` is false when `step=` named no step of it (the nearest is opened). */
  | { readonly kind: 'tour'; readonly tour: Tour; readonly step: number; readonly stepOk: boolean }
  | { readonly kind: 'unknown-tour'; readonly name: string };

/** What a plain visit opens: five nodes, the default options (`cluster nodes=5`). */
export const DEFAULT_CLUSTER: CommandBody = { kind: 'cluster', config: DEFAULT_CONFIG };

/** A link's fragment wins over its `?scenario`: it is the more particular of the two. */
export function openingFor(search: string, hash: string, library: readonly LibraryScenario[], tours: readonly Tour[]): Opening {
  if (hash !== '' && hash !== '#') {
    const decoded = decodeShare(hash);
    return decoded.ok ? { kind: 'link', run: decoded.run } : { kind: 'bad-link', error: decoded.error };
  }
  const params = new URLSearchParams(search);
  const tourName = params.get('tour');
  if (tourName !== null && tourName !== '') {
    const tour = findTour(tourName, tours);
    if (tour === null) return { kind: 'unknown-tour', name: tourName };
    const { step, ok } = readStep(params.get('step'), tour.steps.length);
    return { kind: 'tour', tour, step, stepOk: ok };
  }
  const name = params.get('scenario');
  if (name === null || name === '') return { kind: 'default' };
  if ((PRESETS as readonly string[]).includes(name)) return { kind: 'preset', name: name as PresetName };
  const scenario = findScenario(name, library);
  return scenario === null ? { kind: 'unknown-scenario', name } : { kind: 'library', scenario };
}
