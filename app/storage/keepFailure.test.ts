import { describe, expect, it } from 'vitest';
import { keepFailureReason, runNotKeptText } from './keepFailure.ts';
import { NOT_KEPT_HERE } from './keptData.ts';

describe('a refused write, in words', () => {
  it('names a full storage, a browser that keeps nothing, and anything else by its message', () => {
    expect(keepFailureReason(new DOMException('x', 'QuotaExceededError'))).toMatch(/storage for this site is full/);
    expect(keepFailureReason(new Error(NOT_KEPT_HERE))).toMatch(/does not let the page keep anything/);
    expect(keepFailureReason(new DOMException('x', 'InvalidStateError'))).toMatch(/does not let the page keep anything/);
    expect(keepFailureReason(new DOMException('disk on fire', 'UnknownError'))).toBe('the browser refused it: disk on fire');
    expect(keepFailureReason('??')).toBe('the browser refused it');
  });

  it('says the run is at risk and how to keep it, in sentences that end once', () => {
    const text = runNotKeptText(keepFailureReason(new DOMException('x', 'QuotaExceededError')));
    expect(text).toMatch(/^Your run could not be saved in this browser: the browser's storage for this site is full\. /);
    expect(text).toMatch(/Save \.txt/);
    expect(text).not.toMatch(/\.\./);
  });
});
