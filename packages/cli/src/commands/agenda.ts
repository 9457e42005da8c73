import * as E from 'fp-ts/lib/Either.js';
import type { AgendaItem, RepAgenda } from '@clientele/projections';
import { inReadScope } from '@clientele/domain';
import { customerNames, repAgenda } from '@clientele/projections';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { formatTable } from '../output/table.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';
import { caughtUpReadAccess } from '../store/caughtUpReadAccess.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';

const HELP = `Usage: clientele agenda [--rep ID] [--time-zone ZONE] [--now INSTANT] [--days N] [--format table|json] [--store URL] [--actor ID:ROLE]

A rep's agenda: open tasks overdue, today's tasks and appointments, and the upcoming ones, with
days cut in the rep's own time zone (a day is 23 or 25 hours on a daylight-saving change). The
agenda of another rep needs Task.read over them (a manager's team, an administrator).

  --rep ID          whose agenda (default: the actor)
  --time-zone ZONE  the rep's IANA zone (default UTC), e.g. Europe/Rome
  --now INSTANT     the moment "today" is taken at (default: now)
  --days N          how many days "upcoming" reaches (default 7)
  --format F        table (default) or json
  --store URL       the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

const isZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** What an item is about, by name when it is a customer the actor may read. */
const aboutOf = (item: AgendaItem, names: ReadonlyMap<string, string>): string | null => {
  if (item.link === null) return null;
  const name = item.link.type === 'customer' ? names.get(item.link.id) : undefined;
  return name ?? `${item.link.type}:${item.link.id}`;
};

const rowsOf = (
  section: string,
  items: readonly AgendaItem[],
  names: ReadonlyMap<string, string>,
) =>
  items.map((item) => [
    section,
    item.kind,
    item.at,
    item.until,
    item.title,
    item.priority,
    aboutOf(item, names),
    item.remindersDue.length === 0 ? null : item.remindersDue.length,
  ]);

const actorOf = (actor: { readonly id: string; readonly role: string }) => ({
  actorId: actor.id,
  role: actor.role,
});

/** What `clientele agenda` was asked, checked: every wrong option named at once. */
const agendaRequest = (values: Readonly<Record<string, string | boolean | undefined>>) => {
  const option = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const timeZone = option('time-zone') ?? 'UTC';
  const now = option('now') ?? new Date().toISOString();
  const days = Number(option('days') ?? '7');
  const format = option('format') ?? 'table';
  const problems = [
    isZone(timeZone) ? undefined : `--time-zone "${timeZone}" is not a time zone`,
    Number.isNaN(Date.parse(now)) ? `--now "${now}" is not an instant` : undefined,
    Number.isInteger(days) && days >= 0 ? undefined : '--days takes a whole number',
    format === 'table' || format === 'json' ? undefined : '--format is table or json',
  ].filter((problem) => problem !== undefined);
  return problems.length > 0
    ? E.left(problems.join('; '))
    : E.right({ timeZone, now, days, format, repId: option('rep') });
};

/** The agenda as a table: one row per item, its section first. */
const agendaTable = (agenda: RepAgenda, names: ReadonlyMap<string, string>): string =>
  formatTable(
    ['when', 'kind', 'at', 'until', 'title', 'priority', 'about', 'reminders'],
    [
      ...rowsOf('overdue', agenda.overdue, names),
      ...rowsOf('today', agenda.todayItems, names),
      ...rowsOf('upcoming', agenda.upcoming, names),
    ],
  );

/** `clientele agenda`: what a rep has to do today, what is overdue and what comes next. */
export const agendaCommand: CliCommand = {
  name: 'agenda',
  summary: "a rep's agenda: overdue tasks, today's tasks and appointments, what comes next",
  help: HELP,
  options: {
    store: { type: 'string' },
    rep: { type: 'string' },
    'time-zone': { type: 'string' },
    now: { type: 'string' },
    days: { type: 'string' },
    format: { type: 'string' },
    ...actorOption,
  },
  run: async ({ values }, io) => {
    const actor = await commandActor('agenda', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const request = agendaRequest(values);
    if (E.isLeft(request)) {
      io.stderr(`clientele agenda: ${request.left}\n`);
      return ExitCode.usage;
    }
    const { timeZone, now, days, format } = request.right;
    const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele agenda: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const readSide = opened.right;
    try {
      await readSide.runner.catchUp();
      const repId = request.right.repId ?? actor.right.id;
      const access = await caughtUpReadAccess(
        readSide.readModels,
        actor.right,
        now.slice(0, 10),
        await tenantAccessRules(readSide.events, io.env),
      );
      const scope = access.scope('Task.read');
      if (E.isLeft(scope)) return refuseActor('agenda', scope.left, io);
      if (!inReadScope(scope.right, repId)) {
        const reason = `${repId} is outside the actor's scope`;
        return refuseActor(
          'agenda',
          { kind: 'AuthorizationDenied', ...scope.right, ...actorOf(actor.right), reason },
          io,
        );
      }
      const agenda = await repAgenda(readSide.readModels, {
        repId,
        now,
        timeZone,
        upcomingDays: days,
      });
      if (format === 'json') {
        io.stdout(`${JSON.stringify({ report: 'agenda', asOf: now, ...agenda }, null, 2)}\n`);
        return ExitCode.ok;
      }
      const items = [...agenda.overdue, ...agenda.todayItems, ...agenda.upcoming];
      // Names are personal data kept in the log: resolved now, for this actor, never stored.
      const names = await customerNames(
        readSide.readModels,
        readSide.events,
        access,
        items.flatMap((item) => (item.link?.type === 'customer' ? [item.link.id] : [])),
      );
      io.stdout(
        `Agenda of ${repId}, ${agenda.today} (${timeZone})\n\n${agendaTable(agenda, names)}\n`,
      );
      return ExitCode.ok;
    } finally {
      await readSide.close();
    }
  },
};
