/** Pictures of the cluster view and the logs, with their legends, as SVG or PNG downloads. */
import type { AppStore } from '../store/store.ts';
import { clusterSvg } from './clusterSvg.ts';
import { logSvg } from './logSvg.ts';
import { svgToPng } from './svgToPng.ts';
import { download, downloadText } from './download.ts';

export type Picture = 'cluster' | 'logs';
export type ImageFormat = 'svg' | 'png';

function pictureSvg(store: AppStore, picture: Picture): string | null {
  const s = store.getState();
  if (picture === 'logs') {
    return logSvg({
      ids: s.ids,
      terms: Object.fromEntries(s.ids.map((id) => [id, (s.logs[id]?.entries ?? []).map((e) => e.term)])),
      starts: Object.fromEntries(s.ids.map((id) => [id, { index: s.logs[id]?.start ?? 0, term: s.logs[id]?.startTerm ?? 0 }])),
      commitIndex: Object.fromEntries(s.ids.map((id) => [id, s.nodes[id]?.commitIndex ?? 0])),
      leader: s.leader,
      down: new Set(s.ids.filter((id) => s.nodes[id]?.up === false)),
    });
  }
  const live = document.querySelector<SVGSVGElement>('svg.cluster-svg');
  if (live === null) return null;
  const terms = [...new Set(s.ids.map((id) => s.nodes[id]?.term ?? 0).filter((t) => t > 0))].sort((a, b) => a - b);
  return clusterSvg(live, terms);
}

/** The picture's file name names the moment it shows. */
const fileName = (store: AppStore, picture: Picture, format: ImageFormat): string => `raftviz-${picture}-event-${store.getState().event}.${format}`;

export async function exportImage(store: AppStore, picture: Picture, format: ImageFormat): Promise<void> {
  const svg = pictureSvg(store, picture);
  if (svg === null) return;
  if (format === 'svg') return downloadText(svg, fileName(store, picture, format), 'image/svg+xml');
  try {
    download(await svgToPng(svg), fileName(store, picture, format));
  } catch (e) {
    store.getState().showNotice({ tone: 'error', message: `The PNG could not be made: ${e instanceof Error ? e.message : String(e)}. The SVG export works in its place.` });
  }
}
