import { position, type RecordedEvent } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import type { AnyProjection } from '../projection/projection.js';
import { isRelevant } from '../projection/applyEvent.js';
import { relevanceOf } from './relevance.js';

const projection = (filter: AnyProjection['filter']): AnyProjection => ({
  name: JSON.stringify(filter),
  version: 1,
  filter,
  keysOf: () => [],
  initial: () => null,
  apply: (doc) => doc,
});

const event = (streamName: string, type: string): RecordedEvent => ({
  type,
  data: {},
  eventId: `${streamName}/${type}`,
  streamName,
  streamRevision: 0n,
  position: position(1n),
  recordedAt: '2026-01-01T00:00:00.000Z',
  metadata: {
    occurredAt: '2026-01-01T00:00:00.000Z',
    actor: { id: 'a', role: 'r' },
    correlationId: 'c',
    causationId: null,
    commandId: 'c',
    schemaVersion: 1,
  },
});

const events = [
  'Lead-1',
  'Lead-2',
  'Leader-1',
  'Le',
  'Lead',
  'Lead-x-1',
  'Ticket-1',
  'Lead-',
].flatMap((stream) => ['LeadCaptured', 'TicketOpened'].map((type) => event(stream, type)));

describe('which projections want an event', () => {
  it('answers as the filters do, remembered per type and category or not', () => {
    const byCategory = [
      projection(undefined),
      projection({ streamNamePrefixes: ['Lead-'] }),
      projection({ streamNamePrefixes: ['Le', 'Ticket-'], eventTypes: ['TicketOpened'] }),
      projection({ streamNamePrefixes: [''] }),
    ];
    const notByCategory = [...byCategory, projection({ streamNamePrefixes: ['Lead-x'] })];
    for (const projections of [byCategory, notByCategory]) {
      const relevant = relevanceOf(projections);
      for (const e of [...events, ...events]) {
        expect(relevant(e)).toEqual(
          projections.flatMap((p, index) => (isRelevant(p, e) ? [index] : [])),
        );
      }
    }
  });
});
