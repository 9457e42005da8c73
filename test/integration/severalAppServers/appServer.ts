/**
 * One app server of the several-app-servers tests, run as a child process: it sends commands to
 * the shared store for `runMs`, and meanwhile runs every projection and reactor under leases, as
 * anyone running several app servers would. It prints one JSON line when it has stopped writing,
 * and keeps running its runners until the test ends it (SIGTERM).
 *
 * Arguments: `postgres <connection> <schema>` or `sqlite <file>`, then the server id, the run
 * time and the lease ttl in milliseconds.
 */
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import {
  createCommissionAccrualReactor,
  createCommissionService,
  createCustomerService,
  createLeadConversionReactor,
  createLeadService,
  createOpportunityService,
  createSlaEscalationReactor,
  createTicketService,
  matchAgainstCustomers,
  officeHours,
  standardSlaPolicy,
} from '@clientele/domain';
import type { CommandContext } from '@clientele/eventstore';
import { allReadModels, createProjectionRunner, waitForPosition } from '@clientele/projections';
import { openAppServerStores } from './appServerStores.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const [engine, ...rest] = process.argv.slice(2);
const location = engine === 'postgres' ? rest.slice(0, 2) : rest.slice(0, 1);
const [serverId = 'server', runMsText = '5000', ttlText = '1000'] = rest.slice(location.length);
const ttlMs = Number(ttlText);
const lease = { holder: serverId, ttlMs };
const { store, checkpoints, leases, readModels } = await openAppServerStores(engine, location);

const context = (occurredAt = '2026-03-03T09:00:00.000Z'): CommandContext => ({
  commandId: uuidv7(),
  actor: { id: 'rep-1', role: 'sales_rep' },
  occurredAt,
});
const customers = createCustomerService(store, {
  authorize: permitEveryoneInTests(),
  tenantId: 'tenant-a',
  tenantKey: 'test-key',
});
const leads = createLeadService(store, {
  authorize: permitEveryoneInTests(),
  findMatches: matchAgainstCustomers(customers.reservations),
});
const opportunities = createOpportunityService(store, { authorize: permitEveryoneInTests() });
const commissions = createCommissionService(store, { authorize: permitEveryoneInTests() });
const tickets = createTicketService(store, { authorize: permitEveryoneInTests() });

const reactorLease = { ...lease, leases };
const conversion = createLeadConversionReactor({
  store,
  checkpoints,
  customers,
  opportunities,
  defaultCurrency: 'EUR',
  lease: reactorLease,
});
const accrual = createCommissionAccrualReactor({
  store,
  checkpoints,
  commissions,
  lease: reactorLease,
}).runner;
const escalator = createSlaEscalationReactor({
  store,
  tickets,
  clock: { now: () => new Date().toISOString() },
  policy: standardSlaPolicy,
  calendar: officeHours('Europe/Rome'),
  escalateTo: 'service-manager',
  lease: reactorLease,
});
const projections = createProjectionRunner({
  events: store,
  readModels,
  projections: allReadModels,
  batchSize: 100,
  lease,
});

const stop = new AbortController();
const fail = (error: unknown): never => {
  console.error(
    `${serverId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
};
process.on('SIGTERM', () => process.exit(0));
void projections.run(stop.signal).catch(fail);
void conversion.runner.run().catch(fail);
void accrual.run().catch(fail);
void (async () => {
  while (!stop.signal.aborted) {
    await escalator.runner.catchUp();
    await escalator.escalateDue();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
})().catch(fail);

/** Sends one command and returns the position it wrote; a refusal is a failure of the test. */
const send = async (
  handled: Promise<
    E.Either<unknown, { readonly appended: { readonly position: string } | undefined }>
  >,
): Promise<string | undefined> => {
  const result = await handled;
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right.appended?.position;
};

let iterations = 0;
let readYourWrites = 0;
let waitsTimedOut = 0;
const deadline = Date.now() + Number(runMsText);
while (Date.now() < deadline) {
  const n = `${serverId}-${iterations}`;
  const leadId = uuidv7();
  await send(
    leads.handle(
      {
        kind: 'CaptureLead',
        leadId,
        source: 'referral',
        contact: { name: `Lead ${n}`, email: `lead-${n}@example.com`, companyName: `Company ${n}` },
      },
      context(),
    ),
  );
  await send(leads.handle({ kind: 'AssignLead', leadId, ownerId: 'rep-1' }, context()));
  await send(leads.handle({ kind: 'QualifyLead', leadId, score: 70 }, context()));
  const converted = await send(
    leads.handle({ kind: 'ConvertLead', leadId, opportunity: { name: `Order ${n}` } }, context()),
  );
  // Read-your-writes across servers: the leads read model, maybe projected by another server.
  if (converted !== undefined) {
    const reached = await waitForPosition(readModels, converted, {
      projections: ['leads'],
      timeoutMs: 10_000,
    });
    if (reached) readYourWrites += 1;
    else waitsTimedOut += 1;
  }
  const opportunityId = uuidv7();
  await send(
    opportunities.handle(
      {
        kind: 'OpenOpportunity',
        opportunityId,
        name: `Deal ${n}`,
        ownerId: 'rep-1',
        amount: { amountMinor: 100_000, currency: 'EUR' },
        expectedCloseOn: '2026-06-30',
        source: 'outbound',
      },
      context(),
    ),
  );
  await send(
    opportunities.handle(
      { kind: 'MarkOpportunityWon', opportunityId, wonOn: '2026-03-04' },
      context('2026-03-04T09:00:00.000Z'),
    ),
  );
  // Opened long ago: the SLA escalator sees it breached at once.
  await send(
    tickets.handle(
      {
        kind: 'OpenTicket',
        ticketId: uuidv7(),
        customerId: `customer-${n}`,
        channel: 'phone',
        category: 'outage',
        priority: 'high',
      },
      context('2026-03-02T09:00:00.000Z'),
    ),
  );
  iterations += 1;
}
console.log(JSON.stringify({ serverId, iterations, readYourWrites, waitsTimedOut }));
