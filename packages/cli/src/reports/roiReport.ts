import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { MoneyByCurrency, ReadAccess, ReadModelStore } from '@clientele/projections';
import { CampaignDocument, activeDocuments, campaignReport } from '@clientele/projections';
import { formatMoney, mainCurrency, percent } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';

/**
 * Campaign ROI: leads, conversions and won revenue attributed first-touch, against actual cost
 * (`Campaign.read`; campaign totals, not records).
 */
export const roiReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  _options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, RenderedReport>> => {
  const allowed = access.scope('Campaign.read');
  if (E.isLeft(allowed)) return allowed;
  const costs: Record<string, MoneyByCurrency> = {};
  const names = new Map<string, string>();
  for await (const { doc } of activeDocuments(readModels, 'campaigns', CampaignDocument)) {
    costs[doc.campaignId] = doc.actualCost;
    names.set(doc.campaignId, doc.name);
  }
  const label = (campaignId: string) => names.get(campaignId) ?? campaignId;
  const report = await campaignReport(readModels, access, { costs });
  if (E.isLeft(report)) return report;
  const rows = report.right.sort((a, b) =>
    label(a.campaignId).localeCompare(label(b.campaignId), 'en', { numeric: true }),
  );
  const currency = mainCurrency(rows.map((row) => row.wonRevenue));
  return E.right({
    title: 'Campaign ROI',
    chart:
      currency === undefined
        ? undefined
        : {
            kind: 'bars',
            title: `ROI by campaign (${currency}), (won revenue − cost) ÷ cost`,
            bars: rows
              .filter((row) => row.roi[currency]?.value !== null && row.roi[currency] !== undefined)
              .map((row) => ({
                label: label(row.campaignId),
                value: Number(row.roi[currency]?.value ?? 0),
                display: `${percent(row.roi[currency])?.toLocaleString('en-US') ?? '—'}%`,
              })),
          },
    header: [
      'campaign',
      'leads',
      'converted',
      'opportunities',
      'won',
      'won revenue',
      'actual cost',
      'ROI %',
      'cost per lead',
    ],
    rows: rows.map((row) => [
      label(row.campaignId),
      row.leads,
      row.convertedLeads,
      row.opportunities,
      row.wonDeals,
      formatMoney(row.wonRevenue),
      formatMoney(row.actualCost),
      currency === undefined ? null : percent(row.roi[currency]),
      currency === undefined || row.costPerLead[currency]?.value == null
        ? null
        : Number(row.costPerLead[currency]?.value) / 100,
    ]),
    note: 'Won revenue is attributed to the campaign of the deal’s lead (first touch); cost is counted once per recorded cost; ROI with no recorded cost is empty, never 0.',
    data: rows,
  });
};
