import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { expect, it } from 'vitest';
import type { CsvRecord } from '../src/mappings/csv/readCsvRecords.js';
import { readCsvRecords } from '../src/mappings/csv/readCsvRecords.js';
import {
  createHelpdeskMapping,
  helpdeskReplayOrder,
} from '../src/mappings/helpdesk/helpdeskMapping.js';
import { createTicketService } from '../src/ticket/ticketService.js';
import { importHelpdeskLog } from '../src/mappings/helpdesk/importHelpdeskLog.js';
import type { TimedTicketEvent } from '../src/sla/ticketSla.js';
import { officeHours } from '../src/sla/businessCalendar.js';
import { standardSlaPolicy } from '../src/sla/slaPolicy.js';
import { ticketSla } from '../src/sla/ticketSla.js';
import { TicketEvent } from '../src/ticket/events.js';
import { datasetUrl, datasetsUnavailable } from '../../../test/support/datasets.js';
import { independentFigures } from '../../../test/support/independentFigures.js';
import { describeWhenAvailable } from '../../../test/support/requireService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const FILE = datasetUrl('helpdesk-italian-company/finale.csv');

/*
 * Expected figures computed independently of this code, by a short Python script over the raw CSV
 * that applies the documented mapping and the Ticket rules (csv.DictReader, stable sort by
 * timestamp, a dictionary of case statuses). The row and ticket counts are checked against SQL
 * over the CSV (`helpdesk.expected.sql`); the event counts follow the rules and are not a query.
 */
const EXPECTED_EVENTS = {
  TicketAssigned: 4606,
  TicketClosed: 4560,
  TicketCommented: 26,
  TicketEscalated: 57,
  TicketOpened: 4580,
  TicketPrioritized: 40,
  TicketReopened: 161,
  TicketResolved: 4729,
  TicketResumed: 565,
  TicketWaitingOnCustomer: 1432,
};

describeWhenAvailable('help-desk log replay', datasetsUnavailable(), () => {
  it('has row and ticket counts that are what the SQL over the raw CSV computes', () => {
    const [counts] = independentFigures<{ rows: number; tickets: number }>(
      new URL('helpdesk.expected.sql', import.meta.url),
      datasetUrl('helpdesk-italian-company/'),
    );
    expect(counts).toEqual({ rows: 21_348, tickets: 4_580 });
  });

  it('maps all 21,348 rows onto Ticket commands the handler accepts, with exact event counts', async () => {
    const rows: CsvRecord[] = [];
    for await (const record of readCsvRecords(createReadStream(FILE, { encoding: 'utf8' }))) {
      rows.push(record);
    }
    expect(rows).toHaveLength(21_348);

    const store = createInMemoryEventStore();
    const tickets = createTicketService(store, { authorize: permitEveryoneInTests() });
    const mapping = createHelpdeskMapping({ timeZone: 'Europe/Rome' });
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    const ticketIds = new Set<string>();
    let unchanged = 0;
    for (const row of helpdeskReplayOrder(rows)) {
      const mapped = mapping.mapRow(row.values, row.lineNumber);
      if (E.isLeft(mapped)) {
        problems.push(`line ${row.lineNumber}: ${mapped.left.problems.join('; ')}`);
        continue;
      }
      const result = await tickets.handle(mapped.right.command, mapped.right.context);
      if (E.isLeft(result)) {
        problems.push(`line ${row.lineNumber}: ${JSON.stringify(result.left)}`);
        continue;
      }
      ticketIds.add(mapped.right.command.ticketId);
      if (result.right.events.length === 0) unchanged += 1;
      for (const event of result.right.events) counts[event.type] = (counts[event.type] ?? 0) + 1;
    }

    expect(problems).toEqual([]);
    expect(ticketIds.size).toBe(4_580);
    expect(counts).toEqual(EXPECTED_EVENTS);
    // Repeated rows (a second "Closed", a second "Wait") are accepted and change nothing.
    expect(unchanged).toBe(995);
  });

  it('imports through the shared import function, and importing the file again changes nothing', async () => {
    const store = createInMemoryEventStore();
    const target = {
      tickets: createTicketService(store, { authorize: permitEveryoneInTests() }),
      store,
    };
    const read = () => createReadStream(FILE, { encoding: 'utf8' });
    const first = await importHelpdeskLog(read(), target);
    expect(first).toMatchObject({
      rows: 21_348,
      commandsAccepted: 21_348,
      commandsSkipped: 0,
      rejected: [],
    });
    expect(first.events).toEqual(EXPECTED_EVENTS);
    const again = await importHelpdeskLog(read(), target);
    expect(again).toMatchObject({ rows: 21_348, rejected: [], events: {} });
    // Per ticket, rows up to its last recorded command are skipped; the rest change nothing.
    expect(again.commandsSkipped + again.commandsUnchanged).toBe(21_348);
    expect(again.commandsUnchanged).toBeGreaterThanOrEqual(4_580);
  });

  it('resumes an import stopped by a failure thrown between two commands (in-process, not a killed process) and ends with exactly the events of one uninterrupted import', async () => {
    const store = createInMemoryEventStore();
    const tickets = createTicketService(store, { authorize: permitEveryoneInTests() });
    const read = () => createReadStream(FILE, { encoding: 'utf8' });
    let sent = 0;
    const crashing = {
      handle: (...args: Parameters<typeof tickets.handle>) => {
        sent += 1;
        if (sent > 7_000) throw new Error('the importing process died');
        return tickets.handle(...args);
      },
    };
    await expect(importHelpdeskLog(read(), { tickets: crashing, store })).rejects.toThrow('died');
    const resumed = await importHelpdeskLog(read(), { tickets, store });
    expect(resumed.rejected).toEqual([]);
    const counts: Record<string, number> = {};
    for await (const event of store.readAll()) counts[event.type] = (counts[event.type] ?? 0) + 1;
    expect(counts).toEqual(EXPECTED_EVENTS);
  });

  it('measures the SLA of every replayed ticket from its events alone, adding nothing to the log', async () => {
    const store = createInMemoryEventStore();
    await importHelpdeskLog(createReadStream(FILE, { encoding: 'utf8' }), {
      tickets: createTicketService(store, { authorize: permitEveryoneInTests() }),
      store,
    });
    const byTicket = new Map<string, TimedTicketEvent[]>();
    let stored = 0;
    for await (const recorded of store.readAll()) {
      stored += 1;
      const event = TicketEvent.decode({ type: recorded.type, data: recorded.data });
      if (event._tag === 'Left') throw new Error(`undecodable ${recorded.type}`);
      const list = byTicket.get(recorded.streamName) ?? [];
      list.push({ event: event.right, occurredAt: recorded.metadata.occurredAt });
      byTicket.set(recorded.streamName, list);
    }
    const calendar = officeHours('Europe/Rome');
    let cycles = 0;
    let resolvedCycles = 0;
    let breached = 0;
    let firstResponsesBreached = 0;
    for (const events of byTicket.values()) {
      const sla = ticketSla(events, standardSlaPolicy, calendar, '2015-01-01T00:00:00+01:00');
      if (sla === undefined) throw new Error('a replayed ticket was not opened');
      cycles += sla.resolutions.length;
      resolvedCycles += sla.resolutions.filter((cycle) => cycle.metAt !== null).length;
      breached += sla.resolutions.filter((cycle) => cycle.breached).length;
      if (sla.firstResponse.breached) firstResponsesBreached += 1;
    }
    // One resolution clock per opening and reopening, each resolution ending one of them.
    expect(cycles).toBe(4_580 + 161);
    expect(resolvedCycles).toBe(4_729);
    // Breaches under the standard policy on Rome office hours, as of 2015: figures computed
    // independently by a Python script (zoneinfo, the same rules) over the raw CSV.
    expect(firstResponsesBreached).toBe(1_681);
    expect(breached).toBe(1_506);
    expect(stored).toBe(Object.values(EXPECTED_EVENTS).reduce((sum, n) => sum + n, 0));
  });

  it('keeps the log’s wall-clock times in the Rome time zone, with the offset of the day', async () => {
    const mapping = createHelpdeskMapping();
    const values = {
      'Case ID': 'Case 1',
      Activity: 'Assign seriousness',
      Resource: 'Value 1',
      'Complete Timestamp': '2012/10/09 14:50:17.000',
      customer: 'Value 1',
      product: 'Value 1',
      seriousness_2: 'Value 1',
      service_type: 'Value 1',
    };
    const summer = mapping.mapRow(values, 2);
    expect(E.isRight(summer) && summer.right.context.occurredAt).toBe('2012-10-09T14:50:17+02:00');
    const winter = mapping.mapRow(
      { ...values, 'Case ID': 'Case 2', 'Complete Timestamp': '2012/12/09 14:50:17.000' },
      3,
    );
    expect(E.isRight(winter) && winter.right.context.occurredAt).toBe('2012-12-09T14:50:17+01:00');
  });

  it('rejects a row with an unknown activity, naming the line and the field', () => {
    const result = createHelpdeskMapping().mapRow(
      {
        'Case ID': 'Case 9',
        Activity: 'Dance',
        Resource: 'Value 1',
        'Complete Timestamp': '2012/10/09 14:50:17.000',
        customer: 'Value 1',
        product: 'Value 1',
        seriousness_2: 'Value 1',
        service_type: 'Value 1',
      },
      7,
    );
    expect(result).toEqual(
      E.left({ lineNumber: 7, problems: ['Activity: expected HelpdeskActivity, got "Dance"'] }),
    );
  });
});
