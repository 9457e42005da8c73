import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, CommandContext } from '@clientele/eventstore';
import type { ActivityService, CalendarService, TaskService } from '@clientele/domain';
import {
  createActivityService,
  createCalendarService,
  createTaskService,
  engagementAuthorizers,
  noTeams,
  withDepartures,
} from '@clientele/domain';
import { tenantAccessRules, today } from '../store/tenantAccessRules.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { openExistingStore, storeUrl } from '../store/openStore.js';
import { protectedStore } from '../store/protectedStore.js';

/** The entry points of activities, tasks and appointments over an opened store. */
export interface EngagementEntry {
  readonly activities: ActivityService;
  readonly tasks: TaskService;
  readonly calendar: CalendarService;
  close(): Promise<void>;
}

/**
 * Opens the store (personal fields encrypted per person, as apps write them) with the activity,
 * task and calendar entry points, each checked against the tenant's role policy from the log
 * (custom roles included) and its departures; or prints why not.
 */
export const openEngagement = async (
  commandName: string,
  values: Readonly<Record<string, string | boolean | undefined>>,
  io: CliIo,
): Promise<E.Either<ExitCode, EngagementEntry>> => {
  const opened = await openExistingStore(storeUrl(values['store'], io.env), io.cwd);
  if (E.isLeft(opened)) {
    io.stderr(`clientele ${commandName}: ${opened.left}\n`);
    return E.left(ExitCode.storeUnavailable);
  }
  const stack = protectedStore(opened.right);
  if (E.isLeft(stack)) {
    io.stderr(`clientele ${commandName}: ${stack.left}\n`);
    await opened.right.store.close();
    return E.left(ExitCode.storeUnavailable);
  }
  const { store } = stack.right;
  // The tenant's roles as its log defines them, and its departures: a role granted or revoked,
  // or a rep who left, applies to the next activity, task or appointment.
  const { policy, departures } = await tenantAccessRules(store, io.env);
  const authorizers = engagementAuthorizers(policy, withDepartures(noTeams, departures, today()));
  return E.right({
    activities: createActivityService(store, { authorize: authorizers.activity }),
    tasks: createTaskService(store, { authorize: authorizers.task }),
    calendar: createCalendarService(store, { authorize: authorizers.appointment }),
    close: () => stack.right.close(),
  });
};

/** A context for one command of `actor`, now. */
export const commandContext = (actor: Actor): CommandContext => ({
  commandId: uuidv7(),
  actor,
  occurredAt: new Date().toISOString(),
});

/** What an entry point's refusal looks like, whatever the aggregate. */
type Refusal =
  | { readonly kind: 'InvalidCommand'; readonly problems: readonly string[] }
  | {
      readonly kind: 'Forbidden';
      readonly denial: { permission: string; reason: string; actorId: string; role: string };
    }
  | { readonly kind: string };

/**
 * Prints why a command appended nothing and returns the exit code: bad input is a usage error
 * (2) naming each wrong field, a denial is refused (4), a business rule is a failure (1).
 */
export const reportRefusal = (commandName: string, refusal: Refusal, io: CliIo): ExitCode => {
  if (refusal.kind === 'InvalidCommand' && 'problems' in refusal) {
    io.stderr(
      `clientele ${commandName}: nothing was written:\n  ${refusal.problems.join('\n  ')}\n`,
    );
    return ExitCode.usage;
  }
  if (refusal.kind === 'Forbidden' && 'denial' in refusal) {
    const { denial } = refusal;
    io.stderr(
      `clientele ${commandName}: refused: ${denial.actorId} (${denial.role}) lacks ${denial.permission}: ${denial.reason}\n`,
    );
    return ExitCode.forbidden;
  }
  io.stderr(`clientele ${commandName}: refused: ${JSON.stringify(refusal)}\n`);
  return ExitCode.failed;
};

/** Parses `type:id` (`customer:c-1`) into a record link, or says what is wrong. */
export const parseRecordLink = (
  text: string,
): E.Either<string, { readonly type: string; readonly id: string }> => {
  const colon = text.indexOf(':');
  return colon <= 0 || colon === text.length - 1
    ? E.left(
        `"${text}" is not TYPE:ID, e.g. customer:c-1 (customer, contact, lead, opportunity, ticket)`,
      )
    : E.right({ type: text.slice(0, colon), id: text.slice(colon + 1) });
};
