import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { collect } from '@clientele/eventstore/testing';
import type { TeamDirectory } from '../authorization/authorize.js';
import { engagementAuthorizers } from '../authorization/engagementAuthorizers.js';
import { offboardingAuthorizer } from '../authorization/offboardingAuthorizer.js';
import { defaultRolePolicy } from '../authorization/roles.js';
import { salesAuthorizers } from '../authorization/salesAuthorizers.js';
import { createCalendarService } from '../calendar/calendarService.js';
import { createCustomerService } from '../customer/customerService.js';
import { createLeadService } from '../lead/leadService.js';
import { createOffboardingService } from '../offboarding/offboardingService.js';
import { createOpportunityService } from '../opportunity/opportunityService.js';
import { createTaskService } from '../task/taskService.js';
import { testContext } from '../testing/commandContexts.js';
import { createOffboardingReactor } from './offboardingReactor.js';

const teams: TeamDirectory = { teamMembersOf: () => new Set() };
const admin = { id: 'admin-1', role: 'administrator' };
const at = '2026-03-02T09:00:00.000Z';

const setup = (store: EventStore = createInMemoryEventStore()) => {
  const sales = salesAuthorizers(defaultRolePolicy, teams);
  const engagement = engagementAuthorizers(defaultRolePolicy, teams);
  const services = {
    customers: createCustomerService(store, {
      authorize: sales.customer,
      tenantId: 't',
      tenantKey: 'k',
    }),
    leads: createLeadService(store, { authorize: sales.lead }),
    opportunities: createOpportunityService(store, { authorize: sales.opportunity }),
    tasks: createTaskService(store, { authorize: engagement.task }),
    calendar: createCalendarService(store, { authorize: engagement.appointment }),
  };
  const offboardings = createOffboardingService(store, {
    authorize: offboardingAuthorizer(defaultRolePolicy, teams),
  });
  const reactor = () =>
    createOffboardingReactor({
      store,
      checkpoints: createInMemoryCheckpointStore(),
      offboardings,
      services,
    });
  return { store, services, offboardings, reactor };
};

const must = async (result: Promise<E.Either<unknown, unknown>>) => {
  const settled = await result;
  if (E.isLeft(settled)) throw new Error(JSON.stringify(settled.left));
};

/**
 * Ada owns three customers, one open and one won deal, a lead, an open and a done task, and
 * organizes an appointment next week and one last week.
 */
const adaBook = async ({ services }: ReturnType<typeof setup>) => {
  const by = testContext(at, admin);
  for (const customerId of ['c-1', 'c-2', 'c-3'])
    await must(
      services.customers.handle(
        {
          kind: 'RegisterCustomer',
          customerId,
          customerKind: 'company',
          name: customerId,
          ownerId: 'rep-ada',
        },
        testContext(at, admin),
      ),
    );
  await must(
    services.customers.handle(
      {
        kind: 'RegisterCustomer',
        customerId: 'c-bob',
        customerKind: 'company',
        name: 'Bob’s',
        ownerId: 'rep-bob',
      },
      by,
    ),
  );
  for (const opportunityId of ['o-open', 'o-won'])
    await must(
      services.opportunities.handle(
        {
          kind: 'OpenOpportunity',
          opportunityId,
          name: opportunityId,
          ownerId: 'rep-ada',
          amount: { amountMinor: 100_000, currency: 'EUR' },
          expectedCloseOn: '2026-05-01',
        },
        testContext(at, admin),
      ),
    );
  await must(
    services.opportunities.handle(
      { kind: 'MarkOpportunityWon', opportunityId: 'o-won', wonOn: '2026-03-01' },
      testContext(at, admin),
    ),
  );
  await must(
    services.leads.handle(
      { kind: 'CaptureLead', leadId: 'l-1', source: 'web' },
      testContext(at, admin),
    ),
  );
  await must(
    services.leads.handle(
      { kind: 'AssignLead', leadId: 'l-1', ownerId: 'rep-ada' },
      testContext(at, admin),
    ),
  );
  for (const taskId of ['t-open', 't-done'])
    await must(
      services.tasks.handle(
        {
          kind: 'CreateTask',
          taskId,
          title: 'Call back',
          assigneeId: 'rep-ada',
          dueAt: '2026-03-05T09:00:00Z',
          priority: 'normal',
          reminders: [],
        },
        testContext(at, admin),
      ),
    );
  for (const [appointmentId, day] of [
    ['a-next', '2026-03-09'],
    ['a-last', '2026-02-23'],
  ] as const)
    await must(
      services.calendar.handle(
        {
          kind: 'BookAppointment',
          appointmentId,
          title: 'Review',
          start: `${day}T09:00:00Z`,
          end: `${day}T10:00:00Z`,
          timeZone: 'Europe/Rome',
          organizerId: 'rep-ada',
          reps: ['rep-ada'],
        },
        testContext(at, admin),
      ),
    );
  await must(
    services.tasks.handle(
      { kind: 'CompleteTask', taskId: 't-done', completedAt: '2026-03-02T10:00:00Z' },
      testContext(at, admin),
    ),
  );
};

const offboardAda = (world: ReturnType<typeof setup>, policy: string, successors: string[]) =>
  must(
    world.offboardings.handle(
      {
        kind: 'OffboardRep',
        repId: 'rep-ada',
        organizationId: 'org',
        noticeGivenOn: '2026-03-02',
        leavesOn: '2026-03-31',
        policy,
        successors,
      },
      testContext('2026-03-02T12:00:00.000Z', admin),
    ),
  );

const owners = async ({ services }: ReturnType<typeof setup>) => {
  const ownerOf = (state: { ownerId?: string | null; assigneeId?: string; organizerId?: string }) =>
    state.ownerId ?? state.assigneeId ?? state.organizerId ?? null;
  return {
    customers: await Promise.all(
      ['c-1', 'c-2', 'c-3', 'c-bob'].map(async (id) =>
        ownerOf((await services.customers.load(id)) as never),
      ),
    ),
    deals: await Promise.all(
      ['o-open', 'o-won'].map(async (id) =>
        ownerOf((await services.opportunities.load(id)) as never),
      ),
    ),
    lead: ownerOf((await services.leads.load('l-1')) as never),
    appointments: await Promise.all(
      ['a-next', 'a-last'].map(async (id) => ownerOf((await services.calendar.load(id)) as never)),
    ),
    tasks: await Promise.all(
      ['t-open', 't-done'].map(async (id) => ownerOf((await services.tasks.load(id)) as never)),
    ),
  };
};

describe('the offboarding reactor', () => {
  it('hands every open record and coming appointment of the leaver to their manager, and leaves closed or past ones and colleagues’ alone', async () => {
    const world = setup();
    await adaBook(world);
    await offboardAda(world, 'manager', ['mgr-east']);
    await world.reactor().catchUp();
    expect(await owners(world)).toEqual({
      customers: ['mgr-east', 'mgr-east', 'mgr-east', 'rep-bob'],
      deals: ['mgr-east', 'rep-ada'],
      lead: 'mgr-east',
      tasks: ['mgr-east', 'rep-ada'],
      appointments: ['mgr-east', 'rep-ada'],
    });
  });

  it('deals the records to the teammates in turn, by kind and then id', async () => {
    const world = setup();
    await adaBook(world);
    await offboardAda(world, 'roundRobin', ['rep-bob', 'rep-cy']);
    await world.reactor().catchUp();
    expect(await owners(world)).toEqual({
      customers: ['rep-bob', 'rep-cy', 'rep-bob', 'rep-bob'],
      lead: 'rep-cy',
      deals: ['rep-bob', 'rep-ada'],
      tasks: ['rep-cy', 'rep-ada'],
      appointments: ['rep-bob', 'rep-ada'],
    });
  });

  it('records each hand-over as an event, and the owner change it caused, as the system actor', async () => {
    const world = setup();
    await adaBook(world);
    await offboardAda(world, 'manager', ['mgr-east']);
    await world.reactor().catchUp();
    const handed = await collect(world.store.readStream('Offboarding-rep-ada'));
    expect(handed.filter((e) => e.type === 'RecordReassigned').map((e) => e.data)).toEqual([
      { repId: 'rep-ada', recordType: 'customer', recordId: 'c-1', toOwnerId: 'mgr-east' },
      { repId: 'rep-ada', recordType: 'customer', recordId: 'c-2', toOwnerId: 'mgr-east' },
      { repId: 'rep-ada', recordType: 'customer', recordId: 'c-3', toOwnerId: 'mgr-east' },
      { repId: 'rep-ada', recordType: 'lead', recordId: 'l-1', toOwnerId: 'mgr-east' },
      { repId: 'rep-ada', recordType: 'opportunity', recordId: 'o-open', toOwnerId: 'mgr-east' },
      { repId: 'rep-ada', recordType: 'task', recordId: 't-open', toOwnerId: 'mgr-east' },
      { repId: 'rep-ada', recordType: 'appointment', recordId: 'a-next', toOwnerId: 'mgr-east' },
    ]);
    const [departure] = handed;
    const [moved] = await collect(
      world.store.readAll({ filter: { eventTypes: ['OpportunityOwnerChanged'] } }),
    );
    expect(moved?.metadata).toEqual(
      expect.objectContaining({
        causationId: departure?.eventId,
        actor: expect.objectContaining({ id: 'reactor:offboarding', role: 'system' }),
      }),
    );
  });

  it('hands nothing over twice when replayed from the start or run again', async () => {
    const world = setup();
    await adaBook(world);
    await offboardAda(world, 'roundRobin', ['rep-bob', 'rep-cy']);
    await world.reactor().catchUp();
    const before = await collect(world.store.readAll());
    const ownersBefore = await owners(world);
    await world.reactor().catchUp();
    await world.reactor().catchUp();
    expect(await collect(world.store.readAll())).toHaveLength(before.length);
    expect(await owners(world)).toEqual(ownersBefore);
  });
});
