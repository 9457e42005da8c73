import type { EventStore } from '@clientele/eventstore';
import { latestBusinessDay } from '../store/latestBusinessDay.js';

/**
 * The day the dashboard's figures are taken as of: the same rule as `clientele report`, in one
 * place, so the dashboard follows it when the rule changes.
 */
export const reportDay = (events: EventStore): Promise<string> => latestBusinessDay(events);
