import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext } from '@clientele/eventstore';
import { createInMemoryEventStore, forTenant } from '@clientele/eventstore';
import { collect } from '@clientele/eventstore/testing';
import { createCustomerService } from '../customer/customerService.js';
import { createSalesOrganizationService } from '../salesOrganization/salesOrganizationService.js';
import { defaultRolePolicy } from './roles.js';
import { salesAuthorizers } from './salesAuthorizers.js';
import { noTeams } from './authorize.js';

// Attacks tried as a user of an app would try them: each is refused, nothing is written, and the
// refusal says why.

const sales = salesAuthorizers(defaultRolePolicy, noTeams);
const context = (actor: Actor, commandId: string, tenantId?: string): CommandContext => ({
  commandId,
  actor,
  occurredAt: '2026-03-03T09:15:00Z',
  ...(tenantId === undefined ? {} : { tenantId }),
});
const admin: Actor = { id: 'admin-1', role: 'administrator' };
const rep: Actor = { id: 'rep-ada', role: 'sales_rep' };

describe('attacks on authorization', () => {
  it('a rep cannot make themselves a team manager or join a team, whatever the team', async () => {
    const store = createInMemoryEventStore();
    const organization = createSalesOrganizationService(store, { authorize: sales.organization });
    const setUp = [
      {
        kind: 'OpenRegionalOffice',
        organizationId: 'org',
        officeId: 'e',
        name: 'East',
        region: 'EU',
      },
      { kind: 'FormSalesTeam', organizationId: 'org', teamId: 'east', name: 'East', officeId: 'e' },
    ];
    for (const [n, command] of setUp.entries())
      expect(
        E.isRight(
          await organization.handle(
            command,
            context(admin, `0194d000-0000-7000-8000-00000000000${String(n)}`),
          ),
        ),
      ).toBe(true);
    const before = (await collect(store.readAll())).length;
    const attempts = [
      {
        kind: 'AppointTeamManager',
        organizationId: 'org',
        teamId: 'east',
        managerId: 'rep-ada',
        effectiveFrom: '2026-03-01',
      },
      {
        kind: 'AddRepToTeam',
        organizationId: 'org',
        repId: 'rep-bob',
        teamId: 'east',
        effectiveFrom: '2026-03-01',
      },
      { kind: 'FormSalesTeam', organizationId: 'org', teamId: 'ada', name: 'Ada', officeId: 'e' },
    ];
    for (const [n, attempt] of attempts.entries()) {
      const refused = await organization.handle(
        attempt,
        context(rep, `0194d000-0000-7000-8000-00000000001${String(n)}`),
      );
      expect(refused).toEqual(
        E.left(
          expect.objectContaining({
            kind: 'Forbidden',
            denial: expect.objectContaining({
              permission: `SalesOrganization.${attempt.kind}`,
              reason: `the sales_rep role does not grant SalesOrganization.${attempt.kind}`,
            }),
          }),
        ),
      );
    }
    expect((await collect(store.readAll())).length).toBe(before);
  });

  it('a command id replayed by another tenant neither answers with the first tenant’s result nor touches its records', async () => {
    const shared = createInMemoryEventStore();
    const serviceOf = (tenantId: string) =>
      createCustomerService(forTenant(shared, tenantId), {
        tenantId,
        tenantKey: `${tenantId}-key`,
        authorize: sales.customer,
      });
    const commandId = '0194d000-0000-7000-8000-000000000100';
    const register = {
      kind: 'RegisterCustomer',
      customerId: 'c-1',
      customerKind: 'company',
      name: 'Acme Tools',
    };
    expect(
      E.isRight(await serviceOf('acme').handle(register, context(admin, commandId, 'acme'))),
    ).toBe(true);
    const before = await collect(shared.readAll());
    const replay = serviceOf('globex').handle(
      { ...register, name: 'Hijacked' },
      context(admin, commandId, 'globex'),
    );
    await expect(replay).rejects.toThrow(
      'tenant globex may not append to Customer-c-1: the stream belongs to another tenant',
    );
    expect(await collect(shared.readAll())).toEqual(before);
  });
});
