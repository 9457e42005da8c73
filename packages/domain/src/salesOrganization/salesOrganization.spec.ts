import { foldEvents } from '@clientele/eventstore';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import type { DateOnly } from '../shared/dates.js';
import type { SalesOrganizationEvent } from './events.js';
import { salesOrganizationDecider } from './decide.js';
import { placementOn, repsManagedOn, teamMembersOn } from './state.js';

const spec = deciderSpec(salesOrganizationDecider);
const organizationId = 'org';
const day = (d: string) => d as DateOnly;
const office: SalesOrganizationEvent = {
  type: 'RegionalOfficeOpened',
  data: { organizationId, officeId: 'berlin', name: 'Berlin', region: 'EMEA' },
};
const office2: SalesOrganizationEvent = {
  type: 'RegionalOfficeOpened',
  data: { organizationId, officeId: 'austin', name: 'Austin', region: 'NA' },
};
const team = (teamId: string, officeId: string): SalesOrganizationEvent => ({
  type: 'SalesTeamFormed',
  data: { organizationId, teamId, name: teamId, officeId },
});
const joined = (
  teamId: string,
  from: string,
  previousTeamId: string | null,
): SalesOrganizationEvent => ({
  type: 'RepJoinedTeam',
  data: { organizationId, repId: 'ann', teamId, effectiveFrom: day(from), previousTeamId },
});
const manager = (teamId: string, managerId: string, from: string): SalesOrganizationEvent => ({
  type: 'TeamManagerAppointed',
  data: { organizationId, teamId, managerId, effectiveFrom: day(from), previousManagerId: null },
});
const history = [
  office,
  office2,
  team('hunters', 'berlin'),
  team('farmers', 'austin'),
  manager('hunters', 'max', '2026-01-01'),
  manager('farmers', 'fay', '2026-01-01'),
  joined('hunters', '2026-01-01', null),
  joined('farmers', '2026-04-01', 'hunters'),
];

describe('sales organization', () => {
  it('refuses a team in an office that does not exist', () => {
    spec
      .given([])
      .when({ kind: 'FormSalesTeam', organizationId, teamId: 't', name: 'T', officeId: 'nowhere' })
      .thenFails({ kind: 'OfficeNotFound', officeId: 'nowhere' });
  });

  it('moves a rep between teams, recording the team they left', () => {
    spec
      .given(history.slice(0, 7))
      .when({
        kind: 'AddRepToTeam',
        organizationId,
        repId: 'ann',
        teamId: 'farmers',
        effectiveFrom: day('2026-04-01'),
      })
      .then([joined('farmers', '2026-04-01', 'hunters')]);
  });

  it('credits a rep to the team, office and manager they belonged to on the day', () => {
    const state = foldEvents(salesOrganizationDecider, history);
    expect(placementOn(state, 'ann', day('2026-03-31'))).toEqual({
      teamId: 'hunters',
      officeId: 'berlin',
      region: 'EMEA',
      managerId: 'max',
    });
    expect(placementOn(state, 'ann', day('2026-04-01'))).toMatchObject({
      teamId: 'farmers',
      managerId: 'fay',
    });
    expect(placementOn(state, 'ann', day('2025-12-31'))).toBeUndefined();
    expect(teamMembersOn(state, 'hunters', day('2026-02-01'))).toEqual(['ann']);
    expect(teamMembersOn(state, 'hunters', day('2026-05-01'))).toEqual([]);
  });

  it('follows manager changes by their effective date', () => {
    const state = foldEvents(salesOrganizationDecider, [
      ...history,
      manager('farmers', 'gus', '2026-07-01'),
    ]);
    expect(placementOn(state, 'ann', day('2026-06-30'))?.managerId).toBe('fay');
    expect(placementOn(state, 'ann', day('2026-07-01'))?.managerId).toBe('gus');
  });

  it('refuses to backdate a move before the current membership began', () => {
    spec
      .given(history)
      .when({
        kind: 'RemoveRepFromTeam',
        organizationId,
        repId: 'ann',
        effectiveFrom: day('2026-03-01'),
      })
      .thenFails({
        kind: 'EffectiveDateTooEarly',
        effectiveFrom: '2026-03-01',
        notBefore: '2026-04-01',
      });
  });

  it('ends a membership when the rep leaves, and refuses to remove a rep in no team', () => {
    const left: SalesOrganizationEvent = {
      type: 'RepLeftTeam',
      data: { organizationId, repId: 'ann', teamId: 'farmers', effectiveFrom: day('2026-09-01') },
    };
    spec
      .given(history)
      .when({
        kind: 'RemoveRepFromTeam',
        organizationId,
        repId: 'ann',
        effectiveFrom: day('2026-09-01'),
      })
      .then([left]);
    spec
      .given([...history, left])
      .when({
        kind: 'RemoveRepFromTeam',
        organizationId,
        repId: 'ann',
        effectiveFrom: day('2026-10-01'),
      })
      .thenFails({ kind: 'RepNotInTeam', repId: 'ann' });
    expect(
      placementOn(
        foldEvents(salesOrganizationDecider, [...history, left]),
        'ann',
        day('2026-09-01'),
      ),
    ).toBeUndefined();
  });

  it('gives a manager the reps of the teams they manage on the day, and no others', () => {
    const state = foldEvents(salesOrganizationDecider, history);
    expect(repsManagedOn(state, 'max', day('2026-03-01'))).toEqual(['ann']);
    expect(repsManagedOn(state, 'fay', day('2026-03-01'))).toEqual([]);
    expect(repsManagedOn(state, 'fay', day('2026-04-02'))).toEqual(['ann']);
    expect(repsManagedOn(state, 'max', day('2026-04-02'))).toEqual([]);
  });
});
