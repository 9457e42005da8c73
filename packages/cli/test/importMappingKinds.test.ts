import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-mapping-kinds-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const store = join(dir, 'kinds.db');

/** Writes the CSV and its mapping file, then imports them into the one store of these tests. */
const importWith = async (kind: string, csv: string, mapping: Record<string, unknown>) => {
  writeFileSync(join(dir, `${kind}.csv`), csv);
  writeFileSync(join(dir, `${kind}.json`), JSON.stringify({ imports: kind, ...mapping }));
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' }, dir);
  const args = ['import', kind, `${kind}.csv`, '--mapping', `${kind}.json`];
  const code = await runCli(commands, [...args, '--store', `sqlite:${store}`], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

const events = (): { type: string; stream: string; data: Record<string, unknown> }[] => {
  const db = new Database(store, { readonly: true });
  const rows = db.prepare('SELECT stream_name, type, data FROM events ORDER BY position').all() as {
    stream_name: string;
    type: string;
    data: string;
  }[];
  db.close();
  return rows.map((row) => ({
    type: row.type,
    stream: row.stream_name,
    data: JSON.parse(row.data) as Record<string, unknown>,
  }));
};

const INVOICES = {
  idColumn: 'Number',
  idPrefix: 'inv-',
  columns: {
    customerId: 'Customer',
    invoiceNumber: 'Number',
    issuedOn: 'Invoice Date',
    dueOn: 'Due Date',
    total: 'Total',
  },
  prefixes: { customerId: 'acct-' },
  dates: { format: 'DD.MM.YYYY', timeZone: 'Europe/Rome' },
  money: { decimalSeparator: ',', currencyColumn: 'Currency' },
};

const PAYMENTS = {
  idColumn: 'Payment',
  idPrefix: 'pay-',
  columns: { invoiceId: 'Invoice', receivedOn: 'Paid on', amount: 'Paid' },
  prefixes: { invoiceId: 'inv-' },
  dates: { format: 'DD.MM.YYYY', timeZone: 'Europe/Rome' },
  money: { decimalSeparator: ',', currency: 'EUR' },
};

const TICKETS = {
  idColumn: 'Case Number',
  idPrefix: 'case-',
  columns: {
    customerId: 'Account',
    channel: 'Case Origin',
    category: 'Type',
    priority: 'Priority',
  },
  prefixes: { customerId: 'acct-' },
  values: {
    channel: { Phone: 'phone', Email: 'email', Web: 'web' },
    priority: { Low: 'low', Medium: 'normal', High: 'high' },
  },
};

describe('mapping files for invoices, payments and tickets', () => {
  it('imports invoices, then their payments (amounts in euros with comma decimals), and a re-run changes nothing', async () => {
    const invoices = [
      'Number;Customer;Invoice Date;Due Date;Total;Currency',
      '2024-001;Rossi;05.02.2024;06.03.2024;"1.220,00 €";EUR',
      '2024-002;Bianchi;10.02.2024;11.03.2024;"99,5";EUR',
      '',
    ].join('\n');
    const issued = await importWith('invoices', invoices, INVOICES);
    expect(issued.code, issued.err).toBe(ExitCode.ok);
    const payments = ['Payment,Invoice,Paid on,Paid', 'P1,2024-001,01.03.2024,"1.220,00"', ''].join(
      '\n',
    );
    const paid = await importWith('payments', payments, PAYMENTS);
    expect(paid.code, paid.err).toBe(ExitCode.ok);
    const written = events();
    expect(written.map((event) => event.type)).toEqual([
      'InvoiceIssued',
      'InvoiceIssued',
      'InvoicePaymentRecorded',
    ]);
    expect(written[0]?.data).toMatchObject({
      invoiceId: 'inv-2024-001',
      customerId: 'acct-Rossi',
      total: { amountMinor: 122_000, currency: 'EUR' },
      issuedOn: '2024-02-05',
      dueOn: '2024-03-06',
    });
    expect(written[2]?.stream).toContain('inv-2024-001');
    expect(written[2]?.data).toMatchObject({
      paymentId: 'pay-P1',
      amount: { amountMinor: 122_000, currency: 'EUR' },
      receivedOn: '2024-03-01',
    });
    const again = await importWith('payments', payments, PAYMENTS);
    const issuedAgain = await importWith('invoices', invoices, INVOICES);
    expect([again.code, issuedAgain.code]).toEqual([ExitCode.ok, ExitCode.ok]);
    expect(events()).toHaveLength(written.length);
  });

  it('imports tickets with the export words mapped to channels and priorities, and a re-run changes nothing', async () => {
    const before = events().length;
    const csv = [
      'Case Number,Account,Case Origin,Type,Priority',
      '00001026,Rossi,Phone,"Billing, refunds",High',
      '00001027,Bianchi,Web,Login,Medium',
      '',
    ].join('\n');
    const opened = await importWith('tickets', csv, TICKETS);
    expect(opened.code, opened.err).toBe(ExitCode.ok);
    const written = events().slice(before);
    expect(written.map((event) => event.type)).toEqual(['TicketOpened', 'TicketOpened']);
    expect(written[0]?.data).toMatchObject({
      ticketId: 'case-00001026',
      customerId: 'acct-Rossi',
      channel: 'phone',
      category: 'Billing, refunds',
      priority: 'high',
    });
    const again = await importWith('tickets', csv, TICKETS);
    expect(again.code).toBe(ExitCode.ok);
    expect(events()).toHaveLength(before + written.length);
  });

  it('rejects a ticket whose priority the value map does not cover, naming the field', async () => {
    const csv = [
      'Case Number,Account,Case Origin,Type,Priority',
      '9,Rossi,Fax,Other,Urgent!',
      '',
    ].join('\n');
    const result = await importWith('tickets', csv, TICKETS);
    expect(result.code).toBe(ExitCode.failed);
    expect(result.err).toContain('line 2: ');
    expect(result.err).toContain('priority');
    expect(result.err).toContain('channel');
  });

  it('imports the contacts of customers imported before, and a re-run changes nothing', async () => {
    const customers = ['Account,Name', 'Rossi,Rossi Srl', ''].join('\n');
    const registered = await importWith('customers', customers, {
      idColumn: 'Account',
      idPrefix: 'acct-',
      columns: { name: 'Name' },
      constants: { customerKind: 'company' },
    });
    expect(registered.code, registered.err).toBe(ExitCode.ok);
    const before = events().length;
    const csv = ['Contact ID,Account,Full Name,Title', 'C-7,Rossi,"Rossi, Maria",CFO', ''].join(
      '\n',
    );
    const contacts = {
      idColumn: 'Contact ID',
      idPrefix: 'contact-',
      columns: { customerId: 'Account', name: 'Full Name', role: 'Title' },
      prefixes: { customerId: 'acct-' },
    };
    const added = await importWith('contacts', csv, contacts);
    expect(added.code, added.err).toBe(ExitCode.ok);
    const written = events().slice(before);
    expect(written.map((event) => event.type)).toEqual(['CustomerContactAdded']);
    expect(written[0]?.stream).toContain('acct-Rossi');
    const again = await importWith('contacts', csv, contacts);
    expect(again.code).toBe(ExitCode.ok);
    expect(events()).toHaveLength(before + 1);
  });
});
