import * as E from 'fp-ts/lib/Either.js';
import { WrongExpectedVersionError, jsonEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import type { AppendResult, WrongExpectedRevision } from '@clientele/eventstore';
import { position } from '@clientele/eventstore';
import { createFakeEsdbClient } from '../../test/fakeEsdbClient.js';
import { appendOnce } from './commandLedger.js';

const COMMAND_ID = '0193a000-0000-7000-8000-0000000000c1';
const COMMAND_STREAM = `ClienteleCommand-${COMMAND_ID}`;
const TARGET = 'Invoice-1';
const TIMEOUT = 10_000;

/** A fake server with a controllable clock, and the ledger's callbacks against its target stream. */
const setUp = ({ claimTimeoutMilliseconds = TIMEOUT } = {}) => {
  // The server's clock (for `$maxAge`) can be moved on; the ledger's claims use the real one.
  let offset = 0;
  const now = () => Date.now() + offset;
  const fake = createFakeEsdbClient(now);
  const options = { client: fake.client, retentionSeconds: 600, claimTimeoutMilliseconds };
  let appends = 0;
  const eventId = (n: number) => `0193a000-0000-7000-8000-00000000000${String(n)}`;
  const append = async (n = 1): Promise<E.Either<WrongExpectedRevision, AppendResult>> => {
    appends += 1;
    const written = await fake.client.appendToStream(
      TARGET,
      jsonEvent({ id: eventId(n), type: 'InvoicePaid', data: { n } }),
    );
    return E.right({
      streamName: TARGET,
      firstRevision: written.nextExpectedRevision,
      nextExpectedRevision: written.nextExpectedRevision,
      position: position(written.position!.commit, written.position!.prepare),
      eventIds: [eventId(n)],
      duplicate: false,
    });
  };
  const findWritten = async (): Promise<AppendResult | undefined> => {
    const found = fake.eventsOf(TARGET).find((event) => event.id === eventId(1));
    return found === undefined
      ? undefined
      : {
          streamName: TARGET,
          firstRevision: found.revision,
          nextExpectedRevision: found.revision,
          position: position(found.position.commit, found.position.prepare),
          eventIds: [found.id],
          duplicate: false,
        };
  };
  const claim = { streamName: TARGET, eventIds: [eventId(1)] };
  const attempt = (run = () => append()) =>
    appendOnce(options, COMMAND_ID, claim, { append: run, findWritten });
  const records = () => fake.eventsOf(COMMAND_STREAM).map((event) => event.type);
  const claimLeftBy = async (claimedAt: number) =>
    fake.client.appendToStream(
      COMMAND_STREAM,
      jsonEvent({ type: 'CommandClaimed', data: { ...claim, claimedAt } }),
      { expectedRevision: 'no_stream' },
    );
  return {
    fake,
    attempt,
    append,
    records,
    claimLeftBy,
    appends: () => appends,
    advance: (ms: number) => (offset += ms),
  };
};

describe('command ledger against a fake EventStoreDB client', () => {
  it('claims the command id, appends once and records the outcome', async () => {
    const { attempt, records, appends, fake } = setUp();
    const result = await attempt();
    expect(E.isRight(result) && result.right.duplicate).toBe(false);
    expect(appends()).toBe(1);
    expect(records()).toEqual(['CommandClaimed', 'CommandCompleted']);
    expect(fake.eventsOf(TARGET).map((event) => event.revision)).toEqual([0n]);
  });

  it('returns the first result, marked duplicate, to a retry, and appends nothing more', async () => {
    const { attempt, appends } = setUp();
    const first = await attempt();
    const again = await attempt();
    expect(appends()).toBe(1);
    expect(again).toEqual(E.isRight(first) ? E.right({ ...first.right, duplicate: true }) : first);
  });

  it('lets exactly one of two concurrent attempts append: the other waits for its outcome', async () => {
    const { attempt, append, appends } = setUp();
    let release = () => {};
    const slow = () => new Promise<void>((resolve) => (release = resolve)).then(() => append());
    const first = attempt(slow);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = attempt();
    await new Promise((resolve) => setTimeout(resolve, 30));
    release();
    const [one, two] = await Promise.all([first, second]);
    expect(appends()).toBe(1);
    expect(E.isRight(one) && E.isRight(two) && two.right.position).toEqual(
      E.isRight(one) && one.right.position,
    );
    expect(E.isRight(two) && two.right.duplicate).toBe(true);
  });

  it('releases the claim after a rejected append, so the next attempt claims again after it', async () => {
    const { attempt, records } = setUp();
    const conflict = E.left({
      kind: 'WrongExpectedRevision' as const,
      streamName: TARGET,
      expected: 0n,
      actual: 'no_stream' as const,
    }) as unknown as E.Either<WrongExpectedRevision, AppendResult>;
    expect(E.isLeft(await attempt(async () => conflict))).toBe(true);
    expect(E.isRight(await attempt())).toBe(true);
    expect(records()).toEqual([
      'CommandClaimed',
      'CommandReleased',
      'CommandClaimed',
      'CommandCompleted',
    ]);
  });

  it('completes a stale claim from the events already in the target stream, without appending', async () => {
    const { attempt, append, claimLeftBy, records, appends } = setUp();
    await claimLeftBy(Date.now() - TIMEOUT - 1);
    await append(); // the dead writer's append reached the server; its outcome never did
    const result = await attempt();
    expect(appends()).toBe(1);
    expect(E.isRight(result) && result.right.duplicate).toBe(true);
    expect(records()).toEqual(['CommandClaimed', 'CommandCompleted']);
  });

  it('takes a stale claim over at its next revision when the claimed events were never written', async () => {
    const { attempt, claimLeftBy, records, appends } = setUp();
    await claimLeftBy(Date.now() - TIMEOUT - 1);
    expect(E.isRight(await attempt())).toBe(true);
    expect(appends()).toBe(1);
    expect(records()).toEqual(['CommandClaimed', 'CommandClaimed', 'CommandCompleted']);
  });

  it('shows the documented limit: a writer slower than the timeout appends too, then fails to record its outcome', async () => {
    const { attempt, append, appends } = setUp({ claimTimeoutMilliseconds: 5 });
    let release = () => {};
    const slow = () => new Promise<void>((resolve) => (release = resolve)).then(() => append(2));
    const stalled = attempt(slow);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(E.isRight(await attempt())).toBe(true);
    release();
    await expect(stalled).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(appends()).toBe(2);
  });

  it('claims again when the command stream was soft-deleted, its revisions going on', async () => {
    const { attempt, fake, records } = setUp();
    await attempt();
    await fake.client.deleteStream(COMMAND_STREAM);
    expect(records()).toEqual([]);
    expect(E.isRight(await attempt())).toBe(true);
    expect(fake.eventsOf(COMMAND_STREAM).map((event) => event.revision)).toEqual([2n, 3n]);
  });

  it('claims again when every record of the command stream outlived $maxAge', async () => {
    const { attempt, advance, records, appends } = setUp();
    await attempt();
    advance(601_000);
    expect(records()).toEqual([]);
    expect(E.isRight(await attempt())).toBe(true);
    expect(appends()).toBe(2);
    expect(records()).toEqual(['CommandClaimed', 'CommandCompleted']);
  }, 5_000);
});
