/** What the page does first: the default cluster, playing, or a preset named in the URL, paused. */
import { PRESETS, type PresetName } from '../../engine/scenario/ast.ts';

export interface Startup {
  readonly command: string;
  readonly playing: boolean;
}

export const DEFAULT_CLUSTER_LINE = 'cluster nodes=5';

/** `?scenario=figure7` opens that preset, paused, ready for the user to act. */
export function startupFor(search: string): Startup {
  const name = new URLSearchParams(search).get('scenario');
  if (name !== null && (PRESETS as readonly string[]).includes(name)) {
    return { command: `preset ${name as PresetName}`, playing: false };
  }
  return { command: DEFAULT_CLUSTER_LINE, playing: true };
}
