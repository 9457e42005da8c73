import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '@clientele/eventstore';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import type { EngagementEntry } from '../engagement/openEngagement.js';
import {
  commandContext,
  openEngagement,
  parseRecordLink,
  reportRefusal,
} from '../engagement/openEngagement.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';

const HELP = `Usage: clientele task add --title TEXT --due INSTANT [options] [--store URL] [--actor ID:ROLE]
       clientele task done <taskId> [--at INSTANT] [--store URL] [--actor ID:ROLE]

add: creates a task and prints its id. done: marks it done (a recurring task moves on to its next
occurrence). Input that does not decode is refused with every wrong field named; nothing is written.

  --title TEXT          what to do
  --due INSTANT         when it is due, ISO-8601 with offset
  --assignee ID         who does it (default: the actor)
  --priority P          low, normal (default), high or urgent
  --on TYPE:ID          the record it is about (customer, contact, lead, opportunity, ticket)
  --remind MINUTES,...  reminders, minutes before the due time, comma-separated
  --repeat FREQUENCY    daily, weekly or monthly; with --every N, --count N or --until INSTANT
  --time-zone ZONE      the zone a recurrence keeps the wall-clock time in (default UTC)
  --at INSTANT          done: when it was done (default: now)
  --store URL   the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

type Values = Readonly<Record<string, string | boolean | undefined>>;

const text = (values: Values, option: string): string | undefined =>
  typeof values[option] === 'string' ? values[option] : undefined;
const numeric = (given: string | undefined): number | string | undefined =>
  given === undefined || given.trim() === '' || Number.isNaN(Number(given)) ? given : Number(given);
const defined = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

const recurrenceOf = (values: Values) =>
  text(values, 'repeat') === undefined
    ? undefined
    : defined({
        frequency: text(values, 'repeat'),
        interval: numeric(text(values, 'every')),
        count: numeric(text(values, 'count')),
        until: text(values, 'until'),
      });

const add = async (entry: EngagementEntry, values: Values, actor: Actor, io: CliIo) => {
  const link =
    text(values, 'on') === undefined ? undefined : parseRecordLink(text(values, 'on') ?? '');
  if (link !== undefined && E.isLeft(link)) {
    io.stderr(`clientele task: --on ${link.left}\n`);
    return ExitCode.usage;
  }
  const taskId = uuidv7();
  const result = await entry.tasks.handle(
    defined({
      kind: 'CreateTask',
      taskId,
      title: text(values, 'title'),
      assigneeId: text(values, 'assignee') ?? actor.id,
      dueAt: text(values, 'due'),
      priority: text(values, 'priority') ?? 'normal',
      timeZone: text(values, 'time-zone'),
      link: link?.right,
      reminders: text(values, 'remind')
        ?.split(',')
        .map((minutes) => numeric(minutes.trim())),
      recurrence: recurrenceOf(values),
    }),
    commandContext(actor),
  );
  if (E.isLeft(result)) return reportRefusal('task', result.left, io);
  io.stdout(`${taskId}\n`);
  return ExitCode.ok;
};

const done = async (
  entry: EngagementEntry,
  { taskId, values }: { readonly taskId: string; readonly values: Values },
  actor: Actor,
  io: CliIo,
) => {
  const result = await entry.tasks.handle(
    { kind: 'CompleteTask', taskId, completedAt: text(values, 'at') ?? new Date().toISOString() },
    commandContext(actor),
  );
  if (E.isLeft(result)) return reportRefusal('task', result.left, io);
  const state = result.right.state;
  io.stdout(
    state.created && state.status === 'open'
      ? `done; next occurrence due ${state.dueAt}\n`
      : 'done\n',
  );
  return ExitCode.ok;
};

/** `clientele task add|done`: a rep's task list from the command line. */
export const taskCommand: CliCommand = {
  name: 'task',
  summary: 'add a task (with reminders and recurrence) or mark one done',
  help: HELP,
  options: {
    store: { type: 'string' },
    title: { type: 'string' },
    due: { type: 'string' },
    assignee: { type: 'string' },
    priority: { type: 'string' },
    on: { type: 'string' },
    remind: { type: 'string' },
    repeat: { type: 'string' },
    every: { type: 'string' },
    count: { type: 'string' },
    until: { type: 'string' },
    'time-zone': { type: 'string' },
    at: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('task', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const [action, taskId] = positionals;
    const valid =
      (action === 'add' && positionals.length === 1) ||
      (action === 'done' && positionals.length === 2 && taskId !== undefined);
    if (!valid) {
      io.stderr('clientele task: use "task add --title … --due …" or "task done <taskId>"\n');
      return ExitCode.usage;
    }
    const opened = await openEngagement('task', values, io);
    if (E.isLeft(opened)) return opened.left;
    try {
      return action === 'add'
        ? await add(opened.right, values, actor.right, io)
        : await done(opened.right, { taskId: taskId ?? '', values }, actor.right, io);
    } finally {
      await opened.right.close();
    }
  },
};
