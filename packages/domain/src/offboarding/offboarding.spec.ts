import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@clientele/eventstore/testing';
import type { TeamDirectory } from '../authorization/authorize.js';
import { authorize, noTeams } from '../authorization/authorize.js';
import { readScope } from '../authorization/readScope.js';
import { defaultRolePolicy } from '../authorization/roles.js';
import { withDepartures } from '../authorization/staffDepartures.js';
import type { DateOnly } from '../shared/dates.js';
import type { SalesOrganizationEvent } from '../salesOrganization/events.js';
import {
  evolveSalesOrganization,
  initialSalesOrganizationState,
} from '../salesOrganization/state.js';
import type { OffboardingCommand } from './commands.js';
import { offboardingDecider } from './decide.js';
import type { OffboardingEvent } from './events.js';
import { successorsOf } from './successors.js';

const spec = deciderSpec(offboardingDecider);
const day = (text: string) => text as DateOnly;
const offboard = (changes: Partial<Record<string, unknown>> = {}) =>
  ({
    kind: 'OffboardRep',
    repId: 'rep-ada',
    organizationId: 'org',
    noticeGivenOn: day('2026-03-02'),
    leavesOn: day('2026-03-31'),
    policy: 'roundRobin',
    successors: ['rep-bob', 'rep-cy'],
    ...changes,
  }) as OffboardingCommand;
const offboarded: OffboardingEvent = {
  type: 'RepOffboarded',
  data: {
    repId: 'rep-ada',
    organizationId: 'org',
    noticeGivenOn: day('2026-03-02'),
    leavesOn: day('2026-03-31'),
    policy: 'roundRobin',
    successors: ['rep-bob', 'rep-cy'],
  },
};
const reassign = (recordId: string, toOwnerId: string) =>
  ({
    kind: 'ReassignRecord',
    repId: 'rep-ada',
    recordType: 'customer',
    recordId,
    toOwnerId,
  }) as OffboardingCommand;

describe('a rep’s departure', () => {
  it('records the notice, the effective date, the policy and the successors', () => {
    spec.given([]).when(offboard()).then([offboarded]);
  });

  it('refuses an effective date before the notice', () => {
    spec
      .given([])
      .when(offboard({ leavesOn: '2026-03-01' }))
      .thenFails({
        kind: 'LeavesBeforeNotice',
        noticeGivenOn: '2026-03-02',
        leavesOn: '2026-03-01',
      });
  });

  it('refuses a departure with nobody to take over, or the leaver as their own successor', () => {
    spec
      .given([])
      .when(offboard({ successors: [] }))
      .thenFails({ kind: 'NoSuccessor', repId: 'rep-ada', reason: 'the policy names nobody' });
    spec
      .given([])
      .when(offboard({ successors: ['rep-ada'] }))
      .thenFails({
        kind: 'NoSuccessor',
        repId: 'rep-ada',
        reason: 'a leaver cannot take over their own records',
      });
  });

  it('refuses a second departure of the same rep, naming the first one’s date', () => {
    spec
      .given([offboarded])
      .when(offboard())
      .thenFails({ kind: 'AlreadyOffboarded', repId: 'rep-ada', leavesOn: '2026-03-31' });
  });

  it('records each hand-over once, and only to a successor the departure named', () => {
    const handed: OffboardingEvent = {
      type: 'RecordReassigned',
      data: { repId: 'rep-ada', recordType: 'customer', recordId: 'c-1', toOwnerId: 'rep-bob' },
    };
    spec.given([offboarded]).when(reassign('c-1', 'rep-bob')).then([handed]);
    spec.given([offboarded, handed]).when(reassign('c-1', 'rep-bob')).then([]);
    spec
      .given([offboarded])
      .when(reassign('c-1', 'mgr-east'))
      .thenFails({ kind: 'NotASuccessor', repId: 'rep-ada', toOwnerId: 'mgr-east' });
    spec
      .given([])
      .when(reassign('c-1', 'rep-bob'))
      .thenFails({ kind: 'NotOffboarded', repId: 'rep-ada' });
  });
});

const organization = (
  [
    {
      type: 'RegionalOfficeOpened',
      data: { organizationId: 'org', officeId: 'e', name: 'E', region: 'E' },
    },
    {
      type: 'SalesTeamFormed',
      data: { organizationId: 'org', teamId: 't1', name: 'T1', officeId: 'e' },
    },
    {
      type: 'TeamManagerAppointed',
      data: {
        organizationId: 'org',
        teamId: 't1',
        managerId: 'mgr-east',
        effectiveFrom: day('2026-01-01'),
        previousManagerId: null,
      },
    },
    ...['rep-cy', 'rep-ada', 'rep-bob'].map((repId) => ({
      type: 'RepJoinedTeam',
      data: {
        organizationId: 'org',
        repId,
        teamId: 't1',
        effectiveFrom: day('2026-01-01'),
        previousTeamId: null,
      },
    })),
    {
      type: 'SalesTeamFormed',
      data: { organizationId: 'org', teamId: 't2', name: 'T2', officeId: 'e' },
    },
    {
      type: 'RepJoinedTeam',
      data: {
        organizationId: 'org',
        repId: 'rep-solo',
        teamId: 't2',
        effectiveFrom: day('2026-01-01'),
        previousTeamId: null,
      },
    },
  ] as SalesOrganizationEvent[]
).reduce(evolveSalesOrganization, initialSalesOrganizationState);

describe('who takes over a departing rep’s records', () => {
  it('is the team’s manager on the notice date, under the manager policy', () => {
    expect(successorsOf(organization, 'rep-ada', day('2026-03-02'), 'manager')).toEqual(
      E.right(['mgr-east']),
    );
  });

  it('is every teammate but the leaver, in the order of their ids, under the round-robin', () => {
    expect(successorsOf(organization, 'rep-ada', day('2026-03-02'), 'roundRobin')).toEqual(
      E.right(['rep-bob', 'rep-cy']),
    );
  });

  it('is nobody, said so, for a rep in no team, a team without a manager or a team of one', () => {
    expect(successorsOf(organization, 'rep-zed', day('2026-03-02'), 'manager')).toEqual(
      E.left({
        kind: 'NoSuccessor',
        repId: 'rep-zed',
        reason: 'rep-zed is in no team on 2026-03-02',
      }),
    );
    expect(successorsOf(organization, 'rep-solo', day('2026-03-02'), 'manager')).toEqual(
      E.left(expect.objectContaining({ reason: 'team t2 has no other manager on 2026-03-02' })),
    );
    expect(successorsOf(organization, 'rep-solo', day('2026-03-02'), 'roundRobin')).toEqual(
      E.left(
        expect.objectContaining({ reason: 'rep-solo has no teammate in team t2 on 2026-03-02' }),
      ),
    );
  });
});

describe('a departing rep’s access', () => {
  const rep = { id: 'rep-ada', role: 'sales_rep' };
  const manager = { id: 'mgr-east', role: 'sales_manager' };
  const teams: TeamDirectory = {
    teamMembersOf: (id) => new Set(id === 'mgr-east' ? ['rep-ada'] : []),
  };
  const departures = new Map([['rep-ada', '2026-03-31']]);

  it('lasts through the notice period, up to the day before the effective date', () => {
    const during = withDepartures(teams, departures, '2026-03-30');
    expect(
      authorize(
        { policy: defaultRolePolicy, teams: during },
        rep,
        'Customer.TagCustomer',
        'rep-ada',
      ),
    ).toEqual(E.right(undefined));
    expect(E.isRight(readScope(defaultRolePolicy, during, rep, 'Customer.read'))).toBe(true);
  });

  it('ends on the effective date: every command and read is refused, naming the permission and the day', () => {
    const after = withDepartures(teams, departures, '2026-03-31');
    const reason = 'rep-ada left: their access ended on 2026-03-31';
    expect(
      authorize(
        { policy: defaultRolePolicy, teams: after },
        rep,
        'Customer.TagCustomer',
        'rep-ada',
      ),
    ).toEqual(E.left(expect.objectContaining({ permission: 'Customer.TagCustomer', reason })));
    expect(readScope(defaultRolePolicy, after, rep, 'Customer.read')).toEqual(
      E.left(expect.objectContaining({ permission: 'Customer.read', reason })),
    );
  });

  it('takes the leaver out of their manager’s team from the effective date, and leaves others alone', () => {
    expect(withDepartures(teams, departures, '2026-03-31').teamMembersOf('mgr-east')).toEqual(
      new Set(),
    );
    expect(withDepartures(teams, departures, '2026-03-30').teamMembersOf('mgr-east')).toEqual(
      new Set(['rep-ada']),
    );
    expect(
      authorize(
        { policy: defaultRolePolicy, teams: withDepartures(noTeams, departures, '2026-04-01') },
        manager,
        'Customer.TagCustomer',
        'mgr-east',
      ),
    ).toEqual(E.right(undefined));
  });
});
