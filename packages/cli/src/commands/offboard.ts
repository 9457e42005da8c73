import * as E from 'fp-ts/lib/Either.js';
import { DateOnly, ReassignmentPolicy } from '@clientele/domain';
import type { OffboardingError, Reassignment } from '@clientele/domain';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';
import type { CliCommand, CommandInput } from '../command.js';
import { reportRefusal } from '../engagement/openEngagement.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import type { DepartureRequest, OffboardFailure } from '../offboarding/offboardRep.js';
import { offboardRep } from '../offboarding/offboardRep.js';
import { leaverCommissionPeriods } from '../offboarding/leaverCommission.js';
import { openExistingStore, storeUrl } from '../store/openStore.js';
import { openProtectedStore } from '../store/protectedStore.js';

const HELP = `Usage: clientele offboard <repId> --organization ID --notice DATE --effective DATE
                         [--reassign manager|round-robin] [--store URL] [--actor ID:ROLE]

Records that a rep leaves, and hands their records over at once: their customers, open leads,
open deals, open tasks and coming appointments go to their team's manager (--reassign manager,
the default) or to their teammates in turn (--reassign round-robin, by id), as the sales
organization had them on the notice date. Each hand-over is recorded (RecordReassigned, and the
record's own change of owner). From the effective date on, every command and read of the rep is
refused, naming the day; the anomaly reactor flags their reads from the notice date on. Prints one
line per record handed over: kind, id, new owner. Then one line per commission period of the rep
that the departure reaches: "commission", the period, and its plan's rule for leavers, which the
commission accrual applies to payments collected from the effective date on: keep (paid as
before), prorate (paid the share of the period's days worked) or forfeit (nothing; withheld
commission goes to nobody). Needs Offboarding.OffboardRep (administrators). Running it again for
the same rep is refused and changes nothing.

  --organization ID   the sales organization the rep belongs to
  --notice DATE       the day the rep gave notice (YYYY-MM-DD)
  --effective DATE    the first day they no longer work here: their access ends then
  --reassign POLICY   manager (default) or round-robin
  --store URL         the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

const POLICIES: Readonly<Record<string, ReassignmentPolicy>> = {
  manager: 'manager',
  'round-robin': 'roundRobin',
};

const text = (input: CommandInput, option: string): string | undefined =>
  typeof input.values[option] === 'string' ? input.values[option] : undefined;

/** The departure the command line asks for, or what is wrong with it. */
const parseRequest = (input: CommandInput): E.Either<string, DepartureRequest> => {
  const [repId, ...rest] = input.positionals;
  if (repId === undefined || rest.length > 0) return E.left('give exactly one rep id');
  const organizationId = text(input, 'organization');
  if (organizationId === undefined) return E.left('--organization is required');
  const notice = text(input, 'notice');
  const effective = text(input, 'effective');
  if (!DateOnly.is(notice))
    return E.left(`--notice must be a date, YYYY-MM-DD, got ${notice ?? 'nothing'}`);
  if (!DateOnly.is(effective))
    return E.left(`--effective must be a date, YYYY-MM-DD, got ${effective ?? 'nothing'}`);
  const policy = POLICIES[text(input, 'reassign') ?? 'manager'];
  if (policy === undefined || !ReassignmentPolicy.is(policy))
    return E.left('--reassign must be manager or round-robin');
  return E.right({ repId, organizationId, noticeGivenOn: notice, leavesOn: effective, policy });
};

/** A rule of the departure that refused it, said as a sentence; undefined for other refusals. */
const ruleMessage = (failure: OffboardFailure): string | undefined => {
  if (!('repId' in failure) && failure.kind !== 'LeavesBeforeNotice') return undefined;
  const f = failure as OffboardingError;
  switch (f.kind) {
    case 'AlreadyOffboarded':
      return `${f.repId} is already leaving, on ${f.leavesOn}`;
    case 'NoSuccessor':
      return `nobody to hand ${f.repId}'s records to: ${f.reason}`;
    case 'LeavesBeforeNotice':
      return `--effective ${f.leavesOn} is before --notice ${f.noticeGivenOn}`;
    case 'NotOffboarded':
    case 'NotASuccessor':
      return undefined;
  }
};

const printReassignments = (reassignments: readonly Reassignment[], io: CliIo): void => {
  if (reassignments.length === 0) io.stdout('nothing to hand over\n');
  for (const { recordType, recordId, toOwnerId } of reassignments)
    io.stdout(`${recordType}\t${recordId}\t${toOwnerId}\n`);
};

/** `clientele offboard`: a rep leaves; their records go to successors, their access ends. */
export const offboardCommand: CliCommand = {
  name: 'offboard',
  summary: 'record that a rep leaves: hand over their records, end their access',
  help: HELP,
  options: {
    store: { type: 'string' },
    organization: { type: 'string' },
    notice: { type: 'string' },
    effective: { type: 'string' },
    reassign: { type: 'string' },
    ...actorOption,
  },
  run: async (input, io) => {
    const actor = await commandActor('offboard', input, io);
    if (E.isLeft(actor)) return actor.left;
    const request = parseRequest(input);
    if (E.isLeft(request)) {
      io.stderr(
        `clientele offboard: ${request.left}\nRun "clientele offboard --help" for the options.\n`,
      );
      return ExitCode.usage;
    }
    const opened = await openProtectedStore(
      openExistingStore(storeUrl(input.values['store'], io.env), io.cwd),
    );
    if (E.isLeft(opened)) {
      io.stderr(`clientele offboard: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const { stack } = opened.right;
    try {
      const rules = await tenantAccessRules(stack.store, io.env);
      const done = await offboardRep(stack.store, request.right, actor.right, {
        rules,
        env: io.env,
      });
      if (E.isLeft(done)) {
        const rule = ruleMessage(done.left);
        if (rule === undefined) return reportRefusal('offboard', done.left, io);
        io.stderr(`clientele offboard: refused, nothing was written: ${rule}\n`);
        return ExitCode.failed;
      }
      printReassignments(done.right, io);
      const { repId, leavesOn } = request.right;
      for (const { period, rule } of await leaverCommissionPeriods(
        stack.store,
        repId,
        leavesOn,
        rules.policy,
      ))
        io.stdout(`commission\t${period}\t${rule}\n`);
      return ExitCode.ok;
    } finally {
      await stack.close();
    }
  },
};
