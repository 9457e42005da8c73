import type { ExpectedRevision } from '@clientele/eventstore';
import { revisionToString } from '@clientele/eventstore';
import type { AppendContext, AppendRow } from './appendRow.js';
import { statementName } from './appendRow.js';

/** A command's append: its expectation, its id and its events as `batchJson` wrote them. */
export interface CommandAppend {
  readonly expected: ExpectedRevision;
  readonly commandId: string;
  readonly batch: string;
}

/** With a command id: `append_events` checks and records the id in the same transaction. */
export const appendWithCommand = async (
  context: AppendContext,
  streamName: string,
  { expected, commandId, batch }: CommandAppend,
): Promise<AppendRow | undefined> => {
  const { rows } = await context.connection().query<AppendRow>({
    name: statementName('append_command', context.schema),
    text: `select * from "${context.schema}".append_events($1, $2, $3, $4, $5::interval)`,
    values: [
      streamName,
      revisionToString(expected),
      commandId,
      batch,
      `${context.retentionMilliseconds} milliseconds`,
    ],
  });
  return rows[0];
};
