import { deciderSpec } from '@clientele/eventstore/testing';
import type { IsoInstant } from '@clientele/eventstore';
import { describe, it } from 'vitest';
import type { DateOnly } from '../shared/dates.js';
import type { DataSubjectEvent, RetentionHold } from './events.js';
import { dataSubjectDecider } from './decide.js';

const subjectId = 'p-1';
const at = (day: string) => `${day}T09:00:00.000Z` as IsoInstant;
const hold: RetentionHold = {
  retentionClass: 'invoice',
  until: '2036-01-10' as DateOnly,
  reason: 'tax law',
  streams: ['Invoice-i-1'],
};
const forgotten: DataSubjectEvent = {
  type: 'PersonForgotten',
  data: {
    subjectId,
    at: at('2026-03-03'),
    streams: ['Customer-c-1', 'Invoice-i-1'],
    customersErased: ['c-1'],
    retentionHolds: [hold],
  },
};
const forget = {
  kind: 'ForgetPerson' as const,
  subjectId,
  at: at('2026-03-04'),
  streams: [],
  customersErased: [],
  retentionHolds: [],
};
const eraseInvoices = (day: string) => ({
  kind: 'EraseRetainedPersonalData' as const,
  subjectId,
  retentionClass: 'invoice' as const,
  at: at(day),
});

describe('a data subject', () => {
  const spec = deciderSpec(dataSubjectDecider);

  it('is forgotten once: forgetting again records nothing, so a crashed erasure can rerun', () => {
    spec
      .given([])
      .when({ ...forgotten.data, kind: 'ForgetPerson' })
      .then([forgotten]);
    spec.given([forgotten]).when(forget).then([]);
  });

  it('keeps retained data until the hold ends: erasing it earlier is refused with the day', () => {
    spec
      .given([forgotten])
      .when(eraseInvoices('2036-01-09'))
      .thenFails({
        kind: 'RetentionHoldNotExpired',
        subjectId,
        retentionClass: 'invoice',
        until: '2036-01-10' as DateOnly,
      });
  });

  it('erases retained data on the day the hold ends, once', () => {
    const erased: DataSubjectEvent = {
      type: 'RetainedPersonalDataErased',
      data: { subjectId, retentionClass: 'invoice', at: at('2036-01-10') },
    };
    spec.given([forgotten]).when(eraseInvoices('2036-01-10')).then([erased]);
    spec.given([forgotten, erased]).when(eraseInvoices('2036-02-01')).then([]);
  });

  it('has no retained data to erase before the person is forgotten, or without a hold', () => {
    spec
      .given([])
      .when(eraseInvoices('2036-01-10'))
      .thenFails({ kind: 'PersonNotForgotten', subjectId });
    spec
      .given([{ ...forgotten, data: { ...forgotten.data, retentionHolds: [] } }])
      .when(eraseInvoices('2036-01-10'))
      .thenFails({ kind: 'NoRetentionHold', subjectId, retentionClass: 'invoice' });
  });

  it('records every access export, forgotten or not', () => {
    const exportCommand = {
      kind: 'RecordPersonalDataExport' as const,
      subjectId,
      at: at('2026-03-05'),
      records: 3,
      streams: ['Customer-c-1'],
    };
    const { kind: _, ...data } = exportCommand;
    spec
      .given([forgotten])
      .when(exportCommand)
      .then([{ type: 'PersonalDataExported', data }]);
  });

  it('records a rectification with its steps, and refuses one once the person is forgotten', () => {
    const rectify = {
      kind: 'RecordRectification' as const,
      subjectId,
      at: at('2026-03-02'),
      steps: [{ streamName: 'Customer-c-1', command: 'UpdateCustomerProfile' }],
    };
    const { kind: _, ...data } = rectify;
    spec
      .given([])
      .when(rectify)
      .then([{ type: 'PersonalDataRectified', data }]);
    spec.given([forgotten]).when(rectify).thenFails({ kind: 'PersonForgotten', subjectId });
  });
});
