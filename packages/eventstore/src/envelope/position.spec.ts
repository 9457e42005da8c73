import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePositions, parsePosition, position, positionToString } from './position.js';

const anyPosition = fc
  .tuple(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.bigInt({ min: 0n, max: 2n ** 64n }))
  .map(([commit, prepare]) => position(commit, prepare));

describe('positions', () => {
  it('write one integer when commit equals prepare, and a pair otherwise', () => {
    expect(positionToString(position(42n))).toBe('42');
    expect(positionToString(position(42n, 40n))).toBe('42/40');
  });

  it('parse back from their string form to an equal position, beyond 2^53', () => {
    fc.assert(
      fc.property(anyPosition, (p) => {
        const parsed = parsePosition(positionToString(p));
        expect(E.isRight(parsed) && comparePositions(parsed.right, p)).toBe(0);
      }),
    );
  });

  it('order by commit, then by prepare', () => {
    expect(comparePositions(position(1n, 9n), position(2n, 0n))).toBeLessThan(0);
    expect(comparePositions(position(2n, 1n), position(2n, 0n))).toBeGreaterThan(0);
  });

  it('refuse text that is not a position, saying what was expected', () => {
    for (const text of ['', '-1', '01', '1/', 'x', '1/2/3']) {
      const parsed = parsePosition(text);
      expect(E.isLeft(parsed) && parsed.left).toContain('<commit>/<prepare>');
    }
  });
});
