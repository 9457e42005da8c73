import { describe, expect, it } from 'vitest';
import { ANY, NO_STREAM, STREAM_EXISTS, satisfiesExpectedRevision } from './revision.js';

describe('expected revisions', () => {
  it.each([
    [ANY, NO_STREAM, true],
    [ANY, 3n, true],
    [NO_STREAM, NO_STREAM, true],
    [NO_STREAM, 0n, false],
    [STREAM_EXISTS, NO_STREAM, false],
    [STREAM_EXISTS, 0n, true],
    [2n, 2n, true],
    [2n, 3n, false],
    [0n, NO_STREAM, false],
  ] as const)('expecting %s on a stream at %s is %s', (expected, current, allowed) => {
    expect(satisfiesExpectedRevision(expected, current)).toBe(allowed);
  });
});
