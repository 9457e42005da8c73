import * as E from 'fp-ts/lib/Either.js';
import type { CustomersExported } from '@clientele/domain';
import { type ReadRefusal, answerUnbuilt } from '../store/projectionNotBuilt.js';
import { CustomerExportEvent, inReadScope, decodeStoredEvent } from '@clientele/domain';
import type { EventStore } from '@clientele/eventstore';
import { formatValidationErrors } from '@clientele/eventstore';
import type { ReadAccess } from '../access/readAccess.js';

/** One bulk export as the history shows it: who, when, and what it recorded. */
export interface ExportRecord extends Readonly<CustomersExported['data']> {
  readonly actor: { readonly id: string; readonly role: string };
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/**
 * Every bulk export of customer data in the log, oldest first, as `CustomerExport.read` allows:
 * a rep their own exports, a manager their team's, an auditor or administrator all of them. The
 * owner of an export is the actor who made it, so a departing rep's export is visible to their
 * manager. A role without `CustomerExport.read` is refused.
 */
export const customerExports = async (
  events: EventStore,
  access: ReadAccess,
): Promise<E.Either<ReadRefusal, ExportRecord[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('CustomerExport.read');
    if (E.isLeft(scope)) return scope;
    const records: ExportRecord[] = [];
    for await (const event of events.readAll({
      filter: { streamNamePrefixes: ['CustomerExport-'] },
    })) {
      const { actor } = event.metadata;
      if (!inReadScope(scope.right, actor.id)) continue;
      const decoded = decodeStoredEvent(CustomerExportEvent, event);
      if (E.isLeft(decoded))
        throw new Error(
          `event ${event.eventId} at ${event.streamName} does not decode: ${formatValidationErrors(decoded.left).join('; ')}`,
        );
      records.push({
        ...decoded.right.data,
        actor,
        occurredAt: event.metadata.occurredAt,
        recordedAt: event.recordedAt,
      });
    }
    return E.right(records);
  });
