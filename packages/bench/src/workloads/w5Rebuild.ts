import * as E from 'fp-ts/lib/Either.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_B2B_PIPELINE } from '@clientele/domain';
import type { EventStore, EventToAppend } from '@clientele/eventstore';
import type { ReadModelStore } from '@clientele/projections';
import { allReadModels, createProjectionRunner } from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';
import type { Database } from 'better-sqlite3';
import type { BenchEngine } from '../benchEngine.js';
import { timeOnce, withPeakRss } from '../measure.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 9);

const metadata = (minute: number) => {
  const commandId = uuidv7();
  return {
    occurredAt: new Date(START + minute * 60_000).toISOString(),
    actor: { id: `rep-${minute % 40}`, role: 'sales_rep' },
    correlationId: commandId,
    causationId: null,
    commandId,
    schemaVersion: 1,
  };
};

const event = (type: string, data: object, minute: number): EventToAppend => ({
  type,
  data,
  eventId: uuidv7(),
  metadata: metadata(minute),
});

/**
 * One sale of the synthetic CRM log, 13 valid domain events in four streams: a lead captured,
 * contacted, qualified and converted; its opportunity opened, moved, won or lost; the invoice and
 * its payment; a support ticket opened, assigned and resolved.
 */
const sale = (n: number): [string, EventToAppend[]][] => {
  const minute = n * 7;
  const day = new Date(START + n * 0.05 * DAY).toISOString().slice(0, 10);
  const [leadId, opportunityId, invoiceId, ticketId, customerId] = [
    'lead',
    'opp',
    'inv',
    'tkt',
    'cust',
  ].map((prefix) => `${prefix}-${n}`) as [string, string, string, string, string];
  const ownerId = `rep-${n % 40}`;
  const amount = { amountMinor: 10_000 + (n % 997) * 100, currency: n % 5 === 0 ? 'USD' : 'EUR' };
  const won = n % 3 !== 0;
  const sale = { customerId, opportunityId, salesRepId: ownerId };
  const subjectId = `subject-${n}`;
  return [
    [
      `Lead-${leadId}`,
      [
        event(
          'LeadCaptured',
          {
            leadId,
            subjectId,
            source: ['web', 'fair', 'referral'][n % 3],
            contact: {},
            matches: { customerIds: [], leadIds: [] },
            region: 'EU',
          },
          minute,
        ),
        event(
          'LeadContactAttempted',
          {
            leadId,
            subjectId,
            attemptId: `${leadId}-a`,
            channel: 'call',
            at: new Date(START + (minute + 1) * 60_000).toISOString(),
          },
          minute + 1,
        ),
        event('LeadQualified', { leadId, subjectId, score: 60 }, minute + 2),
        event(
          'LeadConverted',
          {
            leadId,
            subjectId,
            ownerId,
            source: 'web',
            contact: {},
            opportunity: { name: leadId },
            customerId,
          },
          minute + 3,
        ),
      ],
    ],
    [
      `Opportunity-${opportunityId}`,
      [
        event(
          'OpportunityOpened',
          {
            opportunityId,
            name: opportunityId,
            ownerId,
            amount,
            expectedCloseOn: day,
            pipeline: DEFAULT_B2B_PIPELINE,
            stageId: 'prospecting',
            probabilityBps: 1_000,
            forecastCategory: 'pipeline',
            leadId,
            customerId,
          },
          minute + 3,
        ),
        event(
          'OpportunityStageChanged',
          {
            opportunityId,
            fromStageId: 'prospecting',
            toStageId: 'proposal',
            probabilityBps: 6_000,
            forecastCategory: 'bestCase',
          },
          minute + 4,
        ),
        won
          ? event(
              'OpportunityWon',
              { opportunityId, stageId: 'closedWon', amount, wonOn: day, ownerId },
              minute + 5,
            )
          : event(
              'OpportunityLost',
              { opportunityId, stageId: 'closedLost', lostOn: day, ownerId },
              minute + 5,
            ),
      ],
    ],
    [
      `Invoice-${invoiceId}`,
      [
        event(
          'InvoiceIssued',
          {
            invoiceId,
            issuedOn: day,
            dueOn: day,
            subtotal: amount,
            tax: { ...amount, amountMinor: 0 },
            total: amount,
            labels: [],
            ...sale,
          },
          minute + 5,
        ),
        event(
          'InvoicePaymentRecorded',
          { invoiceId, paymentId: `${invoiceId}-p`, amount, receivedOn: day, ...sale },
          minute + 6,
        ),
      ],
    ],
    [
      `Ticket-${ticketId}`,
      [
        event(
          'TicketOpened',
          {
            ticketId,
            customerId,
            subjectId,
            channel: 'email',
            category: 'billing',
            priority: 'normal',
          },
          minute + 5,
        ),
        event(
          'TicketAssigned',
          { ticketId, assigneeId: 'agent-1', previousAssigneeId: null },
          minute + 6,
        ),
        event('TicketResolved', { ticketId, resolution: 'solved' }, minute + 7),
      ],
    ],
  ];
};

/** Appends about `count` events as whole sales (outside timing); returns how many were written. */
const populateSales = async (store: EventStore, count: number): Promise<number> => {
  let written = 0;
  for (let n = 0; written < count; n += 1) {
    for (const [stream, events] of sale(n)) {
      const result = await store.appendToStream(stream, events);
      if (E.isLeft(result)) throw new Error(result.left.message);
      written += events.length;
    }
  }
  return written;
};

/** The read models next to the log: in the event store's own SQLite file when it has one. */
const openReadModels = (store: EventStore): { readModels: ReadModelStore; remove: () => void } => {
  if ('database' in store) {
    return {
      readModels: createSqliteReadModelStore({ database: store.database as Database }),
      remove: () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'clientele-bench-read-models-'));
  return {
    readModels: createSqliteReadModelStore({ file: join(dir, 'read-models.db') }),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * W5: rebuilding every read model from a log of domain events, through the projection runner,
 * into SQLite read models in batches (documents and checkpoint committed together). The raw
 * baseline is iterating and parsing the same number of rows, the least any rebuild must do.
 */
export const runW5 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  const [rawSeconds = Number.NaN] = await engine.rawReadAll(sizes.logEvents);
  const raw = sizes.logEvents / rawSeconds;
  const { store, close } = await engine.open();
  const { readModels, remove } = openReadModels(store);
  try {
    const count = await populateSales(store, sizes.logEvents);
    const runner = createProjectionRunner({
      events: store,
      readModels,
      projections: allReadModels,
    });
    const { peakRssMb, value } = await withPeakRss(() => timeOnce(() => runner.rebuild()));
    if (value.value !== count)
      throw new Error(`rebuilt from ${value.value} events, expected ${count}`);
    const ops = count / value.seconds;
    return {
      workload: 'W5',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: null,
      p99Ms: null,
      peakRssMb,
      note: `${count} events, ${allReadModels.length} read models`,
    };
  } finally {
    await readModels.close();
    await close();
    remove();
  }
};
