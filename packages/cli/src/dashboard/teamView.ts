import * as E from 'fp-ts/lib/Either.js';
import type { DateOnly } from '@clientele/domain';
import { managerOn, placementOn } from '@clientele/domain';
import type { ReadRefusal } from '@clientele/projections';
import { OrganizationDocument, activeDocuments, organizationState } from '@clientele/projections';
import type { DashboardFilters, TeamView } from '@clientele/dashboard';
import { formatMoney, mainCurrency, majorUnits } from '../reports/figures.js';
import type { ReportContext } from '../reports/reportSection.js';
import { dealKpis } from './dealFigures.js';
import { dealSelection } from './dealSelection.js';
import { filterSuffix } from './overview.js';
import { readableDeals } from './scopedRecords.js';

/** Why a team page is not shown: the actor may not read it, or there is no such team. */
export type TeamRefusal =
  { readonly kind: 'refused'; readonly denial: ReadRefusal } | { readonly kind: 'notFound' };

/**
 * A team's page: the deals credited to the team (as the performance report credits them), and
 * won revenue per rep. Someone who may read every deal sees any team; a rep or a manager sees
 * only the team they belong to or manage on `day`, and there only the deals they may read.
 */
export const teamView = async (
  { readModels, access }: Pick<ReportContext, 'readModels' | 'access'>,
  teamId: string,
  filters: DashboardFilters,
  day: string,
): Promise<E.Either<TeamRefusal, TeamView>> => {
  const deals = await readableDeals(readModels, access);
  if (E.isLeft(deals)) return E.left({ kind: 'refused', denial: deals.left });
  const organizations = [];
  for await (const { doc } of activeDocuments(
    readModels,
    'salesOrganization',
    OrganizationDocument,
  ))
    organizations.push(organizationState(doc));
  if (!organizations.some((organization) => Object.hasOwn(organization.teams, teamId)))
    return E.left({ kind: 'notFound' });
  const { actor } = access;
  const ownTeam = organizations.some(
    (organization) =>
      placementOn(organization, actor.id, day as DateOnly)?.teamId === teamId ||
      managerOn(organization, teamId, day as DateOnly) === actor.id,
  );
  const scope = access.scope('Opportunity.read');
  if (E.isRight(scope) && scope.right.reach !== 'any' && !ownTeam)
    return E.left({
      kind: 'refused',
      denial: {
        kind: 'AuthorizationDenied',
        permission: 'Opportunity.read',
        actorId: actor.id,
        role: actor.role,
        reason: `Opportunity.read is granted to ${actor.role} only for ${scope.right.reach} records, and ${actor.id} is not in team ${teamId} on ${day}`,
      },
    });
  const teamFilters = { ...filters, by: 'team', group: teamId };
  const selected = await dealSelection(readModels, teamFilters, day, undefined);
  const teamDeals = deals.right.filter(selected);
  const won = teamDeals.flatMap((deal) =>
    deal.outcome === 'won' && deal.wonAmount !== null
      ? [{ repId: deal.ownerId, ...deal.wonAmount }]
      : [],
  );
  const currency = mainCurrency(won.map((sale) => ({ [sale.currency]: sale.amountMinor })));
  const perRep = new Map<string, number>();
  for (const sale of won)
    if (sale.currency === currency)
      perRep.set(sale.repId, (perRep.get(sale.repId) ?? 0) + sale.amountMinor);
  return E.right({
    teamId,
    kpis: dealKpis(teamDeals, filterSuffix(teamFilters)),
    charts:
      currency === undefined
        ? []
        : [
            {
              key: 'team-reps',
              title: `Won revenue by rep in ${teamId} (${currency})`,
              kind: 'bars',
              bars: [...perRep]
                .sort(([, a], [, b]) => b - a)
                .map(([repId, minor]) => ({
                  label: repId,
                  value: majorUnits({ [currency]: minor }, currency),
                  display: formatMoney({ [currency]: minor }),
                  drill: `/drill/deals?outcome=won&by=team&group=${encodeURIComponent(teamId)}&owner=${encodeURIComponent(repId)}`,
                })),
            },
          ],
  });
};
