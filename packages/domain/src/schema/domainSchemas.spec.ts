import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import * as domain from '../index.js';
import { commandJsonSchema, eventJsonSchema } from './domainSchemas.js';
import { schemaProblems, schemaValidator } from '../../test/support/schemaValidator.js';

/** Every aggregate's command and event codec the package exports (a union, or one codec), by name. */
const messageCodecs = (suffix: 'Command' | 'Event') =>
  Object.entries(domain).filter(
    (entry): entry is [string, t.Mixed] => entry[0].endsWith(suffix) && entry[1] instanceof t.Type,
  );

const commandSchema = (codec: t.Mixed) => {
  const schema = commandJsonSchema(codec);
  if (E.isLeft(schema)) throw new Error(JSON.stringify(schema.left));
  return schemaValidator(schema.right);
};

const contact = { subjectId: 'p-1', name: 'Ada Lovelace', email: ' Ada@Example.org ' };

describe('domain command and event schemas', () => {
  it('converts every command and event codec the domain exports to a valid schema, with no gap', () => {
    const all = [...messageCodecs('Command'), ...messageCodecs('Event')];
    expect(all.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'CustomerCommand',
        'LeadEvent',
        'CustomerExportCommand',
        'TicketEvent',
      ]),
    );
    expect(all.length).toBeGreaterThanOrEqual(24);
    for (const [name, codec] of all) {
      const schema = name.endsWith('Command') ? commandJsonSchema(codec) : eventJsonSchema(codec);
      if (E.isLeft(schema)) throw new Error(`${name}: ${JSON.stringify(schema.left)}`);
      expect(schema.right, name).toMatchObject({ title: expect.any(String) });
      expect(schemaProblems(schema.right), name).toEqual([]);
    }
  });

  it('accepts the raw forms a normalizing codec accepts: emails in any case, phones with separators', () => {
    const validate = commandSchema(domain.RegisterCustomer);
    const command = {
      kind: 'RegisterCustomer',
      customerId: 'c-1',
      customerKind: 'company',
      name: ' Acme ',
      emails: ['Buyer@ACME.example'],
      phones: ['0049 (30) 123-456.78', '+1 555 010 9999'],
      contacts: [contact],
    };
    expect(E.isRight(domain.RegisterCustomer.decode(command))).toBe(true);
    expect(validate(command)).toEqual([]);
  });

  it('refuses what the codec refuses and names the field', () => {
    const validate = commandSchema(domain.CustomerCommand);
    for (const [field, value] of [
      ['emails', ['not-an-email']],
      ['phones', ['030 123456']],
      ['name', '   '],
      ['customerKind', 'alien'],
    ] as const) {
      const command = {
        kind: 'RegisterCustomer',
        customerId: 'c-1',
        customerKind: 'company',
        name: 'Acme',
        [field]: value,
      };
      expect(E.isLeft(domain.CustomerCommand.decode(command)), field).toBe(true);
      expect(validate(command).join('\n'), field).toContain(`/${field}`);
    }
  });

  it('requires one of the fields of a correction that must name at least one', () => {
    const validate = commandSchema(domain.CorrectLeadContact);
    expect(validate({ kind: 'CorrectLeadContact', leadId: 'l-1' })).not.toEqual([]);
    expect(validate({ kind: 'CorrectLeadContact', leadId: 'l-1', phone: '+4930123456' })).toEqual(
      [],
    );
  });

  it('marks personal fields, and allows the erased marker in stored events only', () => {
    const command = commandJsonSchema(domain.RegisterCustomer);
    expect(JSON.stringify(command)).toContain('"x-personal":true');
    const erased = {
      kind: 'RegisterCustomer',
      customerId: 'c-1',
      customerKind: 'person',
      name: { $erased: true },
    };
    expect(commandSchema(domain.RegisterCustomer)(erased)).not.toEqual([]);
    const event = eventJsonSchema(domain.CustomerEvent);
    if (E.isLeft(event)) throw new Error('the customer events convert');
    const registered = {
      type: 'CustomerRegistered',
      data: {
        customerId: 'c-1',
        subjectId: 'p-1',
        kind: 'person',
        name: { $erased: true },
        emails: [{ $erased: true }],
        phones: [],
        tags: [],
        contacts: [],
      },
    };
    expect(E.isRight(domain.CustomerEvent.decode(registered))).toBe(true);
    expect(schemaValidator(event.right)(registered)).toEqual([]);
  });

  it('says so when a field is kept for a retention class after its person is forgotten', () => {
    expect(JSON.stringify(eventJsonSchema(domain.InvoiceEvent))).toContain(
      '"x-retained-as":"invoice"',
    );
  });

  it('describes money as whole minor units and an ISO currency', () => {
    const validate = schemaValidatorOf(domain.NonNegativeMoney);
    expect(validate({ amountMinor: 123450, currency: 'CNY' })).toEqual([]);
    expect(validate({ amountMinor: 1.5, currency: 'CNY' })).not.toEqual([]);
    expect(validate({ amountMinor: -1, currency: 'CNY' })).not.toEqual([]);
    expect(validate({ amountMinor: 1, currency: 'cny' })).not.toEqual([]);
  });
});

const schemaValidatorOf = (codec: t.Mixed) => commandSchema(codec);
