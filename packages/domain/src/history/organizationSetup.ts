import type { HistorySetup } from './historyStep.js';
import { REGIONS } from './names.js';

/**
 * A small sales organization: an office per region, two teams per office, a manager per team and
 * three reps per team, all effective from the first day of the history.
 */
export const salesOrganizationSetup: HistorySetup = {
  name: 'salesOrganization',
  run: async (world) => {
    const organizationId = world.tenantId;
    const from = world.today();
    const send = async (step: string, command: object) =>
      world.record(
        step,
        await world.sales.organization.handle(
          { organizationId, ...command },
          world.context('admin'),
        ),
      );
    for (const region of REGIONS) {
      const officeId = `office-${region.toLowerCase()}`;
      await send('openOffice', {
        kind: 'OpenRegionalOffice',
        officeId,
        name: `${region} office`,
        region,
      });
      for (const squad of ['hunters', 'farmers']) {
        const teamId = `${officeId}-${squad}`;
        await send('formTeam', {
          kind: 'FormSalesTeam',
          teamId,
          name: `${region} ${squad}`,
          officeId,
        });
        const managerId = `manager-${teamId}`;
        world.managers.push(managerId);
        await send('appointManager', {
          kind: 'AppointTeamManager',
          teamId,
          managerId,
          effectiveFrom: from,
        });
        for (let i = 1; i <= 3; i += 1) {
          const repId = `rep-${teamId}-${i}`;
          world.reps.push(repId);
          await send('addRep', { kind: 'AddRepToTeam', repId, teamId, effectiveFrom: from });
        }
      }
    }
  },
};
