import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import { position } from '../envelope/position.js';
import { createUpcasterRegistry } from './upcasterRegistry.js';

const stored = (type: string, data: unknown, schemaVersion: number): RecordedEvent => ({
  type,
  data,
  eventId: '0193a000-0000-7000-8000-000000000000',
  streamName: 'Lead-1',
  streamRevision: 0n,
  position: position(1n),
  recordedAt: '2026-01-01T00:00:00.000Z',
  metadata: {
    occurredAt: '2026-01-01T00:00:00.000Z',
    actor: { id: 'a', role: 'r' },
    correlationId: 'c',
    causationId: null,
    commandId: 'x',
    schemaVersion,
  },
});

const registry = createUpcasterRegistry([
  {
    type: 'LeadCaptured',
    fromVersion: 1,
    upcast: (d) => ({ ...(d as object), source: 'unknown' }),
  },
  { type: 'LeadCaptured', fromVersion: 2, upcast: (d) => ({ ...(d as object), score: 0 }) },
]);

describe('upcasting', () => {
  it('reads an old event in the current shape, step by step, without touching the stored one', () => {
    const old = stored('LeadCaptured', { name: 'Ada' }, 1);
    const current = registry.upcast(old);
    expect(current.data).toEqual({ name: 'Ada', source: 'unknown', score: 0 });
    expect(current.metadata.schemaVersion).toBe(3);
    expect(old.data).toEqual({ name: 'Ada' });
  });

  it('leaves current events and unknown types as they are', () => {
    const current = stored('LeadCaptured', { name: 'Ada', source: 'web', score: 5 }, 3);
    expect(registry.upcast(current)).toBe(current);
    expect(registry.currentVersion('LeadCaptured')).toBe(3);
    expect(registry.currentVersion('LeadQualified')).toBe(1);
  });

  it('refuses a chain with a missing step', () => {
    expect(() => createUpcasterRegistry([{ type: 'X', fromVersion: 2, upcast: (d) => d }])).toThrow(
      /skip version 1/,
    );
  });
});
