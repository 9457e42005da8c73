import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { CampaignCommand } from './commands.js';
import type { CampaignEvent } from './events.js';
import type { CampaignState, CampaignStatus } from './state.js';
import { evolveCampaign } from './state.js';

/** Why a campaign command was refused. */
export type CampaignError =
  | { readonly kind: 'CampaignNotFound'; readonly campaignId: string }
  | { readonly kind: 'CampaignAlreadyPlanned'; readonly campaignId: string }
  | { readonly kind: 'CampaignEndsBeforeStart'; readonly startsOn: string; readonly endsOn: string }
  | {
      readonly kind: 'CampaignNotInStatus';
      readonly campaignId: string;
      readonly status: CampaignStatus;
      readonly allowed: readonly CampaignStatus[];
    }
  | {
      readonly kind: 'CampaignCurrencyMismatch';
      readonly expected: string;
      readonly actual: string;
    }
  | { readonly kind: 'NotACampaignMember'; readonly memberId: string };

type Decision = E.Either<CampaignError, readonly CampaignEvent[]>;
type Planned = Extract<CampaignState, { planned: true }>;

const requireStatus = (
  campaign: Planned,
  allowed: readonly CampaignStatus[],
  decide: () => Decision,
): Decision =>
  allowed.includes(campaign.status)
    ? decide()
    : E.left({
        kind: 'CampaignNotInStatus',
        campaignId: campaign.campaignId,
        status: campaign.status,
        allowed,
      });

/**
 * Decides a campaign command. Costs count once per cost id, members once per member; costs may
 * still arrive after the campaign ended or was cancelled (invoices come late), responses only
 * once it is live.
 */
export const decideCampaign = (command: CampaignCommand, state: CampaignState): Decision => {
  const { campaignId } = command;
  if (command.kind === 'PlanCampaign') {
    if (state.planned) return E.left({ kind: 'CampaignAlreadyPlanned', campaignId });
    if (command.endsOn < command.startsOn) {
      return E.left({
        kind: 'CampaignEndsBeforeStart',
        startsOn: command.startsOn,
        endsOn: command.endsOn,
      });
    }
    const { kind: _, ...data } = command;
    return E.right([{ type: 'CampaignPlanned', data }]);
  }
  if (!state.planned) return E.left({ kind: 'CampaignNotFound', campaignId });
  switch (command.kind) {
    case 'LaunchCampaign':
      return requireStatus(state, ['planned'], () =>
        E.right([
          { type: 'CampaignLaunched', data: { campaignId, wentLiveOn: command.launchedOn } },
        ]),
      );
    case 'RecordCampaignCost': {
      if (state.costIds.includes(command.costId)) return E.right([]);
      if (command.amount.currency !== state.currency) {
        return E.left({
          kind: 'CampaignCurrencyMismatch',
          expected: state.currency,
          actual: command.amount.currency,
        });
      }
      const { kind: _, amount, ...rest } = command;
      const data = { ...rest, amountMinor: amount.amountMinor, currency: amount.currency };
      return E.right([{ type: 'CampaignCostRecorded', data }]);
    }
    case 'AddCampaignMember':
      if (state.memberIds.includes(command.memberId)) return E.right([]);
      return requireStatus(state, ['planned', 'launched'], () =>
        E.right([
          {
            type: 'CampaignMemberAdded',
            data: { campaignId, memberId: command.memberId, memberKind: command.memberKind },
          },
        ]),
      );
    case 'RecordMemberResponse': {
      if (!state.memberIds.includes(command.memberId)) {
        return E.left({ kind: 'NotACampaignMember', memberId: command.memberId });
      }
      const { kind: _, ...data } = command;
      return requireStatus(state, ['launched', 'completed'], () =>
        E.right([{ type: 'CampaignMemberResponded', data }]),
      );
    }
    case 'CompleteCampaign':
      return requireStatus(state, ['launched'], () =>
        E.right([
          { type: 'CampaignCompleted', data: { campaignId, completedOn: command.completedOn } },
        ]),
      );
    case 'CancelCampaign':
      return requireStatus(state, ['planned', 'launched'], () =>
        E.right([
          {
            type: 'CampaignCancelled',
            data: { campaignId, reason: command.reason, cancelledOn: command.cancelledOn },
          },
        ]),
      );
  }
};

/** The Campaign aggregate as a decider. */
export const campaignDecider: Decider<
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  CampaignError
> = {
  initialState: { planned: false },
  decide: decideCampaign,
  evolve: evolveCampaign,
};
