import { describe, expect, it } from 'vitest';
import { CLIENT_BOX, NODE_RADIUS, VIEW_HEIGHT, VIEW_WIDTH, clientRow, ringLayout, viewHeight } from './clusterLayout.ts';

describe('clientRow', () => {
  it('leaves the drawing as it was with no clients', () => {
    expect(clientRow([])).toEqual({});
    expect(viewHeight(0)).toBe(VIEW_HEIGHT);
  });
  it('spaces clients evenly under the ring, inside the drawing', () => {
    const row = clientRow(['c1', 'c2', 'c3']);
    expect(row.c2.x).toBeCloseTo(VIEW_WIDTH / 2);
    expect(row.c3.x - row.c2.x).toBeCloseTo(row.c2.x - row.c1.x);
    // Room either side of the outermost clients for half a line of words (about 200 units long).
    expect(row.c1.x).toBeGreaterThan(100);
    expect(VIEW_WIDTH - row.c3.x).toBeGreaterThan(100);
    const lowestNode = Math.max(...Object.values(ringLayout(['n1', 'n2', 'n3', 'n4', 'n5'])).map((p) => p.y));
    for (const p of Object.values(row)) {
      expect(p.y - CLIENT_BOX.height / 2).toBeGreaterThan(lowestNode + NODE_RADIUS);
      expect(p.y).toBeLessThan(viewHeight(3));
    }
  });
  it('staggers a crowded row so neighbours do not share a line of labels', () => {
    const row = clientRow(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(row.c2.y).toBeGreaterThan(row.c1.y);
    expect(row.c3.y).toBe(row.c1.y);
    expect(Math.max(...Object.values(row).map((p) => p.y)) + 70).toBeLessThanOrEqual(viewHeight(9));
  });
});
