import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore, positionToString } from '@clientele/eventstore';
import { v7 as uuidv7 } from 'uuid';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { formatTable } from '../output/table.js';

/** `clientele demo`: appends real events and reads them back. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'write a sample of CRM activity to a store and print it back',
  help: 'Usage: clientele demo\n\nAppends a few events through the event-store port and prints the log.',
  options: {},
  run: async (_input, io) => {
    const store = createInMemoryEventStore();
    const metadata = (actor: string) => ({
      occurredAt: '2026-03-03T09:15:00.000Z',
      actor: { id: actor, role: 'sales_rep' },
      correlationId: 'demo',
      causationId: null,
      commandId: uuidv7(),
      schemaVersion: 1,
    });
    const appended = await store.appendToStream('Lead-demo', [
      {
        type: 'LeadCaptured',
        data: { source: 'web form' },
        eventId: uuidv7(),
        metadata: metadata('rep-1'),
      },
      {
        type: 'LeadQualified',
        data: { score: 80 },
        eventId: uuidv7(),
        metadata: metadata('rep-1'),
      },
    ]);
    if (E.isLeft(appended)) {
      io.stderr(`${appended.left.message}\n`);
      return ExitCode.failed;
    }
    const rows = [];
    for await (const event of store.readAll()) {
      rows.push([
        positionToString(event.position),
        event.streamName,
        event.type,
        event.metadata.actor.id,
      ]);
    }
    io.stdout(`${formatTable(['position', 'stream', 'type', 'actor'], rows)}\n`);
    await store.close();
    return ExitCode.ok;
  },
};
