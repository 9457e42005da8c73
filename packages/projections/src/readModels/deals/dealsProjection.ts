import { OpportunityEvent } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import type { Projection } from '../../projection/projection.js';
import { dayOf, daysBetweenInstants, domainEventDecoder } from '../domainEvent.js';
import { type DealDocument, dealKey } from './dealDocument.js';

const decode = domainEventDecoder(OpportunityEvent);

const NOT_OPENED: DealDocument = {
  opportunityId: '',
  leadId: null,
  customerId: null,
  source: null,
  campaignId: null,
  ownerId: '',
  pipelineId: '',
  openStageIds: [],
  reachedStageIds: [],
  openedAt: '',
  openedOn: '',
  amount: { amountMinor: 0, currency: 'XXX' },
  expectedCloseOn: '',
  stageId: '',
  probabilityBps: 0,
  forecastCategory: 'pipeline',
  stageEnteredAt: '',
  outcome: 'open',
  closedOn: null,
  wonAmount: null,
  stageDays: {},
};

/** Ends the stay in the current stage at `at`, recording its length. */
const leaveStage = (doc: DealDocument, at: string): DealDocument['stageDays'] => ({
  ...doc.stageDays,
  [doc.stageId]: [
    ...(doc.stageDays[doc.stageId] ?? []),
    daysBetweenInstants(doc.stageEnteredAt, at),
  ],
});

/** The open stages up to and including `stageId`, merged with those reached before (reopening counts nothing twice). */
const reachUpTo = (doc: DealDocument, stageId: string): string[] => {
  const index = doc.openStageIds.indexOf(stageId);
  const upTo = index < 0 ? [] : doc.openStageIds.slice(0, index + 1);
  return doc.openStageIds.filter((id) => upTo.includes(id) || doc.reachedStageIds.includes(id));
};

/**
 * `deals`: one document per opportunity, the base of the opportunity funnel, the pipeline and
 * forecast, and sales performance.
 */
export const dealsProjection: Projection<DealDocument> = {
  name: 'deals',
  version: 1,
  filter: { streamNamePrefixes: ['Opportunity-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined ? [] : [dealKey(decoded.data.opportunityId)];
  },
  initial: () => NOT_OPENED,
  apply: (doc, recorded: RecordedEvent) => {
    const event = decode(recorded);
    const at = recorded.metadata.occurredAt;
    if (event === undefined) return doc;
    switch (event.type) {
      case 'OpportunityOpened': {
        const d = event.data;
        const openStageIds = d.pipeline.stages.filter((s) => !s.closed).map((s) => s.stageId);
        const opened: DealDocument = {
          ...NOT_OPENED,
          opportunityId: d.opportunityId,
          leadId: d.leadId ?? null,
          customerId: d.customerId ?? null,
          source: d.source ?? null,
          campaignId: d.campaignId ?? null,
          ownerId: d.ownerId,
          pipelineId: d.pipeline.pipelineId,
          openStageIds,
          openedAt: at,
          openedOn: dayOf(at),
          amount: { amountMinor: d.amount.amountMinor, currency: d.amount.currency },
          expectedCloseOn: d.expectedCloseOn,
          stageId: d.stageId,
          probabilityBps: d.probabilityBps,
          forecastCategory: d.forecastCategory,
          stageEnteredAt: at,
        };
        return { ...opened, reachedStageIds: reachUpTo(opened, d.stageId) };
      }
      case 'OpportunityStageChanged': {
        const d = event.data;
        return {
          ...doc,
          stageDays: leaveStage(doc, at),
          stageId: d.toStageId,
          probabilityBps: d.probabilityBps,
          forecastCategory: d.forecastCategory,
          stageEnteredAt: at,
          reachedStageIds: reachUpTo(doc, d.toStageId),
        };
      }
      case 'OpportunityAmountChanged':
        return {
          ...doc,
          amount: {
            amountMinor: event.data.amount.amountMinor,
            currency: event.data.amount.currency,
          },
        };
      case 'OpportunityCloseDateChanged':
        return { ...doc, expectedCloseOn: event.data.expectedCloseOn };
      case 'OpportunityCustomerAttached':
        return { ...doc, customerId: event.data.customerId };
      case 'OpportunityOwnerChanged':
        return { ...doc, ownerId: event.data.ownerId };
      case 'OpportunityWon': {
        const d = event.data;
        return {
          ...doc,
          stageDays: leaveStage(doc, at),
          stageId: d.stageId,
          stageEnteredAt: at,
          outcome: 'won',
          closedOn: d.wonOn,
          ownerId: d.ownerId,
          wonAmount: { amountMinor: d.amount.amountMinor, currency: d.amount.currency },
          // Won is the last stage of the pipeline: the deal has reached every open stage before it.
          reachedStageIds: [...doc.openStageIds],
        };
      }
      case 'OpportunityLost':
        return {
          ...doc,
          stageDays: leaveStage(doc, at),
          stageId: event.data.stageId,
          stageEnteredAt: at,
          outcome: 'lost',
          closedOn: event.data.lostOn,
          ownerId: event.data.ownerId,
          wonAmount: null,
        };
      case 'OpportunityReopened': {
        const d = event.data;
        return {
          ...doc,
          stageId: d.stageId,
          probabilityBps: d.probabilityBps,
          forecastCategory: d.forecastCategory,
          stageEnteredAt: at,
          outcome: 'open',
          closedOn: null,
          wonAmount: null,
          reachedStageIds: reachUpTo(doc, d.stageId),
        };
      }
      case 'CompetitorRecorded':
      case 'QuoteIssued':
        return doc;
    }
  },
};
