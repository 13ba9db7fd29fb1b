/**
 * The guided tours: every `public/tours/NN-<name>.txt`, bundled at build time
 * (app/content/content.ts) so a tour opens offline. A tour is a scenario with captions (`say`) and stops
 * (`pause`); see engine/scenario/tour.ts. `NN` orders them; `<name>` is what
 * `?tour=` takes.
 */
import { readTour, type TourStep } from '../../engine/scenario/tour.ts';
import { readHeader } from '../library/library.ts';

export interface Tour {
  readonly name: string;
  /** 1-based place in the series. */
  readonly number: number;
  readonly title: string;
  readonly description: string;
  readonly text: string;
  readonly steps: readonly TourStep[];
}

/** A tour from its file; null if the file is not a valid tour (the tours test keeps that from shipping). */
export function toTour(path: string, text: string): Tour | null {
  const m = /(\d+)-([a-z0-9-]+)\.txt$/.exec(path);
  const read = readTour(text);
  if (m === null || !read.ok) return null;
  const { title, description } = readHeader(text);
  return { name: m[2], number: Number(m[1]), title: title || m[2], description, text, steps: read.steps };
}

export const findTour = (name: string, tours: readonly Tour[]): Tour | null => tours.find((t) => t.name === name) ?? null;

/** The tour after this one, if any. */
export const nextTour = (tour: Tour, tours: readonly Tour[]): Tour | null => tours[tours.findIndex((t) => t.name === tour.name) + 1] ?? null;
