import type { CommandContext } from '@clientele/eventstore';
import { v7 as uuidv7 } from 'uuid';

/**
 * A context for a command sent by a test or a demo: a fresh command id, a sales rep as actor, and
 * the given business time.
 */
export const testContext = (
  occurredAt = '2026-03-03T09:00:00.000Z',
  actor: { id: string; role: string } = { id: 'rep-1', role: 'sales_rep' },
): CommandContext => ({ commandId: uuidv7(), actor, occurredAt });
