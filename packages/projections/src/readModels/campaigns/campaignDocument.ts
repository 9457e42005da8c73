import * as t from 'io-ts';
import { MoneyByCurrency } from '../../definitions/moneyByCurrency.js';

/** One campaign as ROI needs it: plan, budget and the costs actually recorded (each once). */
export const CampaignDocument = t.type(
  {
    campaignId: t.string,
    name: t.string,
    channel: t.string,
    budget: MoneyByCurrency,
    actualCost: MoneyByCurrency,
    /** Ids of the costs counted, so a cost is counted once however often it is seen. */
    costIds: t.readonlyArray(t.string),
    status: t.string,
  },
  'CampaignDocument',
);
/** One campaign's plan, budget and actual costs. */
export type CampaignDocument = t.TypeOf<typeof CampaignDocument>;

/** The document key of a campaign. */
export const campaignKey = (campaignId: string): string => `campaign:${campaignId}`;
