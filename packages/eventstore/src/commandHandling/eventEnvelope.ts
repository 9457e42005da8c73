import type { EventToAppend } from '../envelope/envelope.js';
import type { UpcasterRegistry } from '../upcasting/upcasterRegistry.js';
import type { CommandContext } from './commandContext.js';
import type { DomainEvent } from './decider.js';

/**
 * The envelope a decided (and encoded) event is appended in: a fresh id, and metadata from the
 * command's context; the schema version is the upcaster chain's current one for the type.
 */
export const eventEnvelope = (
  encoded: DomainEvent,
  context: CommandContext,
  eventId: string,
  upcasters: UpcasterRegistry | undefined,
): EventToAppend => ({
  type: encoded.type,
  data: encoded.data,
  eventId,
  metadata: {
    occurredAt: context.occurredAt,
    actor: context.actor,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.causationId ?? null,
    commandId: context.commandId,
    schemaVersion: upcasters?.currentVersion(encoded.type) ?? 1,
    ...(context.tenantId === undefined ? {} : { tenantId: context.tenantId }),
    ...(context.how === undefined ? {} : { how: context.how }),
  },
});
