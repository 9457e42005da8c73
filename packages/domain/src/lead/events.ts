import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { IsoInstant } from '@clientele/eventstore';
import { NonEmptyText } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';
import { NonNegativeMoney } from '../shared/money.js';
import { personal } from '../shared/personalData.js';
import {
  ContactChannel,
  FollowUpPriority,
  LeadContact,
  LeadContactCorrection,
  LeadMatches,
  LeadScore,
} from './values.js';

/** What a converted lead's opportunity starts with. */
export const OpportunityDraft = t.intersection(
  [
    t.type({ name: NonEmptyText }),
    t.partial({ amount: NonNegativeMoney, expectedCloseOn: DateOnly }),
  ],
  'OpportunityDraft',
);
/** What a converted lead's opportunity starts with. */
export type OpportunityDraft = t.TypeOf<typeof OpportunityDraft>;

/** A lead entered the CRM; `matches` links customers and leads that look like the same person. */
export const LeadCaptured = eventCodec(
  'LeadCaptured',
  t.intersection([
    t.type({
      leadId: t.string,
      subjectId: t.string,
      source: t.string,
      contact: LeadContact,
      matches: LeadMatches,
    }),
    t.partial({
      campaignId: t.string,
      interest: personal(t.string),
      region: t.string,
      industry: t.string,
      product: t.string,
    }),
  ]),
);
/**
 * The lead's contact was corrected (rectification): `contact` holds only the fields that changed,
 * under the same paths and data subject as the captured contact, so the privacy layer encrypts and
 * erases them with it.
 */
export const LeadContactCorrected = eventCodec(
  'LeadContactCorrected',
  t.type({ leadId: t.string, subjectId: t.string, contact: LeadContactCorrection }),
);
/** The lead got an owner; `policy` names the assignment rule that chose them, or `manual`. */
export const LeadAssigned = eventCodec(
  'LeadAssigned',
  t.type({
    leadId: t.string,
    ownerId: t.string,
    previousOwnerId: t.union([t.string, t.null]),
    policy: t.string,
  }),
);
/** A rep tried to reach the lead; a visit records when and where the rep checked in. */
export const LeadContactAttempted = eventCodec(
  'LeadContactAttempted',
  t.intersection([
    t.type({
      leadId: t.string,
      subjectId: t.string,
      attemptId: t.string,
      channel: ContactChannel,
      at: IsoInstant,
    }),
    t.partial({
      outcome: t.string,
      checkIn: t.type({ at: IsoInstant, place: personal(t.string) }),
      note: personal(t.string),
    }),
  ]),
);
/** A follow-up task was scheduled. */
export const LeadFollowUpScheduled = eventCodec(
  'LeadFollowUpScheduled',
  t.intersection([
    t.type({
      leadId: t.string,
      subjectId: t.string,
      taskId: t.string,
      dueOn: DateOnly,
      priority: FollowUpPriority,
    }),
    t.partial({ note: personal(t.string) }),
  ]),
);
/** A follow-up task was done. */
export const LeadFollowUpCompleted = eventCodec(
  'LeadFollowUpCompleted',
  t.type({ leadId: t.string, taskId: t.string, completedAt: IsoInstant }),
);
/** The lead was qualified with a score. */
export const LeadQualified = eventCodec(
  'LeadQualified',
  t.intersection([
    t.type({ leadId: t.string, subjectId: t.string, score: LeadScore }),
    t.partial({ notes: personal(t.string) }),
  ]),
);
/** The lead was disqualified. */
export const LeadDisqualified = eventCodec(
  'LeadDisqualified',
  t.type({ leadId: t.string, reason: t.string }),
);
/** A closed or stalled lead went back to the pool, without an owner. */
export const LeadRecycled = eventCodec(
  'LeadRecycled',
  t.type({ leadId: t.string, reason: t.string, previousOwnerId: t.union([t.string, t.null]) }),
);
/**
 * The lead became business. A reactor creates the customer (or attaches `customerId`) and opens
 * the opportunity, with ids derived from this event's id; the contact is copied so it can.
 */
export const LeadConverted = eventCodec(
  'LeadConverted',
  t.intersection([
    t.type({
      leadId: t.string,
      subjectId: t.string,
      ownerId: t.union([t.string, t.null]),
      source: t.string,
      contact: LeadContact,
      opportunity: OpportunityDraft,
    }),
    t.partial({ customerId: t.string, campaignId: t.string, region: t.string, industry: t.string }),
  ]),
);

/** Every event of a Lead stream. */
export const LeadEvent = t.union(
  [
    LeadCaptured,
    LeadContactCorrected,
    LeadAssigned,
    LeadContactAttempted,
    LeadFollowUpScheduled,
    LeadFollowUpCompleted,
    LeadQualified,
    LeadDisqualified,
    LeadRecycled,
    LeadConverted,
  ],
  'LeadEvent',
);
/** Every event of a Lead stream. */
export type LeadEvent = t.TypeOf<typeof LeadEvent>;
