import { deciderSpec } from '@clientele/eventstore/testing';
import { describe } from 'vitest';
import { it } from 'vitest';
import { accountTeamDecider } from './decide.js';

const spec = deciderSpec(accountTeamDecider);
const onDeal = { recordType: 'opportunity', recordId: 'deal-1' } as const;
const added = (
  memberId: string,
  teamRole: 'owner' | 'sales_engineer',
  previousRole: 'owner' | 'sales_engineer' | null = null,
) => ({
  type: 'TeamMemberAdded' as const,
  data: { ...onDeal, memberId, teamRole, previousRole },
});

describe('deal and account teams', () => {
  it('adds several members to a deal, each with a role', () => {
    spec
      .given([added('rep-ada', 'owner')])
      .when({ kind: 'AddTeamMember', ...onDeal, memberId: 'se-bo', teamRole: 'sales_engineer' })
      .then([added('se-bo', 'sales_engineer')]);
  });

  it('changes a member’s role and remembers the one before', () => {
    spec
      .given([added('se-bo', 'sales_engineer')])
      .when({ kind: 'AddTeamMember', ...onDeal, memberId: 'se-bo', teamRole: 'owner' })
      .then([added('se-bo', 'owner', 'sales_engineer')]);
  });

  it('records nothing when a member is added again in the same role', () => {
    spec
      .given([added('se-bo', 'sales_engineer')])
      .when({ kind: 'AddTeamMember', ...onDeal, memberId: 'se-bo', teamRole: 'sales_engineer' })
      .then([]);
  });

  it('removes a member with the role they had', () => {
    spec
      .given([added('se-bo', 'sales_engineer')])
      .when({ kind: 'RemoveTeamMember', ...onDeal, memberId: 'se-bo' })
      .then([
        {
          type: 'TeamMemberRemoved',
          data: { ...onDeal, memberId: 'se-bo', teamRole: 'sales_engineer' },
        },
      ]);
  });

  it('refuses to remove someone who is not on the team', () => {
    spec
      .given([])
      .when({ kind: 'RemoveTeamMember', ...onDeal, memberId: 'se-bo' })
      .thenFails({ kind: 'NotATeamMember', ...onDeal, memberId: 'se-bo' });
  });
});
