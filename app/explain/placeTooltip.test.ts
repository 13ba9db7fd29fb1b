import { describe, expect, it } from 'vitest';
import { MARGIN, placeTooltip } from './placeTooltip.ts';

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
const tip = { width: 300, height: 120 };
const box = (left: number, top: number, width = 40, height = 30) => ({ left, top, right: left + width, bottom: top + height });

describe('placeTooltip', () => {
  it('goes under the item, centred on it', () => {
    const p = placeTooltip(box(500, 100), tip, desktop);
    expect(p).toEqual({ left: 520 - 150, top: 138, above: false });
  });

  it('goes above an item near the bottom of the screen', () => {
    const p = placeTooltip(box(500, 740), tip, desktop);
    expect(p.above).toBe(true);
    expect(p.top + tip.height).toBeLessThanOrEqual(740);
  });

  it('stays inside a phone screen at either edge', () => {
    const left = placeTooltip(box(0, 200), tip, phone);
    expect(left.left).toBe(MARGIN);
    const right = placeTooltip(box(370, 200, 20), tip, phone);
    expect(right.left + tip.width).toBe(phone.width - MARGIN);
  });

  it('clamps a tooltip that fits neither above nor below into the screen', () => {
    const tall = { width: 300, height: 500 };
    const p = placeTooltip(box(100, 380, 40, 60), tall, desktop);
    expect(p.top).toBeGreaterThanOrEqual(MARGIN);
    expect(p.top + tall.height).toBeLessThanOrEqual(desktop.height - MARGIN);
  });
});
