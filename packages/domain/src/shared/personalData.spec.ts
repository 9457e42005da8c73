import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { ERASED } from '@clientele/eventstore';
import {
  isPersonal,
  isRevealed,
  locatePersonalFields,
  personal,
  personalFieldPaths,
} from './personalData.js';
import { personalDataLocator } from './personalDataLocator.js';
import { withPersonalFieldsErased } from './erasedCopy.js';
import { keySubjectOwner, retainedKeySubject } from './retention.js';
import { unionOfOne } from './unionOfOne.js';

const Contact = t.type({
  subjectId: t.string,
  name: personal(t.string),
  emails: t.readonlyArray(personal(t.string)),
  role: t.string,
});

const CustomerRegistered = t.type({
  type: t.literal('CustomerRegistered'),
  data: t.intersection([
    t.type({ customerId: t.string, region: t.string, contacts: t.readonlyArray(Contact) }),
    t.partial({ note: personal(t.string) }),
  ]),
});

describe('personal data tags', () => {
  it('decodes and encodes a personal field exactly like the codec it marks', () => {
    const name = personal(t.string);
    expect(name.decode('Ada Lovelace')).toEqual(E.right('Ada Lovelace'));
    expect(E.isLeft(name.decode(42))).toBe(true);
    expect(name.encode('Ada')).toBe('Ada');
    expect(isPersonal(name)).toBe(true);
    expect(isPersonal(t.string)).toBe(false);
  });

  it("accepts the erased marker in place of a forgotten person's value, and nothing else new", () => {
    const email = personal(t.string);
    expect(email.decode({ $erased: true })).toEqual(E.right(ERASED));
    expect(email.is(ERASED)).toBe(true);
    expect(email.encode(ERASED)).toEqual({ $erased: true });
    expect(E.isLeft(email.decode({ $erased: false }))).toBe(true);
    expect(E.isLeft(email.decode({ $encrypted: 'AAAA', keyId: 'k' }))).toBe(true);
    expect(isRevealed(ERASED)).toBe(false);
    expect(isRevealed('ada@example.com')).toBe(true);
  });

  it('lists personal fields with the subjectId of the nearest enclosing object that has one', () => {
    expect(personalFieldPaths(CustomerRegistered)).toEqual([
      { path: 'data.contacts[].name', subjectIdPath: 'data.contacts[].subjectId' },
      { path: 'data.contacts[].emails[]', subjectIdPath: 'data.contacts[].subjectId' },
      { path: 'data.note', subjectIdPath: undefined },
    ]);
  });

  it('leaves attributes that reports group by out of the personal fields', () => {
    const paths = personalFieldPaths(CustomerRegistered).map((field) => field.path);
    expect(paths).not.toContain('data.region');
    expect(paths).not.toContain('data.contacts[].role');
  });

  it('lists each path of a union of events once', () => {
    const Events = unionOfOne(CustomerRegistered, 'Events');
    expect(personalFieldPaths(Events)).toHaveLength(3);
  });
});

describe('locating personal fields in a value', () => {
  it('finds each present personal field with the id of the person it belongs to', () => {
    const event = {
      type: 'CustomerRegistered',
      data: {
        customerId: 'c-1',
        region: 'EMEA',
        contacts: [
          { subjectId: 'p-1', name: 'Ada', emails: ['ada@example.com'], role: 'CTO' },
          { subjectId: 'p-2', name: 'Bob', emails: [], role: 'CFO' },
        ],
      },
    };
    expect(locatePersonalFields(CustomerRegistered, event, true)).toEqual([
      { path: ['contacts', 0, 'name'], subjectId: 'p-1' },
      { path: ['contacts', 0, 'emails', 0], subjectId: 'p-1' },
      { path: ['contacts', 1, 'name'], subjectId: 'p-2' },
    ]);
  });

  it('ignores union members whose type literal does not match the value', () => {
    const Other = t.type({
      type: t.literal('Other'),
      data: t.type({ subjectId: t.string, secret: personal(t.string) }),
    });
    const event = { type: 'Other', data: { subjectId: 's', secret: 'x', contacts: [] } };
    expect(locatePersonalFields(t.union([CustomerRegistered, Other]), event)).toEqual([
      { path: ['data', 'secret'], subjectId: 's' },
    ]);
  });
});

describe('retained personal fields', () => {
  const BillTo = t.type({
    type: t.literal('InvoiceIssued'),
    data: t.type({
      invoiceId: t.string,
      billTo: t.type({
        subjectId: t.string,
        name: personal(t.string, { retainedAs: 'invoice' }),
      }),
      note: t.type({ subjectId: t.string, text: personal(t.string) }),
    }),
  });

  it("encrypts a field the law keeps under the person's key of that retention class", () => {
    const locate = personalDataLocator([BillTo]);
    expect(
      locate('InvoiceIssued', {
        invoiceId: 'i-1',
        billTo: { subjectId: 'p-1', name: 'Ada' },
        note: { subjectId: 'p-1', text: 'prefers email' },
      }),
    ).toEqual([
      { path: ['billTo', 'name'], subjectId: retainedKeySubject('p-1', 'invoice') },
      { path: ['note', 'text'], subjectId: 'p-1' },
    ]);
  });

  it('reads the person and the class back from a retained key subject, and only from one', () => {
    expect(keySubjectOwner(retainedKeySubject('p:1', 'invoice'))).toEqual({
      subjectId: 'p:1',
      retentionClass: 'invoice',
    });
    expect(keySubjectOwner('p-1')).toEqual({ subjectId: 'p-1', retentionClass: undefined });
    expect(keySubjectOwner('retained:unknown:p-1')).toEqual({
      subjectId: 'retained:unknown:p-1',
      retentionClass: undefined,
    });
  });
});

describe('erasing personal fields from a copy', () => {
  it('leaves the facts of an event, none of its personal values, and a shape that still decodes', () => {
    const data = {
      customerId: 'c-1',
      region: 'EMEA',
      contacts: [{ subjectId: 'p-1', name: 'Ada', emails: ['a@x.org', 'b@x.org'], role: 'CTO' }],
    };
    expect(withPersonalFieldsErased(CustomerRegistered, 'CustomerRegistered', data)).toEqual({
      customerId: 'c-1',
      region: 'EMEA',
      contacts: [{ subjectId: 'p-1', name: ERASED, emails: [ERASED, ERASED], role: 'CTO' }],
    });
    const erased = withPersonalFieldsErased(CustomerRegistered, 'CustomerRegistered', data);
    expect(E.isRight(CustomerRegistered.decode({ type: 'CustomerRegistered', data: erased }))).toBe(
      true,
    );
    expect(data.contacts[0]?.emails).toHaveLength(2);
  });

  it('hands back an event of a type with no personal field untouched, without walking it', () => {
    const Tagged = t.type({
      type: t.literal('CustomerTagged'),
      data: t.type({ customerId: t.string }),
    });
    const Events = t.union([CustomerRegistered, Tagged]);
    // Reading this event's data would throw: the type alone must say there is nothing to erase.
    const data = Object.defineProperty({}, 'customerId', {
      enumerable: true,
      get: () => {
        throw new Error('walked an event that has no personal field');
      },
    });
    expect(withPersonalFieldsErased(Events, 'CustomerTagged', data)).toBe(data);
    const registered = { customerId: 'c-1', region: 'EMEA', contacts: [] };
    expect(withPersonalFieldsErased(Events, 'CustomerRegistered', registered)).toBe(registered);
  });
});
