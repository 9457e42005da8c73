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
    const bell = createAppendSignalWaiters();
    const a = bell.wait(new AbortController().signal, 10_000, false);
    const b = bell.wait(new AbortController().signal, 10_000, false);
    expect(await settled(a.arrived)).toBe(false);
    bell.ring();
    expect(await settled(a.arrived)).toBe(true);
    expect(await settled(b.arrived)).toBe(true);
  });

  it('wakes a wait on timeout, on abort, on cancel, and at once when closed', async () => {
    const bell = createAppendSignalWaiters();
    expect(await settled(bell.wait(new AbortController().signal, 1, false).arrived)).toBe(true);
    const abort = new AbortController();
    const aborted = bell.wait(abort.signal, 10_000, false);
    abort.abort();
    expect(await settled(aborted.arrived)).toBe(true);
    const cancelled = bell.wait(new AbortController().signal, 10_000, false);
    cancelled.cancel();
    expect(await settled(cancelled.arrived)).toBe(true);
    expect(await settled(bell.wait(new AbortController().signal, 10_000, true).arrived)).toBe(true);
  });
});
