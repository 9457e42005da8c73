import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { collect, deciderSpec } from '@clientele/eventstore/testing';
import type { TeamDirectory } from '../authorization/authorize.js';
import { customerExportAuthorizer } from '../authorization/customerExportAuthorizer.js';
import { defaultRolePolicy } from '../authorization/roles.js';
import type { ExportCustomers } from './commands.js';
import { createCustomerExportService } from './customerExportService.js';
import { customerExportDecider } from './decide.js';
import type { CustomersExported } from './events.js';

const spec = deciderSpec(customerExportDecider);
const digest = 'a'.repeat(64);
const exportOf = (
  customers: ExportCustomers['customers'],
  scope: ExportCustomers['scope'] = 'team',
): ExportCustomers => ({
  kind: 'ExportCustomers',
  exportId: 'x1',
  format: 'csv',
  scope,
  customers,
  contentSha256: digest,
});
const exported: CustomersExported = {
  type: 'CustomersExported',
  data: {
    exportId: 'x1',
    format: 'csv',
    scope: 'team',
    count: 2,
    customerIds: ['c1', 'c2'],
    contentSha256: digest,
  },
};

describe('customer export', () => {
  it('records who took which customers, how many, in which format and the file’s digest', () => {
    spec
      .given([])
      .when(
        exportOf([
          { customerId: 'c2', ownerId: 'rep-bob' },
          { customerId: 'c1', ownerId: 'rep-ada' },
        ]),
      )
      .then([exported]);
  });

  it('records an export once: the same export id cannot be used for a second file', () => {
    spec
      .given([exported])
      .when(exportOf([]))
      .thenFails({ kind: 'ExportAlreadyRecorded', exportId: 'x1' });
  });

  it('refuses a customer listed twice', () => {
    spec
      .given([])
      .when(
        exportOf([
          { customerId: 'c1', ownerId: 'rep-ada' },
          { customerId: 'c1', ownerId: 'rep-ada' },
        ]),
      )
      .thenFails({ kind: 'CustomerListedTwice', exportId: 'x1', customerId: 'c1' });
  });
});

describe('customer export through its entry point', () => {
  const teams: TeamDirectory = {
    teamMembersOf: (id) => (id === 'mgr-east' ? new Set(['rep-ada']) : new Set()),
  };
  let sequence = 0;
  const context = (actor: Actor): CommandContext => ({
    commandId: `0194a000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
    actor,
    occurredAt: '2026-03-03T09:15:00Z',
  });
  const setup = () => {
    const store = createInMemoryEventStore();
    const service = createCustomerExportService(store, {
      authorize: customerExportAuthorizer(defaultRolePolicy, teams),
    });
    return { store, service };
  };

  it('refuses a rep even their own customers, and appends nothing', async () => {
    const { store, service } = setup();
    const outcome = await service.handle(
      exportOf([{ customerId: 'c1', ownerId: 'rep-ada' }], 'own'),
      context({ id: 'rep-ada', role: 'sales_rep' }),
    );
    expect(outcome).toEqual(
      E.left({
        kind: 'Forbidden',
        denial: expect.objectContaining({ permission: 'Customer.export', actorId: 'rep-ada' }),
      }),
    );
    expect(await store.headPosition()).toBeUndefined();
  });

  it('lets a manager export the team’s customers but not another team’s or a wider scope', async () => {
    const { service } = setup();
    const manager = { id: 'mgr-east', role: 'sales_manager' };
    const team = await service.handle(
      exportOf([{ customerId: 'c1', ownerId: 'rep-ada' }]),
      context(manager),
    );
    expect(E.isRight(team)).toBe(true);
    const other = await service.handle(
      { ...exportOf([{ customerId: 'c9', ownerId: 'rep-west' }]), exportId: 'x2' },
      context(manager),
    );
    expect(other).toEqual(
      E.left(
        expect.objectContaining({
          denial: expect.objectContaining({ reason: expect.stringContaining('customer c9') }),
        }),
      ),
    );
    const unowned = await service.handle(
      { ...exportOf([{ customerId: 'c8', ownerId: null }]), exportId: 'x3' },
      context(manager),
    );
    expect(E.isLeft(unowned)).toBe(true);
    const wider = await service.handle(
      { ...exportOf([], 'any'), exportId: 'x4' },
      context(manager),
    );
    expect(wider).toEqual(
      E.left(
        expect.objectContaining({
          denial: expect.objectContaining({ permission: 'Customer.export' }),
        }),
      ),
    );
  });

  it('records the exporting actor in the event’s metadata', async () => {
    const { store, service } = setup();
    await service.handle(exportOf([], 'any'), context({ id: 'admin-1', role: 'administrator' }));
    const [event] = await collect(store.readStream('CustomerExport-x1'));
    expect(event?.metadata.actor).toEqual({ id: 'admin-1', role: 'administrator' });
    expect(event?.type).toBe('CustomersExported');
  });
});
