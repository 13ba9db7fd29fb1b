import { expect, it } from 'vitest';
import { formatSpeed } from './formatSpeed.ts';

it('formats speeds with two significant digits', () => {
  expect(formatSpeed(0.1)).toBe('0.1×');
  expect(formatSpeed(10 ** -1.5)).toBe('0.032×');
  expect(formatSpeed(10)).toBe('10×');
  expect(formatSpeed(0.001)).toBe('0.001×');
});
