import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '@clientele/eventstore';
import { isConnectionLoss, unlessUnavailable } from './connectionLoss.js';

const withCode = (message: string, code: string): Error =>
  Object.assign(new Error(message), { code });

describe('telling a lost connection from a bad request', () => {
  it('counts refused and reset sockets, shutdowns and start-ups, and ended connections as unavailable', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:5448', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      new AggregateError([withCode('connect ECONNREFUSED ::1:5448', 'ECONNREFUSED')]),
    ]) {
      expect(isConnectionLoss(error), error.message).toBe(true);
    }
  });

  it('leaves errors of the request itself alone: a unique violation, a syntax error, a plain bug', () => {
    for (const error of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error at or near "selec"', '42601'),
      new TypeError('x is undefined'),
      'a string',
    ]) {
      expect(isConnectionLoss(error)).toBe(false);
    }
  });

  it('rethrows a lost connection as the retryable StoreUnavailableError, with the cause kept', async () => {
    const lost = withCode('read ECONNRESET', 'ECONNRESET');
    const failure: unknown = await unlessUnavailable(() => Promise.reject(lost)).catch(
      (e: unknown) => e,
    );
    expect(isStoreUnavailable(failure)).toBe(true);
    expect((failure as Error).cause).toBe(lost);
    const bug = new TypeError('x is undefined');
    await expect(unlessUnavailable(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
