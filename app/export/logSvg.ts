/**
 * The logs as a standalone SVG image: one row per node, one cell per entry with
 * its term, committed entries solid and the rest dashed and pale (so the
 * difference does not rest on colour), the leader marked, and a legend. Drawn
 * from the data rather than copied from the page, whose log view is HTML and
 * may draw only the columns in view.
 */
import type { NodeId } from '../../engine/types.ts';
import { termColor, termInk } from '../theme/termColor.ts';
import { legendSvg, LEGEND_STYLE } from './legendSvg.ts';
import { esc } from './svgText.ts';

export interface LogPicture {
  readonly ids: readonly NodeId[];
  /** The terms of each node's entries, from index `start + 1` on. */
  readonly terms: Readonly<Record<NodeId, readonly number[]>>;
  /**
   * Where each node's log starts (§7): its snapshot's last index and term; the
   * row draws one block for the snapshot over those columns. Absent: no snapshot.
   */
  readonly starts?: Readonly<Record<NodeId, { readonly index: number; readonly term: number }>>;
  readonly commitIndex: Readonly<Record<NodeId, number>>;
  readonly leader: NodeId | null;
  readonly down: ReadonlySet<NodeId>;
}

const CELL = 26;
const GAP = 2;
const LABEL = 64;
const TOP = 26;
const ROW = CELL + 8;
/** Wider than this, an image stops being readable; the last entries are kept. */
export const MAX_COLUMNS = 120;

export function logSvg(p: LogPicture): string {
  const startOf = (id: NodeId): number => p.starts?.[id]?.index ?? 0;
  const longest = Math.max(0, ...p.ids.map((id) => startOf(id) + (p.terms[id]?.length ?? 0)));
  const from = Math.max(1, longest - MAX_COLUMNS + 1);
  const columns = longest - from + 1;
  const width = Math.max(420, LABEL + columns * (CELL + GAP) + 16);
  const parts: string[] = [];
  for (let i = from; i <= longest; i++) {
    if (i === from || i % 5 === 0 || i === longest) {
      parts.push(`<text x="${LABEL + (i - from) * (CELL + GAP) + CELL / 2}" y="${TOP - 8}" text-anchor="middle" class="lg-text" font-size="11">${i}</text>`);
    }
  }
  p.ids.forEach((id, r) => {
    const y = TOP + r * ROW;
    const mark = id === p.leader ? ' ♛' : p.down.has(id) ? ' ✕' : '';
    parts.push(`<text x="4" y="${y + CELL / 2 + 5}" class="lg-text" font-weight="bold">${esc(id + mark)}</text>`);
    const terms = p.terms[id] ?? [];
    const commit = p.commitIndex[id] ?? 0;
    const start = startOf(id);
    if (start >= from) {
      // The snapshot's block: grey, hatched by a dashed double edge, never a term's fill (as on the page).
      const w = (start - from + 1) * (CELL + GAP) - GAP;
      parts.push(`<rect x="${LABEL}" y="${y}" width="${w}" height="${CELL}" rx="6" fill="#e6eaee" stroke="#4a5561" stroke-width="3" stroke-dasharray="6 2"/>`);
      const label = w >= 5 * (CELL + GAP) ? `snapshot 1–${start} · t${p.starts![id].term}` : `1–${start}`;
      parts.push(`<text x="${LABEL + 6}" y="${y + CELL / 2 + 5}" class="lg-text" font-size="12">${esc(label)}</text>`);
    }
    for (let i = Math.max(from, start + 1); i <= start + terms.length; i++) {
      const t = terms[i - start - 1];
      const x = LABEL + (i - from) * (CELL + GAP);
      const committed = i <= commit;
      parts.push(
        committed
          ? `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="3" fill="${termColor(t)}" stroke="#333"/>`
          : `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="3" fill="${termColor(t)}" fill-opacity="0.35" stroke="#333" stroke-dasharray="4 2"/>`,
      );
      parts.push(`<text x="${x + CELL / 2}" y="${y + CELL / 2 + 5}" text-anchor="middle" class="lg-num" fill="${committed ? termInk(t) : '#1b1f24'}">${esc(t)}</text>`);
    }
  });
  const rowsEnd = TOP + p.ids.length * ROW + 8;
  const terms = [...new Set(p.ids.flatMap((id) => p.terms[id] ?? []))].sort((a, b) => a - b);
  const legend = legendSvg(
    terms,
    [
      'Row = node, column = index, number = the entry’s term.',
      'Solid = committed; dashed and pale = not committed yet. ♛ leader, ✕ crashed.',
      ...(p.ids.some((id) => startOf(id) > 0) ? ['Grey block = entries compacted into a snapshot (§7), with its last term.'] : []),
      ...(from > 1 ? [`Indexes ${from} to ${longest} of ${longest}.`] : []),
    ],
    4,
    rowsEnd,
    width - 8,
  );
  const height = rowsEnd + legend.height + 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${LEGEND_STYLE}</style><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}${legend.svg}</svg>`
  );
}
