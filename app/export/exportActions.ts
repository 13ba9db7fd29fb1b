/**
 * What the Export menu makes: the scenario as a .txt (the file the Script panel
 * saves), pictures of the cluster and of the logs as SVG or PNG, each with its
 * legend (exportImage.ts), and the ShiViz log, the JSON trace and the client
 * history (EDN or JSON), which the worker writes by replaying the run. All are made in the browser and
 * downloaded from memory.
 */
import type { Session } from '../session/session.ts';
import type { ExportFormat } from '../worker/protocol.ts';
import type { ImageFormat, Picture } from './exportImage.ts';

export type { ImageFormat, Picture };

/**
 * The picture makers come in their own chunk, requested as the page starts
 * (so choosing an entry later fetches nothing) but not part of the entry script.
 * An immutable promise: the module loader fetches the chunk once.
 */
const pictures = import('./exportImage.ts');

export const exportImage = (session: Session, picture: Picture, format: ImageFormat): void =>
  void pictures.then((m) => m.exportImage(session.store, picture, format));

export const exportScript = (session: Session): void => session.editor.saveScriptFile();

/** The worker replays the run and writes the file; the session downloads it. */
export const exportFromRun = (session: Session, format: ExportFormat): void => session.exportFile(format);

