import { describe, expect, it } from 'vitest';
import { createAppendSignalWaiters } from './appendSignalWaiters.js';

const settled = async (promise: Promise<void>) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, 20),
    ),
  ]);

describe('append-signal waiters', () => {
  it('wakes every waiting reader on a ring, and only then', async () => {
    const waiters = createAppendSignalWaiters();
    const a = waiters.wait(new AbortController().signal, 10_000, false);
    const b = waiters.wait(new AbortController().signal, 10_000, false);
    expect(await settled(a.arrived)).toBe(false);
    waiters.ring();
    expect(await settled(a.arrived)).toBe(true);
    expect(await settled(b.arrived)).toBe(true);
  });

  it('wakes a wait on timeout, on abort, on cancel, and at once when closed', async () => {
    const waiters = createAppendSignalWaiters();
    expect(await settled(waiters.wait(new AbortController().signal, 1, false).arrived)).toBe(true);
    const abort = new AbortController();
    const aborted = waiters.wait(abort.signal, 10_000, false);
    abort.abort();
    expect(await settled(aborted.arrived)).toBe(true);
    const cancelled = waiters.wait(new AbortController().signal, 10_000, false);
    cancelled.cancel();
    expect(await settled(cancelled.arrived)).toBe(true);
    expect(await settled(waiters.wait(new AbortController().signal, 10_000, true).arrived)).toBe(
      true,
    );
  });
});
