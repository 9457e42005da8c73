import type { Upcaster } from '@clientele/eventstore';

/** Steps from older shapes of Campaign events to their current ones. */
export const campaignUpcasters: readonly Upcaster[] = [];
