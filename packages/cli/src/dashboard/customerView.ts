import * as E from 'fp-ts/lib/Either.js';
import type { AsOf } from '@clientele/eventstore';
import type { ReadRefusal } from '@clientele/projections';
import { customerStateAsOf, customerTimeline } from '@clientele/projections';
import type { CustomerView } from '@clientele/dashboard';
import type { ReportContext } from '../reports/reportSection.js';

/**
 * The instant a page's "as of" means: a day is the end of that day, a time without an offset is
 * UTC (the control says so); undefined when it is not a moment.
 */
export const asOfInstant = (text: string): string | undefined => {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T23:59:59.999Z`
    : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? `${text}Z`
      : text;
  return /T/.test(value) && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : undefined;
};

/**
 * A customer's timeline and state as `clientele audit customer` reads them: now, as known at a
 * moment (recorded by then), or, with `effective`, as effective at it (happened by then, as
 * known today). Events of streams the actor may not read are left out and counted.
 */
export const customerView = async (
  { readModels, events, access }: ReportContext,
  customerId: string,
  asOf: { readonly at: string; readonly effective: boolean } | undefined,
): Promise<E.Either<ReadRefusal, CustomerView>> => {
  const moment: AsOf | undefined =
    asOf === undefined
      ? undefined
      : asOf.effective
        ? { effectiveAt: asOf.at }
        : { knownAt: asOf.at };
  const read = await customerTimeline({ readModels, events }, access, customerId, moment);
  if (E.isLeft(read)) return read;
  const state = await customerStateAsOf(
    { readModels, events },
    access,
    customerId,
    moment ?? { knownAt: new Date().toISOString() },
  );
  if (E.isLeft(state)) return state;
  return E.right({
    customerId,
    asOf: asOf ?? null,
    timeline: read.right.entries.map((entry) => ({
      position: entry.position,
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      streamName: entry.streamName,
      type: entry.type,
      actor: `${entry.actor.id} (${entry.actor.role})`,
    })),
    state: state.right,
    withheld: read.right.withheld,
  });
};
