import { StreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import type { JSONRecordedEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { ANY, DecodeError, NO_STREAM, STREAM_EXISTS, position } from '@clientele/eventstore';
import { testEvent, testMetadata } from '@clientele/eventstore/testing';
import { isStreamNotFound, toWrongExpectedRevision } from './errors.js';
import { fromEsdbRecordedEvent, isInternalEvent, toEsdbEventData } from './events.js';
import { toEsdbFilter } from './filters.js';
import { fromEsdbMetadata, toEsdbMetadata } from './metadata.js';
import { fromEsdbPosition, toEsdbReadPosition } from './positions.js';
import { fromEsdbCurrentRevision, toEsdbExpectedRevision } from './revisions.js';

/** An event as the client hands it back after a read, built from what we wrote. */
const storedAs = (
  written: ReturnType<typeof toEsdbEventData>,
  streamId: string,
  revision: bigint,
): JSONRecordedEvent => ({
  streamId,
  id: written.id,
  isJson: true,
  revision,
  type: written.type,
  created: new Date('2026-03-03T09:15:01.250Z'),
  // The client stores what JSON.stringify writes and parses it back.
  data: JSON.parse(JSON.stringify(written.data)) as JSONRecordedEvent['data'],
  metadata: JSON.parse(JSON.stringify(written.metadata)) as JSONRecordedEvent['metadata'],
  position: { commit: 1042n, prepare: 1040n },
});

describe('EventStoreDB expected and actual revisions', () => {
  it('passes the expectation constants and exact revisions through unchanged', () => {
    expect(toEsdbExpectedRevision(ANY)).toBe('any');
    expect(toEsdbExpectedRevision(NO_STREAM)).toBe('no_stream');
    expect(toEsdbExpectedRevision(STREAM_EXISTS)).toBe('stream_exists');
    expect(toEsdbExpectedRevision(41n)).toBe(41n);
  });

  it('reads the actual revision "no_stream" as a string, not a number', () => {
    expect(fromEsdbCurrentRevision('no_stream')).toBe(NO_STREAM);
    expect(fromEsdbCurrentRevision(5n)).toBe(5n);
  });

  it('turns a WrongExpectedVersionError on a missing stream into a conflict naming no stream', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'Lead-42',
      expected: 3n,
      current: 'no_stream',
    });
    expect(toWrongExpectedRevision(error, 'Lead-42', 3n)).toMatchObject({
      kind: 'WrongExpectedRevision',
      expected: 3n,
      actual: NO_STREAM,
      message: 'stream Lead-42: expected revision 3, but the stream does not exist',
    });
  });

  it('keeps any other error a fault', () => {
    expect(toWrongExpectedRevision(new Error('unavailable'), 'Lead-42', ANY)).toBeUndefined();
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'Lead-42'))).toBe(true);
    expect(isStreamNotFound(new Error('Lead-42 not found'))).toBe(false);
  });
});

describe('EventStoreDB metadata', () => {
  it('stores correlation and causation ids under $correlationId and $causationId', () => {
    const metadata = testMetadata({ correlationId: 'c-1', causationId: 'e-9', tenantId: 't-1' });
    const stored = toEsdbMetadata(metadata);
    expect(stored).toMatchObject({ $correlationId: 'c-1', $causationId: 'e-9', tenantId: 't-1' });
    expect(stored).not.toHaveProperty('correlationId');
    expect(fromEsdbMetadata(stored, 'here')).toEqual(metadata);
  });

  it('leaves out $causationId for an event nothing caused, and reads that back as null', () => {
    const stored = toEsdbMetadata(testMetadata({ causationId: null }));
    expect(stored).not.toHaveProperty('$causationId');
    expect(fromEsdbMetadata(stored, 'here').causationId).toBeNull();
  });

  it('refuses stored metadata that is not ours, naming the event', () => {
    expect(() => fromEsdbMetadata({ $correlationId: 'c' }, 'event x in Lead-1@0')).toThrow(
      DecodeError,
    );
    expect(() => fromEsdbMetadata(null, 'event x')).toThrow(/event x: metadata/);
  });
});

describe('EventStoreDB events', () => {
  it('round-trips every caller-supplied field, with the engine assigning the rest', () => {
    const event = testEvent('LeadQualified', { score: 80, tags: ['hot'], note: null });
    const written = toEsdbEventData(event);
    expect(written).toMatchObject({
      id: event.eventId,
      type: 'LeadQualified',
      contentType: 'application/json',
    });
    const read = fromEsdbRecordedEvent(storedAs(written, 'Lead-7', 3n));
    expect(read).toEqual({
      ...event,
      streamName: 'Lead-7',
      streamRevision: 3n,
      position: position(1042n, 1040n),
      recordedAt: '2026-03-03T09:15:01.250Z',
    });
  });

  it('writes bigints inside data as decimal strings, as every engine does', () => {
    const written = toEsdbEventData(testEvent('Counted', { big: 2n ** 70n }));
    expect(written.data).toEqual({ big: '1180591620717411303424' });
  });

  it('refuses a binary event or one read without a position', () => {
    const stored = storedAs(toEsdbEventData(testEvent('A')), 'Lead-1', 0n);
    const { position: _, ...withoutPosition } = stored;
    expect(() => fromEsdbRecordedEvent(withoutPosition)).toThrow(/position/);
    expect(() =>
      fromEsdbRecordedEvent({ ...stored, isJson: false, data: new Uint8Array() } as never),
    ).toThrow(/not a JSON event/);
  });

  it('treats system events, system streams and command records as internal', () => {
    expect(isInternalEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(
      true,
    );
    expect(isInternalEvent({ streamId: '$ce-Lead', type: '$>' })).toBe(true);
    expect(isInternalEvent({ streamId: 'Lead-1', type: '$metadata' })).toBe(true);
    expect(isInternalEvent({ streamId: 'ClienteleCommand-abc', type: 'CommandClaimed' })).toBe(
      true,
    );
    expect(isInternalEvent({ streamId: 'Lead-1', type: 'LeadCaptured' })).toBe(false);
  });
});

describe('EventStoreDB positions and filters', () => {
  it('uses the (commit, prepare) pair as our position, both ways', () => {
    expect(fromEsdbPosition({ commit: 10n, prepare: 8n })).toEqual(position(10n, 8n));
    expect(toEsdbReadPosition(position(10n, 8n))).toEqual({ commit: 10n, prepare: 8n });
    expect(toEsdbReadPosition('start')).toBe('start');
    expect(toEsdbReadPosition('end')).toBe('end');
  });

  it('refuses the placeholder position old servers send for stream reads', () => {
    expect(() => fromEsdbPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toThrow(
      /22\.10 or later/,
    );
  });

  it('filters on stream-name prefixes at the server, else on exact event types, else drops system events', () => {
    expect(toEsdbFilter({ streamNamePrefixes: ['Lead-'], eventTypes: ['X'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['Lead-'],
    });
    const byType = toEsdbFilter({ eventTypes: ['Lead.Captured', 'LeadLost'] });
    expect(byType).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((byType as { regex: string }).regex);
    expect(['Lead.Captured', 'LeadLost'].every((type) => regex.test(type))).toBe(true);
    expect(['LeadXCaptured', 'LeadLostAgain'].some((type) => regex.test(type))).toBe(false);
    const none = toEsdbFilter(undefined) as { regex: string };
    expect(new RegExp(none.regex).test('$statsCollected')).toBe(false);
    expect(new RegExp(none.regex).test('LeadCaptured')).toBe(true);
  });
});
