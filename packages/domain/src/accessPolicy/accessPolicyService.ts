import type { CommandAuthorizer, EventStore, RecordedEvent } from '@clientele/eventstore';
import { DecodeError, createCommandHandler, streamName } from '@clientele/eventstore';
import type { RolePolicy } from '../authorization/roles.js';
import type { CommandEntry } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { AccessPolicyCommandInput } from './commands.js';
import { AccessPolicyCommand } from './commands.js';
import { accessPolicyDecider } from './decide.js';
import type { AccessPolicyError } from './errors.js';
import { AccessPolicyEvent } from './events.js';
import type { AccessPolicyState } from './state.js';
import { evolveAccessPolicy, initialAccessPolicyState, rolePolicyOf } from './state.js';

/** Options of {@link createAccessPolicyService}. */
export interface AccessPolicyServiceOptions {
  /** Who may change roles: give it `accessPolicyAuthorizer()`. */
  readonly authorize: CommandAuthorizer<AccessPolicyCommand, AccessPolicyState>;
  /** Event id generator; defaults to uuid v7. */
  readonly newEventId?: () => string;
}

/** A tenant's roles and permissions as its log holds them. */
export interface AccessPolicyService extends CommandEntry<
  AccessPolicyEvent,
  AccessPolicyState,
  AccessPolicyError,
  AccessPolicyCommandInput
> {
  load(tenantId: string): Promise<AccessPolicyState>;
  /**
   * The tenant's role policy now: the built-in defaults with its changes applied. Load it for
   * every command and read (or after every change) so a change applies to what follows it.
   */
  rolePolicy(tenantId: string): Promise<RolePolicy>;
}

/** The stream of a tenant's roles and permissions. */
export const accessPolicyStream = (tenantId: string): string =>
  streamName('AccessPolicy', tenantId);

/** The typed entry point of the AccessPolicy aggregate: decodes input, authorizes, records. */
export const createAccessPolicyService = (
  store: EventStore,
  options: AccessPolicyServiceOptions,
): AccessPolicyService => {
  const handler = createCommandHandler({
    store,
    decider: accessPolicyDecider,
    eventCodec: AccessPolicyEvent,
    streamName: (command) => accessPolicyStream(command.tenantId),
    authorize: options.authorize,
    newEventId: options.newEventId,
  });
  const load = async (tenantId: string) => (await handler.load(accessPolicyStream(tenantId))).state;
  return {
    ...createCommandEntry(AccessPolicyCommand, handler),
    load,
    rolePolicy: async (tenantId) => rolePolicyOf(await load(tenantId)),
  };
};

/** One change of a tenant's roles as the log holds it: the event, and who recorded it when. */
export interface AccessPolicyChange {
  readonly event: AccessPolicyEvent;
  /** The stored envelope: `metadata.actor` is who changed the role, `recordedAt` when. */
  readonly recorded: RecordedEvent;
}

/**
 * Every change of a tenant's roles in log order, decoded (a stored event that does not decode
 * throws a `DecodeError` naming it): the timeline of who changed which role.
 */
export async function* accessPolicyChanges(
  store: EventStore,
  tenantId: string,
): AsyncIterable<AccessPolicyChange> {
  for await (const recorded of store.readStream(accessPolicyStream(tenantId))) {
    const decoded = AccessPolicyEvent.decode({ type: recorded.type, data: recorded.data });
    if (decoded._tag === 'Left')
      throw new DecodeError(
        `stored event ${recorded.type} of ${recorded.streamName}`,
        decoded.left,
      );
    yield { event: decoded.right, recorded };
  }
}

/**
 * A tenant's role policy as its log holds it now, read without an entry point: what every read
 * and command of the tenant is checked against (the built-in defaults when nothing changed).
 */
export const tenantRolePolicy = async (
  store: EventStore,
  tenantId: string,
): Promise<RolePolicy> => {
  let state = initialAccessPolicyState;
  for await (const { event } of accessPolicyChanges(store, tenantId))
    state = evolveAccessPolicy(state, event);
  return rolePolicyOf(state);
};
