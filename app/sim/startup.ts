/**
 * What the page opens first, from its URL:
 *
 * - no `?scenario`: the default cluster, playing;
 * - `?scenario=figure7` or `figure7-etcd`: that preset, paused before any command.
 *   A bare preset name always means the preset (see `scenarioParam` in the library);
 * - `?scenario=<name>`: the library scenario `public/scenarios/<name>.txt`, run
 *   to its end and paused (`<name>.txt` works too);
 * - anything else: the default cluster, with a note saying so.
 */
import { PRESETS, type PresetName } from '../../engine/scenario/ast.ts';
import { findScenario, LIBRARY, type LibraryScenario } from '../library/library.ts';

export type Opening =
  | { readonly kind: 'default' }
  | { readonly kind: 'preset'; readonly name: PresetName }
  | { readonly kind: 'library'; readonly scenario: LibraryScenario }
  | { readonly kind: 'unknown-scenario'; readonly name: string };

export const DEFAULT_CLUSTER_LINE = 'cluster nodes=5';

export function openingFor(search: string, library: readonly LibraryScenario[] = LIBRARY): Opening {
  const name = new URLSearchParams(search).get('scenario');
  if (name === null || name === '') return { kind: 'default' };
  if ((PRESETS as readonly string[]).includes(name)) return { kind: 'preset', name: name as PresetName };
  const scenario = findScenario(name, library);
  return scenario === null ? { kind: 'unknown-scenario', name } : { kind: 'library', scenario };
}
