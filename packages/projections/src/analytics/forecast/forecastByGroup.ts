import type { OpportunityEvent } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';
import { dealsAsOf } from '../history/dealHistory.js';
import type { BookingsForecast, ForecastWindow } from './bookingsForecast.js';
import { forecastBookings } from './bookingsForecast.js';

/** A group's bookings forecast: a team's, an office's, or everyone's (`group: null`). */
export interface GroupForecast extends BookingsForecast {
  readonly group: string | null;
  readonly deals: number;
}

/** How {@link forecastByGroup} splits and filters the deals. */
export interface ForecastGrouping {
  /** The group of a deal's owner (team or office on the cut-off); undefined leaves it out of groups. */
  readonly groupOf: (ownerId: string) => string | undefined;
  /** Whether the reader may see a deal of this owner; deals outside are left out everywhere. */
  readonly readable: (ownerId: string) => boolean;
}

/**
 * The next period's bookings forecast (see `forecastBookings`) of each group and of all readable
 * deals together. A deal belongs to the group of its owner on the cut-off, so each group's
 * forecast is the model run on that group's deals alone; groups are in id order, everyone last.
 */
export const forecastByGroup = (
  events: readonly DatedEvent<OpportunityEvent>[],
  window: ForecastWindow,
  currency: string,
  grouping: ForecastGrouping,
): readonly GroupForecast[] => {
  const known = events.filter((event) => event.day <= window.from);
  const owners = new Map<string, string>();
  for (const deal of dealsAsOf(known, window.from).values())
    if (grouping.readable(deal.ownerId)) owners.set(deal.opportunityId, deal.ownerId);
  const groupOfDeal = new Map<string, string>();
  for (const [id, owner] of owners) {
    const group = grouping.groupOf(owner);
    if (group !== undefined) groupOfDeal.set(id, group);
  }
  const run = (group: string | null, keep: (id: string) => boolean): GroupForecast => {
    const mine = known.filter((event) => keep(event.event.data.opportunityId));
    const openDeals = [...dealsAsOf(mine, window.from).values()].filter(
      (deal) => deal.outcome === 'open' && deal.currency === currency,
    ).length;
    return { group, deals: openDeals, ...forecastBookings(mine, window, currency) };
  };
  const groups = [...new Set(groupOfDeal.values())].sort();
  return [
    ...groups.map((group) => run(group, (id) => groupOfDeal.get(id) === group)),
    run(null, (id) => owners.has(id)),
  ];
};
