import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './options.js';

describe('pnpm bench options', () => {
  it('takes W8’s run time in seconds from --duration, and leaves it to the default without', () => {
    const given = parseBenchOptions(['--workload', 'w8', '--duration=5']);
    expect(E.isRight(given) && given.right).toMatchObject({
      workloads: ['W8'],
      durationSeconds: 5,
    });
    const omitted = parseBenchOptions([]);
    expect(E.isRight(omitted) && omitted.right.durationSeconds).toBeUndefined();
  });

  it('refuses a duration that is not a positive number of seconds', () => {
    for (const bad of ['0', '-3', 'soon']) {
      expect(parseBenchOptions(['--duration', bad])).toEqual(
        E.left(`--duration needs a positive number of seconds, got ${bad}`),
      );
    }
  });
});
