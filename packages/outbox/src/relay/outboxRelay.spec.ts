import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { createDeadLetterLog } from '../deadLetters/deadLetterLog.js';
import { SIGNATURE_HEADER, verifyWebhook } from '../delivery/webhookSignature.js';
import { createWebhookTarget } from '../delivery/webhookTarget.js';
import type { IntegrationMessage } from '../integrationEvents/integrationMessage.js';
import { createOutboxRelay } from './outboxRelay.js';

const SECRET = 'shared-with-the-erp';
let n = 0;
const eventId = () => `0193a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

/** Appends a won deal to `Opportunity-<id>`. */
const won = async (store: EventStore, opportunityId: string, amountMinor: number) => {
  const id = eventId();
  await store.appendToStream(`Opportunity-${opportunityId}`, [
    {
      type: 'OpportunityWon',
      data: {
        opportunityId,
        stageId: 'won',
        amount: { amountMinor, currency: 'EUR' },
        wonOn: '2026-03-01',
        ownerId: 'rep-1',
      },
      eventId: id,
      metadata: {
        occurredAt: '2026-03-01T10:00:00.000Z',
        actor: { id: 'rep-1', role: 'sales_rep' },
        correlationId: id,
        causationId: null,
        commandId: id,
        schemaVersion: 1,
      },
    },
  ]);
};

/** A webhook consumer: answers with the next status of `script` (then 200), keeps what it took. */
const consumer = async (script: number[] = []) => {
  const taken: IntegrationMessage[] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const signature = request.headers[SIGNATURE_HEADER];
      if (!verifyWebhook(SECRET, body, typeof signature === 'string' ? signature : undefined)) {
        response.writeHead(401).end();
        return;
      }
      const status = script.shift() ?? 200;
      const message = JSON.parse(body) as IntegrationMessage;
      if (status === 200) taken.push(message);
      else refused.push(message.messageId);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${String(port)}/hooks`, taken, refused, script };
};
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const relayFor = (store: EventStore, url: string, secret = SECRET) => {
  const waits: number[] = [];
  const failures: string[] = [];
  const checkpoints = createInMemoryCheckpointStore();
  const deadLetterStore = createInMemoryEventStore();
  const make = () =>
    createOutboxRelay({
      store,
      checkpoints,
      target: createWebhookTarget({ name: 'erp', url, secret }),
      deadLetters: createDeadLetterLog({ store: deadLetterStore, targetName: 'erp' }),
      retry: { attempts: 3, initialDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
      onError: (failure) => failures.push(failure.message.messageId),
    });
  return { relay: make(), again: make, waits, failures };
};

describe('outbox relay to a webhook', () => {
  it('delivers each published event once, signed, in log order, with a message id derived from the event', async () => {
    const store = createInMemoryEventStore();
    await won(store, 'o-1', 100_00);
    await won(store, 'o-2', 200_00);
    const hook = await consumer();
    const { relay } = relayFor(store, hook.url);
    expect(await relay.catchUp()).toBe(2);
    expect(hook.taken.map((m) => [m.type, m.version, m.data['opportunityId']])).toEqual([
      ['DealWon', 1, 'o-1'],
      ['DealWon', 1, 'o-2'],
    ]);
    const [first] = hook.taken;
    const [stored] = await (async () => {
      const all = [];
      for await (const e of store.readAll()) all.push(e);
      return all;
    })();
    expect(first?.causationId).toBe(stored?.eventId);
    expect(first?.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('retries a refused delivery with exponential backoff and delivers it', async () => {
    const store = createInMemoryEventStore();
    await won(store, 'o-1', 100_00);
    const hook = await consumer([503, 500]);
    const { relay, waits, failures } = relayFor(store, hook.url);
    await relay.catchUp();
    expect(waits).toEqual([100, 200]);
    expect(hook.refused).toHaveLength(2);
    expect(hook.taken).toHaveLength(1);
    expect(hook.refused[0]).toBe(hook.taken[0]?.messageId);
    expect(failures).toEqual([]);
  });

  it('dead-letters after the last try, keeps later messages of that stream behind it, and goes on with other streams', async () => {
    const store = createInMemoryEventStore();
    await won(store, 'o-1', 100_00);
    await won(store, 'o-2', 200_00);
    const hook = await consumer([500, 500, 500]);
    const { relay, failures } = relayFor(store, hook.url);
    await relay.catchUp();
    expect(hook.taken.map((m) => m.data['opportunityId'])).toEqual(['o-2']);
    expect(relay.deadLetters().map((l) => [l.message.data['opportunityId'], l.attempts])).toEqual([
      ['o-1', 3],
    ]);
    expect(failures).toHaveLength(1);
    // The consumer answers again, but a later event of o-1 waits behind its dead letter.
    await won(store, 'o-1', 150_00);
    await relay.catchUp();
    expect(hook.taken.map((m) => m.data['opportunityId'])).toEqual(['o-2']);
    expect(relay.deadLetters().map((l) => [l.message.sequence, l.reason])).toEqual([
      ['0', 'erp answered 500 to ' + (relay.deadLetters()[0]?.message.messageId ?? '')],
      ['1', 'waiting behind an earlier dead letter of its stream'],
    ]);
    expect(await relay.replay()).toEqual({ replayed: 2, remaining: 0 });
    expect(hook.taken.map((m) => [m.data['opportunityId'], m.sequence])).toEqual([
      ['o-2', '0'],
      ['o-1', '0'],
      ['o-1', '1'],
    ]);
  });

  it('replays dead letters in order once the consumer is back, and a restarted relay remembers them', async () => {
    const store = createInMemoryEventStore();
    await won(store, 'o-1', 100_00);
    const hook = await consumer([401, 401, 401]);
    const { relay, again } = relayFor(store, hook.url);
    await relay.catchUp();
    expect(relay.deadLetters()).toHaveLength(1);
    const restarted = again();
    await restarted.catchUp();
    expect(restarted.deadLetters()).toHaveLength(1);
    expect(await restarted.replay()).toEqual({ replayed: 1, remaining: 0 });
    expect(hook.taken.map((m) => m.data['opportunityId'])).toEqual(['o-1']);
    expect(restarted.deadLetters()).toEqual([]);
  });

  it('is refused by a consumer that checks the signature when the secret differs', async () => {
    const store = createInMemoryEventStore();
    await won(store, 'o-1', 100_00);
    const hook = await consumer();
    const { relay, failures } = relayFor(store, hook.url, 'another-secret');
    await relay.catchUp();
    expect(hook.taken).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(relay.deadLetters()[0]?.reason).toBe(
      `erp answered 401 to ${relay.deadLetters()[0]?.message.messageId ?? ''}`,
    );
  });
});
