import type { CommandContext } from '@clientele/eventstore';
import { v5 as uuidv5 } from 'uuid';
import type { DateOnly } from '../../shared/dates.js';
import { formatZoned, zonedInstant } from '../../sla/zonedTime.js';
import { MAVEN_NAMESPACE } from './mavenIds.js';

/** Who a Maven command is sent as: the import itself for set-up, the agent for deals. */
export interface MavenActor {
  readonly id: string;
  readonly role: string;
}

/** The importer's own actor, for the set-up of offices, teams and accounts. */
export const MAVEN_IMPORT_ACTOR: MavenActor = { id: 'maven-import', role: 'sales_operations' };

/**
 * The context of a Maven command: its id derives from `key` (so the same row always sends the
 * same id and a re-import is recognised as a duplicate), its business time is the start of `day`
 * in UTC (the file's dates carry no zone).
 */
export const mavenContext = (
  key: string,
  day: string,
  actor: MavenActor,
  tenantId: string | undefined,
): CommandContext => ({
  commandId: uuidv5(key, MAVEN_NAMESPACE),
  actor,
  occurredAt: formatZoned(zonedInstant(day as DateOnly, 0, 'UTC'), 'UTC'),
  tenantId,
});
