import fc from 'fast-check';
import type { HistoryEntry } from './domainHistory.js';

const TEAM_ROLES = ['owner', 'sales_engineer', 'executive_sponsor', 'support'] as const;

/**
 * Random deal and account team changes (members joining in a role, or leaving), for read-model
 * properties: the history generator has no team steps yet.
 */
export const accountTeamHistories = (): fc.Arbitrary<HistoryEntry[]> =>
  fc
    .array(
      fc.record({
        record: fc.constantFrom(
          { recordType: 'opportunity', recordId: 'o-1' },
          { recordType: 'opportunity', recordId: 'o-2' },
          { recordType: 'customer', recordId: 'c-1' },
        ),
        memberId: fc.constantFrom('se-1', 'rep-2', 'sponsor-3'),
        teamRole: fc.constantFrom(...TEAM_ROLES),
        leaves: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((changes) =>
      changes.map(({ record, memberId, teamRole, leaves }) => ({
        stream: `AccountTeam-${record.recordType}.${record.recordId}`,
        type: leaves ? 'TeamMemberRemoved' : 'TeamMemberAdded',
        data: leaves
          ? { ...record, memberId, teamRole }
          : { ...record, memberId, teamRole, previousRole: null },
        at: '2026-03-02',
        actor: 'mgr-1',
      })),
    );
