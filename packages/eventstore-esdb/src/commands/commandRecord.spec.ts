import { describe, expect, it } from 'vitest';
import { position } from '@clientele/eventstore';
import type { CommandRecord } from './commandRecord.js';
import {
  CommandRecord as CommandRecordCodec,
  commandState,
  completedRecord,
} from './commandRecord.js';

const claim: CommandRecord = {
  type: 'CommandClaimed',
  data: { streamName: 'Lead-1', eventIds: ['e-1'], claimedAt: 1_700_000_000_000 },
};
const result = {
  streamName: 'Lead-1',
  firstRevision: 4n,
  nextExpectedRevision: 5n,
  position: position(2n ** 60n, 2n ** 60n - 3n),
  eventIds: ['e-1', 'e-2'],
  duplicate: false,
};

/** A record as it comes back from the command stream: stored JSON, decoded. */
const reread = (record: unknown): CommandRecord => {
  const decoded = CommandRecordCodec.decode(JSON.parse(JSON.stringify(record)));
  if (decoded._tag === 'Left') throw new Error('did not decode');
  return decoded.right;
};

describe('command records', () => {
  it('knows nothing of a command id without records', () => {
    expect(commandState([])).toEqual({ kind: 'unknown' });
  });

  it('holds a claim until its outcome is recorded, with the revision to append after', () => {
    expect(commandState([claim])).toMatchObject({ kind: 'claimed', revision: 0n });
  });

  it('frees the command id when the claimed append was rejected', () => {
    const released: CommandRecord = { type: 'CommandReleased', data: {} };
    expect(commandState([claim, released])).toEqual({ kind: 'free', revision: 1n });
    expect(commandState([claim, released, claim])).toMatchObject({ kind: 'claimed', revision: 2n });
  });

  it('returns the recorded result exactly, bigints included, once completed', () => {
    const completed = reread(completedRecord(result));
    expect(commandState([claim, completed])).toEqual({ kind: 'completed', result });
    expect(commandState([claim, completed, claim])).toEqual({ kind: 'completed', result });
  });
});
