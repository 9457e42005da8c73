import type { EventToAppend, ExpectedRevision } from '@clientele/eventstore';
import { NO_STREAM, STREAM_EXISTS, stringifyJson } from '@clientele/eventstore';
import type { AppendContext, AppendRow } from './appendRow.js';
import { batchJson, statementName } from './appendRow.js';
import { appendStatement } from './appendStatement.js';

/** The hot path: one plain statement (see {@link appendStatement}). */
export const appendWithoutCommand = async (
  context: AppendContext,
  streamName: string,
  expected: ExpectedRevision,
  events: readonly EventToAppend[],
): Promise<AppendRow | undefined> => {
  const single = events.length === 1 ? events[0] : undefined;
  const expectation = [
    streamName,
    typeof expected === 'bigint' ? 'exact' : expected,
    typeof expected === 'bigint' ? expected.toString() : null,
  ];
  const { rows } = await context.connection().query<{
    commit_position: string;
    position: string;
    stream_revision: string;
  }>(
    single === undefined
      ? {
          name: statementName('append', context.schema),
          text: appendStatement(`"${context.schema}"`, 'many'),
          values: [...expectation, batchJson(events)],
        }
      : {
          name: statementName('append_one', context.schema),
          text: appendStatement(`"${context.schema}"`, 'one'),
          values: [
            ...expectation,
            single.eventId,
            single.type,
            stringifyJson(single.data),
            stringifyJson(single.metadata),
          ],
        },
  );
  const first = rows[0];
  if (first === undefined) {
    // Nothing written: the expectation did not hold. Conflicts are rare, so the actual
    // revision is read only now.
    const actual =
      expected === STREAM_EXISTS ? NO_STREAM : await context.streamRevision(streamName);
    return {
      ...CONFLICT,
      actual_revision: actual === NO_STREAM ? null : actual.toString(),
      stream_name: streamName,
    };
  }
  const last = rows.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b));
  const lastRevision = BigInt(last.stream_revision);
  return {
    outcome: 'appended',
    actual_revision: null,
    stream_name: streamName,
    first_revision: (lastRevision - BigInt(events.length - 1)).toString(),
    last_revision: last.stream_revision,
    commit_position: first.commit_position,
    prepare_position: last.position,
    event_ids: [],
  };
};

const CONFLICT = {
  outcome: 'conflict',
  first_revision: '',
  last_revision: '',
  commit_position: '',
  prepare_position: '',
  event_ids: [],
} as const;
