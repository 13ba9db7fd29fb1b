import { describe, expect, it } from 'vitest';
import { startupFor } from './startup.ts';

describe('startupFor', () => {
  it('plays the default cluster', () => {
    expect(startupFor('')).toEqual({ command: 'cluster nodes=5', playing: true });
  });
  it('opens a named preset paused', () => {
    expect(startupFor('?scenario=figure7-etcd')).toEqual({ command: 'preset figure7-etcd', playing: false });
  });
  it('ignores unknown scenarios', () => {
    expect(startupFor('?scenario=nope').command).toBe('cluster nodes=5');
  });
});
