import { describe, expect, it } from 'vitest';
import { CENTER, RING_RADIUS, ringLayout } from './clusterLayout.ts';
import { cutMarkPoint, flightFraction, pointOnLane } from './linkGeometry.ts';
import { elapsedFraction, timerArcPath } from './timerArc.ts';
import { crownPath } from './glyphs.ts';

describe('ringLayout', () => {
  it('puts the first node at the top and spaces the rest evenly, clockwise', () => {
    const p = ringLayout(['n1', 'n2', 'n3', 'n4']);
    expect(p.n1.x).toBeCloseTo(CENTER.x);
    expect(p.n1.y).toBeCloseTo(CENTER.y - RING_RADIUS);
    expect(p.n2.x).toBeCloseTo(CENTER.x + RING_RADIUS);
    expect(p.n3.y).toBeCloseTo(CENTER.y + RING_RADIUS);
    expect(p.n1.out.y).toBeCloseTo(-1);
  });
  it('puts a lone node in the middle', () => {
    expect(ringLayout(['n1']).n1).toMatchObject(CENTER);
  });
});

describe('pointOnLane', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };
  it('runs from inset to inset along the link', () => {
    expect(pointOnLane(a, b, 0, 10, 0)).toEqual({ x: 10, y: 0 });
    expect(pointOnLane(a, b, 1, 10, 0)).toEqual({ x: 90, y: 0 });
    expect(pointOnLane(a, b, 0.5, 10, 0)).toEqual({ x: 50, y: 0 });
  });
  it('keeps the two directions on opposite sides of the line', () => {
    const there = pointOnLane(a, b, 0.5, 10);
    const back = pointOnLane(b, a, 0.5, 10);
    expect(there.x).toBeCloseTo(back.x);
    expect(Math.sign(there.y)).toBe(-Math.sign(back.y));
  });
  it('clamps fractions outside 0..1', () => {
    expect(pointOnLane(a, b, 2, 10, 0)).toEqual({ x: 90, y: 0 });
  });
});

describe('fractions of time', () => {
  it('measures how far a message has travelled', () => {
    expect(flightFraction(100, 110, 95)).toBe(0);
    expect(flightFraction(100, 110, 105)).toBe(0.5);
    expect(flightFraction(100, 110, 200)).toBe(1);
  });
  it('measures how much of a timer has run', () => {
    expect(elapsedFraction(0, 200, 50)).toBe(0.25);
    expect(elapsedFraction(10, 10, 5)).toBe(1);
  });
});

describe('paths', () => {
  it('draws nothing for an empty timer and a closed shape for a full one', () => {
    expect(timerArcPath(0)).toBe('');
    expect(timerArcPath(1)).toMatch(/^M.*Z$/);
  });
  it('draws a closed crown', () => {
    expect(crownPath(20, 10)).toMatch(/^M-10,0 .* Z$/);
  });
  it('puts a cut mark off the middle of a link', () => {
    expect(cutMarkPoint({ x: 0, y: 0 }, { x: 100, y: 0 })).toEqual({ x: 40, y: 0 });
  });
});
