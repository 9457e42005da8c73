import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '@clientele/eventstore';

/** An event as the child processes append it: fresh ids, metadata as a command handler writes it. */
export const childEvent = (type: string, data: unknown): EventToAppend => ({
  type,
  data,
  eventId: uuidv7(),
  metadata: {
    occurredAt: new Date().toISOString(),
    actor: { id: `process-${process.pid}`, role: 'system' },
    correlationId: 'child-process-test',
    causationId: null,
    commandId: uuidv7(),
    schemaVersion: 1,
  },
});
