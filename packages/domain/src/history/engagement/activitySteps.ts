import type * as t from 'io-ts';
import type { LogActivity } from '../../activity/commands.js';
import type { ActivityKind } from '../../activity/values.js';
import type { HistoryStep } from '../historyStep.js';
import type { HistoryWorld } from '../historyWorld.js';
import type { EngagementServices } from './engagementServices.js';
import { personName } from '../names.js';

const KINDS: readonly (readonly [ActivityKind, number])[] = [
  ['call', 40],
  ['email', 25],
  ['meeting', 10],
  ['visit', 10],
  ['message', 5],
  ['note', 10],
];
const OUTCOMES = ['connected', 'connected', 'no_answer', 'voicemail', 'busy'] as const;
const SUBJECTS = ['Your quote', 'Follow-up on our call', 'Renewal terms', 'Meeting notes'];

/** The owner of a customer, read from its stream; undefined for one that is not active. */
export const ownerOf = async (world: HistoryWorld, customerId: string) => {
  const state = await world.sales.customers.load(customerId);
  return 'registered' in state && state.status === 'active' && state.ownerId !== null
    ? state.ownerId
    : undefined;
};

/** The details a kind needs, as a rep would give them. */
const detailsOf = (
  world: HistoryWorld,
  kind: ActivityKind,
): Partial<t.OutputOf<typeof LogActivity>> => {
  const { random } = world;
  switch (kind) {
    case 'call':
      return {
        call: {
          direction: random.chance(0.7) ? 'outbound' : 'inbound',
          durationSeconds: random.int(20, 1800),
          outcome: random.pick(OUTCOMES),
        },
      };
    case 'email':
      return { emailSubject: random.pick(SUBJECTS) };
    case 'visit': {
      // Somewhere around Milan; the site is where the customer's address geocodes to.
      const site = { latitude: 45.46 + random.int(-500, 500) / 10_000, longitude: 9.19 };
      const away = random.chance(0.8) ? random.int(0, 30) : random.int(300, 3000);
      return {
        checkIn: {
          at: world.now(),
          placeName: 'Customer site',
          coordinates: { latitude: site.latitude + away / 111_000, longitude: site.longitude },
          siteCoordinates: site,
        },
      };
    }
    case 'note':
      return { notes: 'Prefers to be called in the morning' };
    case 'meeting':
    case 'message':
      return {};
  }
};

/** One activity with one customer (about an open deal a third of the time). */
const logOne = async (world: HistoryWorld, services: EngagementServices): Promise<void> => {
  const { random } = world;
  // A third of the time about an open deal (and its customer), else about any customer.
  const deal =
    world.dealPools.open.size > 0 && random.chance(0.33)
      ? world.dealPools.open.pick(random)
      : undefined;
  const customerId = deal?.customerId ?? random.pick(world.customers);
  const ownerId = await ownerOf(world, customerId);
  if (ownerId === undefined) return;
  const kind = random.weighted(KINDS);
  world.record(
    'logActivity',
    await services.activities.send(
      {
        kind: 'LogActivity',
        activityId: random.uuid(),
        activityKind: kind,
        on: [
          { type: 'customer', id: customerId },
          ...(deal === undefined ? [] : [{ type: 'opportunity' as const, id: deal.opportunityId }]),
        ],
        ownerId,
        at: world.now(),
        ...(kind === 'note' ? {} : { contactName: personName(random) }),
        ...detailsOf(world, kind),
      },
      world.context(ownerId),
    ),
  );
};

/**
 * Reps log calls, emails, meetings, visits, messages and notes with their customers: one to four
 * in a step, so a year of history holds the thousands of contacts a sales floor makes.
 */
export const logActivityStep = (services: EngagementServices): HistoryStep => ({
  name: 'logActivity',
  weight: (world) => (world.customers.length > 0 ? 4 : 0),
  run: async (world) => {
    const count = world.random.int(1, 4);
    for (let logged = 0; logged < count; logged += 1) await logOne(world, services);
  },
});
