import { CampaignEvent } from '@clientele/domain';
import { addAmount } from '../../definitions/moneyByCurrency.js';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import { type CampaignDocument, campaignKey } from './campaignDocument.js';

const decode = domainEventDecoder(CampaignEvent);

const NOT_PLANNED: CampaignDocument = {
  campaignId: '',
  name: '',
  channel: '',
  budget: {},
  actualCost: {},
  costIds: [],
  status: 'unplanned',
};

/** `campaigns`: one document per campaign with its budget and actual cost, the cost side of ROI. */
export const campaignsProjection: Projection<CampaignDocument> = {
  name: 'campaigns',
  version: 1,
  filter: { streamNamePrefixes: ['Campaign-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined ? [] : [campaignKey(decoded.data.campaignId)];
  },
  initial: () => NOT_PLANNED,
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    switch (event.type) {
      case 'CampaignPlanned':
        return {
          ...doc,
          campaignId: event.data.campaignId,
          name: event.data.name,
          channel: event.data.channel,
          budget: { [event.data.budget.currency]: event.data.budget.amountMinor },
          status: 'planned',
        };
      case 'CampaignCostRecorded':
        if (doc.costIds.includes(event.data.costId)) return doc;
        return {
          ...doc,
          actualCost: addAmount(doc.actualCost, event.data),
          costIds: [...doc.costIds, event.data.costId],
        };
      case 'CampaignLaunched':
        return { ...doc, status: 'running' };
      case 'CampaignCompleted':
        return { ...doc, status: 'completed' };
      case 'CampaignCancelled':
        return { ...doc, status: 'cancelled' };
      default:
        return doc;
    }
  },
};
