import { describe, expect, it } from 'vitest';
import type { LeadEvent } from './events.js';
import type { LeadContactCorrection } from './values.js';
import { emptyOpenLeadIndex, evolveOpenLeadIndex, matchOpenLeads } from './matching.js';

const leadId = 'lead-1';
const captured: LeadEvent = {
  type: 'LeadCaptured',
  data: {
    leadId,
    subjectId: leadId,
    source: 'referral',
    contact: { name: 'Ada', email: 'old@example.com', phone: '+4930111222' },
    matches: { customerIds: [], leadIds: [] },
  },
};
const corrected = (contact: LeadContactCorrection): LeadEvent => ({
  type: 'LeadContactCorrected',
  data: { leadId, subjectId: leadId, contact },
});
const disqualified: LeadEvent = { type: 'LeadDisqualified', data: { leadId, reason: 'spam' } };
const recycled: LeadEvent = {
  type: 'LeadRecycled',
  data: { leadId, reason: 'asked again', previousOwnerId: null },
};
const indexOf = (events: readonly LeadEvent[]) =>
  events.reduce(evolveOpenLeadIndex, emptyOpenLeadIndex);
const matchesOf = (events: readonly LeadEvent[], contact: { email?: string; phone?: string }) =>
  matchOpenLeads(indexOf(events), 'lead-new', contact);

describe('open-lead index', () => {
  it('files a corrected lead under its new email and no longer under the old one', () => {
    const events = [captured, corrected({ email: 'new@example.com' })];
    expect(matchesOf(events, { email: 'new@example.com' })).toEqual([leadId]);
    expect(matchesOf(events, { email: 'old@example.com' })).toEqual([]);
  });

  it('keeps the phone key of a lead whose email alone was corrected', () => {
    const events = [captured, corrected({ email: 'new@example.com' })];
    expect(matchesOf(events, { phone: '+4930111222' })).toEqual([leadId]);
  });

  it('leaves the keys alone when only the name was corrected', () => {
    expect(indexOf([captured, corrected({ name: 'Ada King' })])).toEqual(indexOf([captured]));
  });

  it('does not reopen a closed lead by correcting it', () => {
    const events = [captured, disqualified, corrected({ email: 'new@example.com' })];
    expect(matchesOf(events, { email: 'new@example.com' })).toEqual([]);
  });

  it('brings a recycled lead back under its keys as corrected while it was closed', () => {
    const events = [captured, disqualified, corrected({ email: 'new@example.com' }), recycled];
    expect(matchesOf(events, { email: 'new@example.com' })).toEqual([leadId]);
    expect(matchesOf(events, { email: 'old@example.com' })).toEqual([]);
  });
});
