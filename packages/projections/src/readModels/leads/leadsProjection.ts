import { LeadEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { dayOf, domainEventDecoder } from '../domainEvent.js';
import { LEAD_STAGES, type LeadDocument, type LeadStage, leadKey } from './leadDocument.js';

const decode = domainEventDecoder(LeadEvent);

const NOT_CAPTURED: LeadDocument = {
  leadId: '',
  capturedOn: '',
  source: '',
  campaignId: null,
  ownerId: null,
  region: null,
  furthest: 0,
  reachedAt: LEAD_STAGES.map(() => null),
  disqualified: false,
};

/** Marks a stage reached at `at` (first time only) and moves the furthest stage forward. */
const reach = (doc: LeadDocument, stage: LeadStage, at: string): LeadDocument => {
  const index = LEAD_STAGES.indexOf(stage);
  return {
    ...doc,
    furthest: Math.max(doc.furthest, index),
    reachedAt: doc.reachedAt.map((value, i) => (i === index && value === null ? at : value)),
  };
};

/** `leads`: one document per lead, the base of the lead funnel and of campaign lead counts. */
export const leadsProjection: Projection<LeadDocument> = {
  name: 'leads',
  version: 1,
  filter: { streamNamePrefixes: ['Lead-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined ? [] : [leadKey(decoded.data.leadId)];
  },
  initial: () => NOT_CAPTURED,
  apply: (doc, recorded) => {
    const event = decode(recorded);
    const at = recorded.metadata.occurredAt;
    if (event === undefined) return doc;
    switch (event.type) {
      case 'LeadCaptured': {
        const d = event.data;
        return reach(
          {
            ...NOT_CAPTURED,
            leadId: d.leadId,
            capturedOn: dayOf(at),
            source: d.source,
            campaignId: d.campaignId ?? null,
            region: d.region ?? null,
          },
          'captured',
          at,
        );
      }
      case 'LeadAssigned':
        return { ...doc, ownerId: event.data.ownerId };
      case 'LeadContactAttempted':
        return reach(doc, 'contacted', at);
      case 'LeadQualified':
        return reach(doc, 'qualified', at);
      case 'LeadDisqualified':
        return { ...doc, disqualified: true };
      case 'LeadRecycled':
        return { ...doc, ownerId: null };
      case 'LeadConverted':
        return reach({ ...doc, ownerId: event.data.ownerId ?? doc.ownerId }, 'converted', at);
      // A corrected contact changes nothing here: this document holds no personal data.
      case 'LeadContactCorrected':
      case 'LeadFollowUpScheduled':
      case 'LeadFollowUpCompleted':
        return doc;
    }
  },
};
