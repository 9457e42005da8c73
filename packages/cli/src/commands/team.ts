import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import type { AccountTeamService } from '@clientele/domain';
import {
  accountTeamAuthorizer,
  accountTeamDirectoryOf,
  createAccountTeamService,
  defaultRolePolicy,
  noTeams,
} from '@clientele/domain';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { commandContext, parseRecordLink, reportRefusal } from '../engagement/openEngagement.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { openExistingStore, storeUrl } from '../store/openStore.js';
import { protectedStore } from '../store/protectedStore.js';

const HELP = `Usage: clientele team add --on TYPE:ID --member ID --role ROLE [--store URL] [--actor ID:ROLE]
       clientele team remove --on TYPE:ID --member ID [--store URL] [--actor ID:ROLE]

Puts a user on a deal's or an account's team in a role (or changes their role), or takes them
off it. Team members then read and change the record as the team-role policy grants their role.
Adding the same role again changes nothing; removing someone not on the team is refused.

  --on TYPE:ID   the deal (opportunity:ID) or the account (customer:ID)
  --member ID    the user
  --role ROLE    owner, sales_engineer, executive_sponsor or support
  --store URL    the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

type Values = Readonly<Record<string, string | boolean | undefined>>;
const text = (values: Values, option: string): string | undefined =>
  typeof values[option] === 'string' ? values[option] : undefined;

/**
 * The team entry point over an opened store. Who may change a team is decided by the role policy
 * and by the team itself as it stands (a member whose team role grants it), read from the state
 * the command is decided against.
 */
const teamService = (store: Parameters<typeof createAccountTeamService>[0]): AccountTeamService =>
  createAccountTeamService(store, {
    authorize: (command, state, context) =>
      accountTeamAuthorizer(
        defaultRolePolicy,
        noTeams,
        accountTeamDirectoryOf([
          { recordType: command.recordType, recordId: command.recordId, team: state },
        ]),
      )(command, state, context),
  });

const change = async (
  service: AccountTeamService,
  { action, values }: { readonly action: string; readonly values: Values },
  actor: Actor,
  io: CliIo,
): Promise<ExitCode> => {
  const on = parseRecordLink(text(values, 'on') ?? '');
  if (E.isLeft(on)) {
    io.stderr(`clientele team: --on ${on.left}\n`);
    return ExitCode.usage;
  }
  const record = {
    recordType: on.right.type,
    recordId: on.right.id,
    memberId: text(values, 'member'),
  };
  const result = await service.handle(
    action === 'add'
      ? { kind: 'AddTeamMember', ...record, teamRole: text(values, 'role') }
      : { kind: 'RemoveTeamMember', ...record },
    commandContext(actor),
  );
  if (E.isLeft(result)) return reportRefusal('team', result.left, io);
  const { memberId } = record;
  const role = result.right.state.members[memberId ?? ''];
  io.stdout(
    role === undefined
      ? `${memberId ?? ''} is off the team of ${on.right.type}:${on.right.id}\n`
      : `${memberId ?? ''} is on the team of ${on.right.type}:${on.right.id} as ${role}\n`,
  );
  return ExitCode.ok;
};

/** `clientele team add|remove`: deal and account team members from the command line. */
export const teamCommand: CliCommand = {
  name: 'team',
  summary: 'add a member to a deal’s or an account’s team in a role, or remove one',
  help: HELP,
  options: {
    store: { type: 'string' },
    on: { type: 'string' },
    member: { type: 'string' },
    role: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('team', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const [action] = positionals;
    if (positionals.length !== 1 || (action !== 'add' && action !== 'remove')) {
      io.stderr(
        'clientele team: use "team add --on TYPE:ID --member ID --role ROLE" or "team remove --on TYPE:ID --member ID"\n',
      );
      return ExitCode.usage;
    }
    const opened = await openExistingStore(storeUrl(values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele team: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const stack = protectedStore(opened.right);
    if (E.isLeft(stack)) {
      io.stderr(`clientele team: ${stack.left}\n`);
      await opened.right.store.close();
      return ExitCode.storeUnavailable;
    }
    try {
      return await change(teamService(stack.right.store), { action, values }, actor.right, io);
    } finally {
      await stack.right.close();
    }
  },
};
