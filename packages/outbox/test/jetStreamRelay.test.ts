import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JetStreamManager, NatsConnection } from 'nats';
import { connect, nanos } from 'nats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CheckpointStore, EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { createDeadLetterLog, createOutboxRelay } from '@clientele/outbox';
import type { DeliveryTarget, IntegrationMessage } from '@clientele/outbox';
import { createJetStreamTarget } from '@clientele/outbox/nats';
import { describeWhenAvailable } from '../../../test/support/requireService.js';

/** Our own server, never the shared one on 4222: this test kills and restarts it. */
const PORT = 4333;
const SERVER = '/usr/sbin/nats-server';
const STREAM = 'CLIENTELE_OUTBOX_TEST';
const directory = mkdtempSync(join(tmpdir(), 'clientele-nats-'));
let server: ChildProcess | undefined;
let nc: NatsConnection;
let jsm: JetStreamManager;

const startServer = async (): Promise<void> => {
  server = spawn(SERVER, ['-a', '127.0.0.1', '-p', String(PORT), '-js', '-sd', directory], {
    stdio: 'ignore',
  });
  // Ready once it accepts a connection.
  for (let tries = 0; tries < 50; tries += 1) {
    try {
      const probe = await connect({ servers: `127.0.0.1:${String(PORT)}`, timeout: 200 });
      await probe.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('nats-server did not start');
};

const killServer = async (): Promise<void> => {
  const running = server;
  if (running === undefined) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
  server = undefined;
};

let n = 0;
const won = async (store: EventStore, opportunityId: string) => {
  const id = `0193a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  await store.appendToStream(`Opportunity-${opportunityId}`, [
    {
      type: 'OpportunityWon',
      data: {
        opportunityId,
        stageId: 'won',
        amount: { amountMinor: n * 100, currency: 'EUR' },
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

/** Every message the stream holds, in stream order. */
const streamContents = async (): Promise<IntegrationMessage[]> => {
  const info = await jsm.streams.info(STREAM);
  const messages: IntegrationMessage[] = [];
  for (
    let seq = info.state.first_seq;
    seq <= info.state.last_seq && info.state.messages > 0;
    seq += 1
  ) {
    const stored = await jsm.streams.getMessage(STREAM, { seq });
    messages.push(stored.json<IntegrationMessage>());
  }
  return messages;
};

const relayTo = (
  store: EventStore,
  target: DeliveryTarget,
  checkpoints: CheckpointStore = createInMemoryCheckpointStore(),
  onAttemptFailed?: () => void,
) =>
  createOutboxRelay({
    store,
    checkpoints,
    target,
    deadLetters: createDeadLetterLog({
      store: createInMemoryEventStore(),
      targetName: target.name,
    }),
    retry: { attempts: 40, initialDelayMs: 50, maxDelayMs: 400 },
    ...(onAttemptFailed === undefined ? {} : { onAttemptFailed }),
  });

describeWhenAvailable(
  'outbox relay to NATS JetStream (own server, killed and restarted)',
  existsSync(SERVER) ? undefined : `${SERVER} is not installed`,
  () => {
    beforeAll(async () => {
      await startServer();
      nc = await connect({
        servers: `127.0.0.1:${String(PORT)}`,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 100,
      });
      jsm = await nc.jetstreamManager();
      await jsm.streams.add({
        name: STREAM,
        subjects: ['clientele.>'],
        duplicate_window: nanos(120_000),
      });
    }, 20_000);
    afterAll(async () => {
      await nc.close().catch(() => undefined);
      await killServer();
      rmSync(directory, { recursive: true, force: true });
    });

    it('delivers every event through a server crash mid-stream: nothing lost, in order per stream, one copy per message id', async () => {
      const store = createInMemoryEventStore();
      for (let i = 0; i < 24; i += 1) await won(store, `o-${String(i % 4)}`);
      const jetStream = createJetStreamTarget({
        name: 'nats',
        jetStream: nc.jetstream(),
        subjectPrefix: 'clientele',
        timeoutMs: 500,
      });
      let delivered = 0;
      const crashing: DeliveryTarget = {
        name: 'nats',
        deliver: async (message) => {
          await jetStream.deliver(message);
          delivered += 1;
          // The server dies after the tenth acknowledgement and is back 300 ms later.
          if (delivered === 10) {
            await killServer();
            setTimeout(() => void startServer(), 300);
          }
        },
      };
      let failedTries = 0;
      const relay = relayTo(store, crashing, createInMemoryCheckpointStore(), () => {
        failedTries += 1;
      });
      expect(await relay.catchUp()).toBe(24);
      // The outage was seen and ridden out by retrying, not by luck.
      expect(failedTries).toBeGreaterThan(0);
      expect(relay.deadLetters()).toEqual([]);
      const messages = await streamContents();
      expect(new Set(messages.map((m) => m.messageId)).size).toBe(24);
      expect(messages).toHaveLength(24);
      for (const stream of ['o-0', 'o-1', 'o-2', 'o-3']) {
        const sequences = messages
          .filter((m) => m.streamName === `Opportunity-${stream}`)
          .map((m) => Number(m.sequence));
        expect(sequences).toEqual([0, 1, 2, 3, 4, 5]);
      }
    }, 25_000);

    it('resends after a relay crash between delivery and checkpoint, and the broker keeps one copy of that message id', async () => {
      await jsm.streams.purge(STREAM);
      const store = createInMemoryEventStore();
      await won(store, 'crash-1');
      await won(store, 'crash-2');
      const target = createJetStreamTarget({
        name: 'nats',
        jetStream: nc.jetstream(),
        subjectPrefix: 'clientele',
      });
      const saved = createInMemoryCheckpointStore();
      let failSave = true;
      const flaky: CheckpointStore = {
        load: (name) => saved.load(name),
        save: async (name, position, guard) => {
          if (failSave) {
            failSave = false;
            throw new Error('the process died before the checkpoint was written');
          }
          await saved.save(name, position, guard);
        },
      };
      await expect(relayTo(store, target, flaky).catchUp()).rejects.toThrow(/process died/);
      expect(await relayTo(store, target, flaky).catchUp()).toBe(2);
      const messages = await streamContents();
      expect(messages.map((m) => m.streamName)).toEqual([
        'Opportunity-crash-1',
        'Opportunity-crash-2',
      ]);
    }, 15_000);

    it('dead-letters what the broker refuses and replays it once a stream takes the subject', async () => {
      const store = createInMemoryEventStore();
      await won(store, 'unrouted-1');
      const deadLetterStore = createInMemoryEventStore();
      const unrouted = createJetStreamTarget({
        name: 'nats-unrouted',
        jetStream: nc.jetstream(),
        subjectPrefix: 'unrouted',
        timeoutMs: 300,
      });
      const relay = createOutboxRelay({
        store,
        checkpoints: createInMemoryCheckpointStore(),
        target: unrouted,
        deadLetters: createDeadLetterLog({ store: deadLetterStore, targetName: 'nats-unrouted' }),
        retry: { attempts: 2, initialDelayMs: 10 },
      });
      await relay.catchUp();
      expect(relay.deadLetters().map((l) => [l.message.type, l.attempts])).toEqual([
        ['DealWon', 2],
      ]);
      await jsm.streams.add({ name: `${STREAM}_UNROUTED`, subjects: ['unrouted.>'] });
      expect(await relay.replay()).toEqual({ replayed: 1, remaining: 0 });
      const info = await jsm.streams.info(`${STREAM}_UNROUTED`);
      expect(info.state.messages).toBe(1);
    }, 15_000);
  },
  { requiredInCi: true },
);
