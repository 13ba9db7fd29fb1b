import { describe, expect, it } from 'vitest';
import { gridMove } from './gridMove.ts';

const ids = ['n1', 'n2', 'n3', 'n4'];
const lengths: Record<string, number> = { n1: 5, n2: 0, n3: 2, n4: 7 };
const move = (key: string, node: string, index: number) => gridMove(key, { node, index }, ids, (id) => lengths[id]);

describe('gridMove', () => {
  it('moves along a row and stops at its ends', () => {
    expect(move('ArrowRight', 'n1', 2)).toEqual({ node: 'n1', index: 3 });
    expect(move('ArrowLeft', 'n1', 2)).toEqual({ node: 'n1', index: 1 });
    expect(move('ArrowLeft', 'n1', 1)).toBeNull();
    expect(move('ArrowRight', 'n1', 5)).toBeNull();
    expect(move('Home', 'n4', 4)).toEqual({ node: 'n4', index: 1 });
    expect(move('End', 'n4', 4)).toEqual({ node: 'n4', index: 7 });
  });

  it('moves between rows, skipping empty logs and landing on the last entry of a shorter one', () => {
    expect(move('ArrowDown', 'n1', 4)).toEqual({ node: 'n3', index: 2 });
    expect(move('ArrowUp', 'n3', 2)).toEqual({ node: 'n1', index: 2 });
    expect(move('ArrowDown', 'n3', 2)).toEqual({ node: 'n4', index: 2 });
    expect(move('ArrowDown', 'n4', 1)).toBeNull();
    expect(move('ArrowUp', 'n1', 1)).toBeNull();
  });

  it('ignores other keys', () => {
    expect(move('Enter', 'n1', 1)).toBeNull();
  });

  it('stops on the snapshot block of a log that starts after a snapshot, standing for every index it covers (§7)', () => {
    // n1 holds 9..12 after a snapshot up to 8; n2 has no snapshot.
    const last: Record<string, number> = { n1: 12, n2: 3 };
    const start: Record<string, number> = { n1: 8, n2: 0 };
    const go = (key: string, node: string, index: number) => gridMove(key, { node, index }, ['n1', 'n2'], (id) => last[id], (id) => start[id]);
    expect(go('ArrowLeft', 'n1', 9)).toEqual({ node: 'n1', index: 8 });
    expect(go('ArrowLeft', 'n1', 8)).toBeNull();
    expect(go('Home', 'n1', 11)).toEqual({ node: 'n1', index: 8 });
    expect(go('ArrowRight', 'n1', 8)).toEqual({ node: 'n1', index: 9 });
    // From n2's index 2, up lands on n1's block (index 2 is inside it), and back down on n2's index... its last, 3 <= 8.
    expect(go('ArrowUp', 'n2', 2)).toEqual({ node: 'n1', index: 8 });
    expect(go('ArrowDown', 'n1', 8)).toEqual({ node: 'n2', index: 3 });
  });
});
