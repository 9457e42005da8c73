import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import {
  commandContext,
  openEngagement,
  parseRecordLink,
  reportRefusal,
} from '../engagement/openEngagement.js';
import { ExitCode } from '../exitCodes.js';

const HELP = `Usage: clientele log <kind> --on TYPE:ID[,TYPE:ID...] [options] [--store URL] [--actor ID:ROLE]

Logs an activity against one or more records: kind is call, email, meeting, visit, message or
note; TYPE is customer, contact, lead, opportunity or ticket. Prints the new activity's id.
Input that does not decode is refused with every wrong field named, and nothing is written.

  --on TYPE:ID,...       the records the activity is about, comma-separated
  --owner ID             the rep who had the contact (default: the actor)
  --at INSTANT           when it happened, ISO-8601 (default: now)
  --subject-id ID        the person it is about (default: the first record)
  --contact NAME         the person's name (personal data)
  --notes TEXT           what was said (personal data)
  call:  --direction inbound|outbound  --duration SECONDS  --outcome connected|no_answer|voicemail|busy|wrong_number
  email: --subject TEXT
  visit: --place NAME [--lat DEG --lon DEG] [--site-lat DEG --site-lon DEG]  (distance recorded when both are given)
  --store URL   the store (default sqlite:./clientele.db)
${ACTOR_HELP}`;

type Values = Readonly<Record<string, string | boolean | undefined>>;

const text = (values: Values, option: string): string | undefined =>
  typeof values[option] === 'string' ? values[option] : undefined;
/** A number option as a number when it reads as one, else as given, so decoding names it. */
const numeric = (values: Values, option: string): number | string | undefined => {
  const given = text(values, option);
  return given === undefined || given.trim() === '' || Number.isNaN(Number(given))
    ? given
    : Number(given);
};
const point = (values: Values, lat: string, lon: string) =>
  text(values, lat) === undefined && text(values, lon) === undefined
    ? undefined
    : { latitude: numeric(values, lat), longitude: numeric(values, lon) };
const defined = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/** The kind's details from the options; each kind takes only its own (the domain checks). */
const detailsOf = (values: Values, at: string): Record<string, unknown> =>
  defined({
    call:
      text(values, 'direction') === undefined && text(values, 'duration') === undefined
        ? undefined
        : {
            direction: text(values, 'direction'),
            durationSeconds: numeric(values, 'duration'),
            outcome: text(values, 'outcome'),
          },
    emailSubject: text(values, 'subject'),
    checkIn:
      text(values, 'place') === undefined
        ? undefined
        : defined({
            at,
            placeName: text(values, 'place'),
            coordinates: point(values, 'lat', 'lon'),
            siteCoordinates: point(values, 'site-lat', 'site-lon'),
          }),
  });

/** `clientele log`: record a call, email, meeting, visit, message or note against records. */
export const logCommand: CliCommand = {
  name: 'log',
  summary: 'log a call, email, meeting, visit, message or note against a customer, lead, deal…',
  help: HELP,
  options: {
    store: { type: 'string' },
    on: { type: 'string' },
    owner: { type: 'string' },
    at: { type: 'string' },
    'subject-id': { type: 'string' },
    contact: { type: 'string' },
    notes: { type: 'string' },
    direction: { type: 'string' },
    duration: { type: 'string' },
    outcome: { type: 'string' },
    subject: { type: 'string' },
    place: { type: 'string' },
    lat: { type: 'string' },
    lon: { type: 'string' },
    'site-lat': { type: 'string' },
    'site-lon': { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('log', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const [kind] = positionals;
    const on = (text(values, 'on') ?? '').split(',').filter((link) => link.trim() !== '');
    if (positionals.length !== 1 || kind === undefined || on.length === 0) {
      io.stderr('clientele log: say what and about what: clientele log call --on customer:ID …\n');
      return ExitCode.usage;
    }
    const links = on.map(parseRecordLink);
    const badLink = links.find(E.isLeft);
    if (badLink !== undefined) {
      io.stderr(`clientele log: --on ${badLink.left}\n`);
      return ExitCode.usage;
    }
    const opened = await openEngagement('log', values, io);
    if (E.isLeft(opened)) return opened.left;
    try {
      const at = text(values, 'at') ?? new Date().toISOString();
      const activityId = uuidv7();
      const result = await opened.right.activities.handle(
        defined({
          kind: 'LogActivity',
          activityId,
          activityKind: kind,
          on: links.flatMap((link) => (E.isRight(link) ? [link.right] : [])),
          ownerId: text(values, 'owner') ?? actor.right.id,
          at,
          subjectId: text(values, 'subject-id'),
          contactName: text(values, 'contact'),
          notes: text(values, 'notes'),
          ...detailsOf(values, at),
        }),
        commandContext(actor.right),
      );
      if (E.isLeft(result)) return reportRefusal('log', result.left, io);
      io.stdout(`${activityId}\n`);
      return ExitCode.ok;
    } finally {
      await opened.right.close();
    }
  },
};
