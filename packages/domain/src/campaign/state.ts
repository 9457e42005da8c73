import type { CampaignEvent } from './events.js';

/** Where a campaign is in its life. */
export type CampaignStatus = 'planned' | 'launched' | 'completed' | 'cancelled';

/** A campaign's state after its events. */
export type CampaignState =
  | { readonly planned: false }
  | {
      readonly planned: true;
      readonly campaignId: string;
      readonly status: CampaignStatus;
      readonly currency: string;
      readonly costIds: readonly string[];
      readonly memberIds: readonly string[];
    };

/** Folds one event into the campaign. */
export const evolveCampaign = (state: CampaignState, event: CampaignEvent): CampaignState => {
  if (event.type === 'CampaignPlanned') {
    return {
      planned: true,
      campaignId: event.data.campaignId,
      status: 'planned',
      currency: event.data.budget.currency,
      costIds: [],
      memberIds: [],
    };
  }
  if (!state.planned) return state;
  switch (event.type) {
    case 'CampaignLaunched':
      return { ...state, status: 'launched' };
    case 'CampaignCostRecorded':
      return { ...state, costIds: [...state.costIds, event.data.costId] };
    case 'CampaignMemberAdded':
      return { ...state, memberIds: [...state.memberIds, event.data.memberId] };
    case 'CampaignMemberResponded':
      return state;
    case 'CampaignCompleted':
      return { ...state, status: 'completed' };
    case 'CampaignCancelled':
      return { ...state, status: 'cancelled' };
  }
};
