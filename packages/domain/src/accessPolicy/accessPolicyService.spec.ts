import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { collect } from '@clientele/eventstore/testing';
import { noTeams } from '../authorization/authorize.js';
import { salesAuthorizers } from '../authorization/salesAuthorizers.js';
import { createLeadService } from '../lead/leadService.js';
import { accessPolicyAuthorizer } from './accessPolicyAuthorizer.js';
import { accessPolicyStream, createAccessPolicyService } from './accessPolicyService.js';

const admin: Actor = { id: 'admin-1', role: 'administrator' };
const officer: Actor = { id: 'sec-1', role: 'security_officer' };
const rep: Actor = { id: 'rep-ada', role: 'sales_rep' };
let sequence = 0;
const by = (actor: Actor): CommandContext => ({
  commandId: `0194c000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt: '2026-03-03T09:15:00Z',
});
const tenantId = 'acme';

const setup = () => {
  const store = createInMemoryEventStore();
  return {
    store,
    roles: createAccessPolicyService(store, { authorize: accessPolicyAuthorizer() }),
  };
};

describe('the access policy entry point', () => {
  it('refuses a rep who grants themselves a permission, naming the permission, and records nothing', async () => {
    const { store, roles } = setup();
    const grab = {
      kind: 'GrantPermission',
      tenantId,
      role: 'sales_rep',
      permission: '*',
      scope: 'any',
    };
    expect(await roles.handle(grab, by(rep))).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'Forbidden',
          denial: expect.objectContaining({ permission: 'AccessPolicy.GrantPermission' }),
        }),
      ),
    );
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('lets a role the tenant granted the admin permission change roles, until it is revoked', async () => {
    const { roles } = setup();
    const define = {
      kind: 'DefineRole',
      tenantId,
      role: 'security_officer',
      description: 'Owns access',
    };
    expect(E.isRight(await roles.handle(define, by(admin)))).toBe(true);
    const grant = {
      kind: 'GrantPermission',
      tenantId,
      role: 'security_officer',
      permission: 'AccessPolicy.*',
      scope: 'any',
    };
    expect(E.isRight(await roles.handle(grant, by(admin)))).toBe(true);
    const revokeExport = {
      kind: 'RevokePermission',
      tenantId,
      role: 'sales_manager',
      permission: 'Customer.export',
    };
    expect(E.isRight(await roles.handle(revokeExport, by(officer)))).toBe(true);
    const revokeOwn = {
      kind: 'RevokePermission',
      tenantId,
      role: 'security_officer',
      permission: 'AccessPolicy.*',
    };
    expect(E.isRight(await roles.handle(revokeOwn, by(admin)))).toBe(true);
    const again = { kind: 'DefineRole', tenantId, role: 'deal_desk', description: 'Deal desk' };
    expect(await roles.handle(again, by(officer))).toEqual(
      E.left(expect.objectContaining({ kind: 'Forbidden' })),
    );
  });

  it('applies a change to the next command of every entry point built from the tenant’s policy', async () => {
    const { store, roles } = setup();
    const capture = (leadId: string) => ({ kind: 'CaptureLead', leadId, source: 'web' });
    const leadsNow = async () =>
      createLeadService(store, {
        authorize: salesAuthorizers(await roles.rolePolicy(tenantId), noTeams).lead,
      });
    expect(
      E.isRight(
        await (await leadsNow()).handle(capture('l1'), by({ id: 'm-1', role: 'marketing' })),
      ),
    ).toBe(true);
    const revoke = {
      kind: 'RevokePermission',
      tenantId,
      role: 'marketing',
      permission: 'Lead.CaptureLead',
    };
    expect(E.isRight(await roles.handle(revoke, by(admin)))).toBe(true);
    expect(
      await (await leadsNow()).handle(capture('l2'), by({ id: 'm-1', role: 'marketing' })),
    ).toEqual(
      E.left(
        expect.objectContaining({
          denial: expect.objectContaining({ permission: 'Lead.CaptureLead' }),
        }),
      ),
    );
  });

  it('keeps who changed a role in the log', async () => {
    const { store, roles } = setup();
    const define = { kind: 'DefineRole', tenantId, role: 'deal_desk', description: 'Deal desk' };
    await roles.handle(define, by(admin));
    const [event] = await collect(store.readStream(accessPolicyStream(tenantId)));
    expect(event?.type).toBe('RoleDefined');
    expect(event?.metadata.actor).toEqual(admin);
  });
});
