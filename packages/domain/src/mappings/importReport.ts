import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandOutcome, DomainEvent } from '@clientele/eventstore';
import type { MappedRow, RejectedRow } from './mappedRow.js';
import { describeRefusal } from './describeRefusal.js';

/** What an import did: rows read, commands accepted, rows refused with their reasons, events. */
export interface ImportReport {
  readonly rows: number;
  readonly commandsAccepted: number;
  /** Accepted commands that changed nothing (a repeated row, or the same file imported again). */
  readonly commandsUnchanged: number;
  /** Commands not sent because an earlier import of the same file already handled them. */
  readonly commandsSkipped: number;
  readonly rejected: readonly RejectedRow[];
  /** Appended events by type. */
  readonly events: Readonly<Record<string, number>>;
}

/** Where mapped commands go: an aggregate's entry point. */
export interface CommandSink<Command> {
  handle(
    input: Command,
    context: CommandContext,
  ): Promise<E.Either<unknown, CommandOutcome<DomainEvent, unknown>>>;
}

/** Tallies the results of sending mapped rows, for an {@link ImportReport}. */
export const createImportTally = () => {
  let rows = 0;
  let commandsAccepted = 0;
  let commandsUnchanged = 0;
  let commandsSkipped = 0;
  const rejected: RejectedRow[] = [];
  const events: Record<string, number> = {};
  return {
    row: () => {
      rows += 1;
    },
    skip: () => {
      commandsSkipped += 1;
    },
    reject: (row: RejectedRow) => {
      rejected.push(row);
    },
    /** Sends one mapped command and records what happened; false when it was refused. */
    send: async <Command>(
      sink: CommandSink<Command>,
      mapped: MappedRow<Command>,
    ): Promise<boolean> => {
      const result = await sink.handle(mapped.command, mapped.context);
      if (E.isLeft(result)) {
        rejected.push({ lineNumber: mapped.lineNumber, problems: [describeRefusal(result.left)] });
        return false;
      }
      commandsAccepted += 1;
      if (result.right.events.length === 0) commandsUnchanged += 1;
      for (const event of result.right.events) events[event.type] = (events[event.type] ?? 0) + 1;
      return true;
    },
    report: (): ImportReport => ({
      rows,
      commandsAccepted,
      commandsUnchanged,
      commandsSkipped,
      rejected,
      events,
    }),
  };
};
