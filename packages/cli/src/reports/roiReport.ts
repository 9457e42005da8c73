import * as E from 'fp-ts/lib/Either.js';
import type { CampaignRow, MoneyByCurrency, ReadRefusal } from '@clientele/projections';
import {
  CampaignDocument,
  activeDocuments,
  addTotals,
  campaignReport,
  ratio,
  subtractTotals,
} from '@clientele/projections';
import { mainCurrency, moneyOfRatios, percent, percentByCurrency } from './figures.js';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { byName } from './reportSection.js';

const FIGURES = [
  column('count', 'leads', 'leads', 'Leads captured for the campaign.'),
  column('count', 'convertedLeads', 'converted', 'Of them, converted.'),
  column('count', 'opportunities', 'opportunities', 'Deals attributed (first touch).'),
  column('count', 'wonDeals', 'won', 'Deals won.'),
  column('money', 'wonRevenue', 'won revenue', 'Revenue of the deals won.'),
  column('money', 'actualCost', 'actual cost', 'Costs recorded, each once.'),
  column('percent', 'roiPercent', 'ROI', {
    description: '(won revenue − actual cost) ÷ actual cost.',
    byCurrency: true,
  }),
  column('money', 'costPerLead', 'cost per lead', 'Actual cost ÷ leads, rounded half-even.'),
];

/** The columns of the campaign ROI report. */
export const roiShape: ReportShape = {
  name: 'roi',
  description: 'Campaign results and return on investment, campaigns A–Z by name.',
  columns: [
    column('text', 'campaignId', 'campaign id', {
      description: 'The campaign.',
      machineOnly: true,
    }),
    column('text', 'campaign', 'campaign', 'The campaign’s name (its id if it was never planned).'),
    ...FIGURES,
    column('money', 'budget', 'budget', 'The planned budget.'),
  ],
  totalColumns: FIGURES,
};

const roiOf = (revenue: MoneyByCurrency, cost: MoneyByCurrency) =>
  Object.fromEntries(
    Object.entries(cost).map(([currency, spent]) => [
      currency,
      percent(ratio(subtractTotals(revenue, cost)[currency] ?? 0, spent)),
    ]),
  );

/**
 * Campaign ROI: leads, conversions and won revenue attributed first-touch, against actual cost
 * (`Campaign.read`; campaign totals, not records).
 */
export const roiReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const allowed = access.scope('Campaign.read');
  if (E.isLeft(allowed)) return allowed;
  const costs: Record<string, MoneyByCurrency> = {};
  const names = new Map<string, string>();
  for await (const { doc } of activeDocuments(readModels, 'campaigns', CampaignDocument)) {
    costs[doc.campaignId] = doc.actualCost;
    names.set(doc.campaignId, doc.name);
  }
  const label = (campaignId: string) => names.get(campaignId) || campaignId;
  const report = await campaignReport(readModels, access, { costs });
  if (E.isLeft(report)) return report;
  const rows = report.right.sort((a, b) => byName(label(a.campaignId), label(b.campaignId)));
  const currency = mainCurrency(rows.map((row) => row.wonRevenue));
  const count = (pick: (row: CampaignRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  const wonRevenue = rows.reduce<MoneyByCurrency>((m, row) => addTotals(m, row.wonRevenue), {});
  const actualCost = rows.reduce<MoneyByCurrency>((m, row) => addTotals(m, row.actualCost), {});
  const leads = count((row) => row.leads);
  return E.right({
    name: 'roi',
    title: 'Campaign ROI',
    asOf: options.asOf,
    columns: roiShape.columns,
    rows: rows.map((row) => ({
      campaignId: row.campaignId,
      campaign: label(row.campaignId),
      leads: row.leads,
      convertedLeads: row.convertedLeads,
      opportunities: row.opportunities,
      wonDeals: row.wonDeals,
      wonRevenue: row.wonRevenue,
      actualCost: row.actualCost,
      roiPercent: percentByCurrency(row.roi),
      costPerLead: moneyOfRatios(row.costPerLead),
      budget: row.budget,
    })),
    totalColumns: roiShape.totalColumns,
    totals: {
      leads,
      convertedLeads: count((row) => row.convertedLeads),
      opportunities: count((row) => row.opportunities),
      wonDeals: count((row) => row.wonDeals),
      wonRevenue,
      actualCost,
      roiPercent: roiOf(wonRevenue, actualCost),
      costPerLead: moneyOfRatios(
        Object.fromEntries(
          Object.entries(actualCost).map(([c, spent]) => [c, ratio(spent, leads)]),
        ),
      ),
    },
    chart:
      currency === undefined
        ? undefined
        : {
            kind: 'bars',
            title: `ROI by campaign (${currency}), (won revenue − cost) ÷ cost`,
            bars: rows
              .filter((row) => row.roi[currency] !== undefined && row.roi[currency].value !== null)
              .map((row) => ({
                label: label(row.campaignId),
                key: row.campaignId,
                value: row.roi[currency]?.value ?? 0,
                display: `${(percent(row.roi[currency]) ?? 0).toFixed(2)}%`,
              })),
          },
    note: 'Won revenue is attributed to the campaign of the deal’s lead (first touch); cost is counted once per recorded cost; ROI with no recorded cost is empty, never 0.',
  });
};
