import type { HistorySetup, HistoryStep } from './historyStep.js';
import { registerCustomerStep, transferCustomerStep } from './customerSteps.js';
import {
  assignLeadStep,
  captureLeadStep,
  completeFollowUpStep,
  contactLeadStep,
  convertLeadStep,
  qualifyLeadStep,
  recycleLeadStep,
} from './leadSteps.js';
import {
  advanceOpportunityStep,
  closeOpportunityStep,
  issueQuoteStep,
  openOpportunityStep,
  reopenOpportunityStep,
} from './opportunitySteps.js';
import { salesOrganizationSetup } from './organizationSetup.js';

/** What the sales generator does once before the weighted steps. */
export const salesHistorySetup: readonly HistorySetup[] = [salesOrganizationSetup];

/** The sales domain's steps: customers, leads and their follow-up, conversions, deals. */
export const salesHistorySteps: readonly HistoryStep[] = [
  registerCustomerStep,
  transferCustomerStep,
  captureLeadStep,
  assignLeadStep,
  contactLeadStep,
  completeFollowUpStep,
  qualifyLeadStep,
  recycleLeadStep,
  convertLeadStep,
  openOpportunityStep,
  advanceOpportunityStep,
  issueQuoteStep,
  closeOpportunityStep,
  reopenOpportunityStep,
];
