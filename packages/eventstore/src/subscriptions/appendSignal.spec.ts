import { describe, expect, it } from 'vitest';
import type { Position } from '../envelope/position.js';
import { position } from '../envelope/position.js';
import { createAppendSignal } from './appendSignal.js';

const settled = async (promise: Promise<void>, withinMilliseconds = 20) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, withinMilliseconds),
    ),
  ]);

/** A log head that tests move by hand, as an append by this or another process would. */
const movableHead = () => {
  let head: Position | undefined;
  return {
    head: () => head,
    moveTo: (commit: bigint) => {
      head = position(commit);
    },
  };
};

describe('append signal', () => {
  it('resolves at once when the head is already past the position, and waits otherwise', async () => {
    const log = movableHead();
    const appendSignal = createAppendSignal({ head: log.head });
    const open = new AbortController().signal;
    expect(await settled(appendSignal.waitBeyond(undefined, open))).toBe(false);
    log.moveTo(1n);
    expect(await settled(appendSignal.waitBeyond(undefined, open))).toBe(true);
    expect(await settled(appendSignal.waitBeyond(position(1n), open))).toBe(false);
  });

  it('wakes a waiter on a ring once the head has passed its position, not before', async () => {
    const log = movableHead();
    const appendSignal = createAppendSignal({ head: log.head });
    const waiting = appendSignal.waitBeyond(undefined, new AbortController().signal);
    appendSignal.ring();
    expect(await settled(waiting)).toBe(false);
    log.moveTo(1n);
    appendSignal.ring();
    expect(await settled(waiting)).toBe(true);
  });

  it('sees a head moved without a ring (another process) at the next poll', async () => {
    const log = movableHead();
    const appendSignal = createAppendSignal({ head: log.head, pollMilliseconds: 5 });
    const waiting = appendSignal.waitBeyond(undefined, new AbortController().signal);
    expect(await settled(waiting)).toBe(false);
    log.moveTo(1n);
    expect(await settled(waiting, 100)).toBe(true);
  });

  it('releases waiters on abort and on close, and every wait after close', async () => {
    const appendSignal = createAppendSignal({ head: () => undefined });
    const abort = new AbortController();
    const aborted = appendSignal.waitBeyond(undefined, abort.signal);
    abort.abort();
    expect(await settled(aborted)).toBe(true);
    const open = new AbortController().signal;
    const waiting = appendSignal.waitBeyond(undefined, open);
    appendSignal.close();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(appendSignal.waitBeyond(undefined, open))).toBe(true);
  });
});
