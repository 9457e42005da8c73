import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import {
  type BusinessCalendar,
  type SlaPolicy,
  TicketEvent,
  type TicketSla,
  type TimedTicketEvent,
  standardSlaPolicy,
  ticketSla,
} from '@clientele/domain';
import { type DurationSummary, summarizeDurations } from '../../definitions/percentiles.js';
import { type Ratio, ratio } from '../../definitions/ratio.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { TicketDocument } from './ticketDocument.js';

/** Options of {@link serviceReport}. */
export interface ServiceOptions {
  /** The instant SLAs are measured at (an open ticket past its due time is a breach). */
  readonly asOf: string;
  /** The tenant's business hours. */
  readonly calendar: BusinessCalendar;
  /** SLA targets; defaults to the domain's standard policy. */
  readonly policy?: SlaPolicy;
}

/** The service desk's figures. */
export interface ServiceReport {
  /** Tickets by current status and priority. */
  readonly tickets: readonly {
    readonly status: string;
    readonly priority: string;
    readonly count: number;
  }[];
  readonly firstResponseBreaches: number;
  readonly resolutionBreaches: number;
  /** Tickets that breached any target ÷ tickets measured. */
  readonly breachRate: Ratio;
  /** Business minutes to the first response, of tickets answered. */
  readonly firstResponseMinutes: DurationSummary;
  /** Business minutes to the first resolution, of tickets resolved. */
  readonly resolutionMinutes: DurationSummary;
  /** Satisfaction scores (1–5). */
  readonly satisfaction: DurationSummary;
}

const timedEvents = (doc: TicketDocument): TimedTicketEvent[] =>
  doc.events.map((stored) => {
    const event = TicketEvent.decode({ type: stored.type, data: stored.data });
    if (event._tag === 'Left')
      throw new Error(`stored event ${stored.eventId} of ticket ${doc.ticketId} does not decode`);
    return { event: event.right, occurredAt: stored.occurredAt, eventId: stored.eventId };
  });

/** The SLA figures of the tickets measured so far. */
interface SlaTally {
  measured: number;
  breached: number;
  firstResponseBreaches: number;
  resolutionBreaches: number;
  /** Business minutes to the first response, of the tickets that had one. */
  readonly firstResponse: number[];
  /** Business minutes to the first resolution, of the tickets resolved. */
  readonly resolution: number[];
}

const addSla = (tally: SlaTally, sla: TicketSla): void => {
  tally.measured += 1;
  const resolutionBreached = sla.resolutions.some((r) => r.breached);
  if (sla.firstResponse.breached) tally.firstResponseBreaches += 1;
  if (resolutionBreached) tally.resolutionBreaches += 1;
  if (sla.firstResponse.breached || resolutionBreached) tally.breached += 1;
  if (sla.firstResponse.metAt !== null) tally.firstResponse.push(sla.firstResponse.businessMinutes);
  const firstResolution = sla.resolutions[0];
  if (firstResolution?.metAt != null) tally.resolution.push(firstResolution.businessMinutes);
};

/**
 * Tickets by status and priority, SLA breaches measured by the ticket domain's own SLA functions
 * in business time, first-response and resolution times (mean and median), and satisfaction.
 * It needs `Ticket.read` (support, auditors, administrators); a role without it is refused.
 */
export const serviceReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ServiceOptions,
): Promise<E.Either<ReadRefusal, ServiceReport>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Ticket.read');
    if (E.isLeft(scope)) return scope;
    const counts = new Map<string, number>();
    const satisfaction: number[] = [];
    const slas: SlaTally = {
      measured: 0,
      breached: 0,
      firstResponseBreaches: 0,
      resolutionBreaches: 0,
      firstResponse: [],
      resolution: [],
    };
    for await (const { doc } of activeDocuments(readModels, 'tickets', TicketDocument)) {
      // Tickets belong to support, not to a rep: reading one takes `any` scope.
      if (!inReadScope(scope.right, null)) continue;
      const key = `${doc.status}\u0000${doc.priority}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      satisfaction.push(...doc.satisfaction);
      const sla = ticketSla(
        timedEvents(doc),
        options.policy ?? standardSlaPolicy,
        options.calendar,
        options.asOf,
      );
      if (sla !== undefined) addSla(slas, sla);
    }
    return E.right({
      tickets: [...counts.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, count]) => {
          const [status, priority] = key.split('\u0000') as [string, string];
          return { status, priority, count };
        }),
      firstResponseBreaches: slas.firstResponseBreaches,
      resolutionBreaches: slas.resolutionBreaches,
      breachRate: ratio(slas.breached, slas.measured),
      firstResponseMinutes: summarizeDurations(slas.firstResponse),
      resolutionMinutes: summarizeDurations(slas.resolution),
      satisfaction: summarizeDurations(satisfaction),
    });
  });
