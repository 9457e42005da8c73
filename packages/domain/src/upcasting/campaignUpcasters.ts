import type { Upcaster } from '@clientele/eventstore';
import { fieldsOf } from './storedFields.js';

/** CampaignLaunched v1 → v2: `launchedOn` is renamed `wentLiveOn`. */
export const campaignLaunchedV1: Upcaster = {
  type: 'CampaignLaunched',
  fromVersion: 1,
  upcast: (data) => {
    const { launchedOn, ...rest } = fieldsOf(data);
    return { ...rest, wentLiveOn: launchedOn };
  },
};

/** CampaignCostRecorded v1 → v2: `amount: { amountMinor, currency }` is split into two fields. */
export const campaignCostRecordedV1: Upcaster = {
  type: 'CampaignCostRecorded',
  fromVersion: 1,
  upcast: (data) => {
    const { amount, ...rest } = fieldsOf(data);
    const { amountMinor, currency } = fieldsOf(amount);
    return { ...rest, amountMinor, currency };
  },
};

/**
 * Steps from older shapes of Campaign events to their current ones. Each step knows only the
 * shape it reads and the one it writes, never today's codec, so it stays right as the codec moves.
 */
export const campaignUpcasters: readonly Upcaster[] = [campaignLaunchedV1, campaignCostRecordedV1];
