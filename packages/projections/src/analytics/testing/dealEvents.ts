import type { OpportunityEvent } from '@clientele/domain';
import { DEFAULT_B2B_PIPELINE, OpportunityEvent as OpportunityEventCodec } from '@clientele/domain';
import type { DatedEvent } from '../history/datedEvents.js';

const decoded = (value: unknown): OpportunityEvent => {
  const result = OpportunityEventCodec.decode(value);
  if (result._tag === 'Left') throw new Error(`not an Opportunity event: ${JSON.stringify(value)}`);
  return result.right;
};

/** Dated Opportunity events for specs, in EUR on the default B2B pipeline, written by day. */
export const dealEvents = {
  opened: (
    day: string,
    id: string,
    euros: number,
    deal: { readonly stageId?: string; readonly ownerId?: string } = {},
  ): DatedEvent<OpportunityEvent> => {
    const stageId = deal.stageId ?? 'proposal';
    const ownerId = deal.ownerId ?? 'rep-1';
    const stage = DEFAULT_B2B_PIPELINE.stages.find((s) => s.stageId === stageId);
    return {
      day,
      event: decoded({
        type: 'OpportunityOpened',
        data: {
          opportunityId: id,
          name: id,
          ownerId,
          amount: { amountMinor: euros * 100, currency: 'EUR' },
          expectedCloseOn: day,
          pipeline: DEFAULT_B2B_PIPELINE,
          stageId,
          probabilityBps: stage?.probabilityBps ?? 0,
          forecastCategory: stage?.forecastCategory ?? 'pipeline',
        },
      }),
    };
  },
  won: (
    day: string,
    id: string,
    euros: number,
    ownerId = 'rep-1',
  ): DatedEvent<OpportunityEvent> => ({
    day,
    event: decoded({
      type: 'OpportunityWon',
      data: {
        opportunityId: id,
        stageId: 'closedWon',
        amount: { amountMinor: euros * 100, currency: 'EUR' },
        wonOn: day,
        ownerId,
      },
    }),
  }),
  lost: (day: string, id: string, ownerId = 'rep-1'): DatedEvent<OpportunityEvent> => ({
    day,
    event: decoded({
      type: 'OpportunityLost',
      data: { opportunityId: id, stageId: 'closedLost', lostOn: day, ownerId },
    }),
  }),
};

/**
 * A history a win model can learn from: twelve deals opened in January, a third lost on 10
 * February and the rest won on 20 February, and one deal opened on 1 March and still open.
 */
export const twelveClosedDealsAndAnOpenOne: readonly DatedEvent<OpportunityEvent>[] = [
  ...Array.from({ length: 12 }, (_, i) => [
    dealEvents.opened('2026-01-05', `d${String(i)}`, 1_000 + i * 100, {
      ownerId: i % 2 === 0 ? 'rep-ann' : 'rep-bob',
    }),
    i % 3 === 0
      ? dealEvents.lost('2026-02-10', `d${String(i)}`)
      : dealEvents.won('2026-02-20', `d${String(i)}`, 900),
  ]).flat(),
  dealEvents.opened('2026-03-01', 'open-1', 2_000, { ownerId: 'rep-ann' }),
];
