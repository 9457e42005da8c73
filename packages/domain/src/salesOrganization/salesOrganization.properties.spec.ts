import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { SalesOrganizationCommand } from './commands.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import { salesOrganizationDecider } from './decide.js';
import { SalesOrganizationEvent } from './events.js';

const organizationId = fc.constant('org');
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
const openOffice = fc.record({
  kind: fc.constant('OpenRegionalOffice'),
  organizationId,
  officeId: fc.constantFrom('o-1', 'o-2'),
  name: fc.constant('Office'),
  region: fc.constantFrom('EMEA', 'NA'),
}) as unknown as fc.Arbitrary<SalesOrganizationCommand>;
const command = fc.oneof(
  openOffice,
  fc.record({
    kind: fc.constant('FormSalesTeam'),
    organizationId,
    teamId: fc.constantFrom('t-1', 't-2'),
    name: fc.constant('Team'),
    officeId: fc.constantFrom('o-1', 'o-2'),
  }),
  fc.record({
    kind: fc.constant('AppointTeamManager'),
    organizationId,
    teamId: fc.constantFrom('t-1', 't-2'),
    managerId: fc.constantFrom('m-1', 'm-2'),
    effectiveFrom: day,
  }),
  fc.record({
    kind: fc.constant('AddRepToTeam'),
    organizationId,
    repId: fc.constantFrom('r-1', 'r-2'),
    teamId: fc.constantFrom('t-1', 't-2'),
    effectiveFrom: day,
  }),
  fc.record({
    kind: fc.constant('RemoveRepFromTeam'),
    organizationId,
    repId: fc.constantFrom('r-1', 'r-2'),
    effectiveFrom: day,
  }),
) as unknown as fc.Arbitrary<SalesOrganizationCommand>;

describe('sales organization properties', () => {
  it('replays any sequence of accepted commands to the same state', () => {
    assertReplayDeterminism(
      salesOrganizationDecider,
      SalesOrganizationEvent,
      startingWith(openOffice, command, { minLength: 20 }),
      {
        mustReach: {
          SalesTeamFormed: 0.7,
          TeamManagerAppointed: 0.5,
          RepJoinedTeam: 0.5,
          RepLeftTeam: 0.25,
        },
      },
    );
  });
});
