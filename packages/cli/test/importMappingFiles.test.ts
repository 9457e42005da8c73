import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

/** The example mappings shipped with the docs, used as an analyst would use them. */
const SALESFORCE = fileURLToPath(
  new URL('../../../docs/mappings/salesforce-opportunities.json', import.meta.url),
);
const HUBSPOT = fileURLToPath(
  new URL('../../../docs/mappings/hubspot-deals.json', import.meta.url),
);

const dir = mkdtempSync(join(tmpdir(), 'clientele-mapping-files-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' }, dir);
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

interface StoredEvent {
  readonly stream: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly occurredAt: unknown;
}

const storedEvents = (file: string): StoredEvent[] => {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare('SELECT stream_name, type, data, metadata FROM events ORDER BY position')
    .all() as { stream_name: string; type: string; data: string; metadata: string }[];
  db.close();
  return rows.map((row) => ({
    stream: row.stream_name,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    occurredAt: (JSON.parse(row.metadata) as { occurredAt?: unknown }).occurredAt,
  }));
};

/** Imports `csv` with `mapping` into a fresh store, then again; returns both runs and the store. */
const importTwice = async (name: string, csv: string, mapping: string) => {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  const store = join(dir, `${name}.db`);
  const args = [
    'import',
    'opportunities',
    file,
    '--mapping',
    mapping,
    '--store',
    `sqlite:${store}`,
  ];
  const first = await run(...args);
  // An import that writes nothing leaves no store file: nothing stored, then.
  const storeLeft = existsSync(store);
  const events = storeLeft ? storedEvents(store) : [];
  const again = await run(...args);
  return { first, again, storeLeft, events, after: existsSync(store) ? storedEvents(store) : [] };
};

const kinds = (events: readonly StoredEvent[]) => events.map((event) => event.type);

describe('the example mapping files', () => {
  it('imports a Salesforce opportunities report (US dates, dollar amounts with thousands separators, quoted commas and quotes), and a re-run changes nothing', async () => {
    const csv = [
      '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Probability (%)","Close Date","Created Date","Lead Source","Opportunity ID"',
      '"Jane Roe","Acme, Inc.","Acme, Inc. - 500 Widgets","Closed Won","USD 12,500.00","100","03/15/2024","01/05/2024","Web","0065g00000AbCdEAAA"',
      '"John Doe","Globex","Globex renewal","Negotiation/Review","$8,000.5","90","04/30/2024","02/11/2024","Partner Referral","0065g00000AbCdEAAB"',
      '"Jane Roe","Initech","Initech ""TPS"" upgrade","Closed Lost","1200","0","2/1/2024","1/20/2024","","0065g00000AbCdEAAC"',
      '',
    ].join('\r\n');
    const { first, again, events, after } = await importTwice('salesforce', csv, SALESFORCE);
    expect(first.code, first.err).toBe(ExitCode.ok);
    expect(kinds(events)).toEqual([
      'OpportunityOpened',
      'OpportunityWon',
      'OpportunityOpened',
      'OpportunityOpened',
      'OpportunityLost',
    ]);
    expect(events[0]?.data).toMatchObject({
      opportunityId: 'sf-0065g00000AbCdEAAA',
      name: 'Acme, Inc. - 500 Widgets',
      ownerId: 'Jane Roe',
      amount: { amountMinor: 1_250_000, currency: 'USD' },
      expectedCloseOn: '2024-03-15',
      source: 'web',
    });
    // 5 January 2024, midnight in Los Angeles (UTC-8).
    expect(events[0]?.occurredAt).toBe('2024-01-05T08:00:00.000Z');
    expect(events[1]?.data).toMatchObject({ wonOn: '2024-03-15' });
    expect(events[2]?.data).toMatchObject({
      name: 'Globex renewal',
      amount: { amountMinor: 800_050, currency: 'USD' },
      stageId: 'negotiation',
      source: 'partner',
    });
    expect(events[3]?.data).toMatchObject({
      name: 'Initech "TPS" upgrade',
      expectedCloseOn: '2024-02-01',
    });
    expect(events[4]?.data).toMatchObject({ lostOn: '2024-02-01' });

    expect(again.code).toBe(ExitCode.ok);
    expect(again.out).toContain('changed nothing:  5');
    expect(after.length).toBe(events.length);
  });

  it('imports a HubSpot deals export (European dates and amounts, a euro sign, a blank amount), and a re-run changes nothing', async () => {
    const csv = [
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline',
      '9876543210,"Müller GmbH, Rahmenvertrag",Contract Sent,"€12.500,00",31/05/2024,02/04/2024,Anna Schmidt,Sales Pipeline',
      '9876543211,Dupont SA pilot,Closed Won,"1.999,9",15/03/2024,13/01/2024,Luc Martin,Sales Pipeline',
      '9876543212,Rossi SpA,Appointment Scheduled,,30/06/2024,01/04/2024,Anna Schmidt,Sales Pipeline',
      '',
    ].join('\n');
    const { first, again, events, after } = await importTwice('hubspot', csv, HUBSPOT);
    expect(first.code, first.err).toBe(ExitCode.ok);
    expect(kinds(events)).toEqual([
      'OpportunityOpened',
      'OpportunityOpened',
      'OpportunityWon',
      'OpportunityOpened',
    ]);
    expect(events[0]?.data).toMatchObject({
      opportunityId: 'hs-9876543210',
      name: 'Müller GmbH, Rahmenvertrag',
      amount: { amountMinor: 1_250_000, currency: 'EUR' },
      expectedCloseOn: '2024-05-31',
      stageId: 'negotiation',
      source: 'hubspot',
    });
    // 2 April 2024, midnight in Berlin (summer time, UTC+2).
    expect(events[0]?.occurredAt).toBe('2024-04-01T22:00:00.000Z');
    expect(events[1]?.data).toMatchObject({ amount: { amountMinor: 199_990, currency: 'EUR' } });
    expect(events[2]?.data).toMatchObject({ wonOn: '2024-03-15' });
    expect(events[3]?.data).toMatchObject({
      amount: { amountMinor: 0, currency: 'EUR' },
      stageId: 'prospecting',
    });

    expect(again.code).toBe(ExitCode.ok);
    expect(after.length).toBe(events.length);
  });

  it('turns several rows of one deal into its stage and amount history, and a re-run changes nothing', async () => {
    const csv = [
      'Opportunity ID,Opportunity Name,Opportunity Owner,Stage,Amount,Close Date,Created Date',
      '006A,Big deal,Jane Roe,Prospecting,"10,000",06/30/2024,01/02/2024',
      '006A,Big deal,Jane Roe,Qualification,"10,000",06/30/2024,02/03/2024',
      '006A,Big deal,Jane Roe,Qualification,"10,000",06/30/2024,02/10/2024',
      '006A,Big deal,Jane Roe,Proposal/Price Quote,"12,000",06/30/2024,04/04/2024',
      '006A,Big deal,Jane Roe,Closed Won,"12,000",06/28/2024,06/28/2024',
      '',
    ].join('\n');
    const { first, again, events, after } = await importTwice('history', csv, SALESFORCE);
    expect(first.code, first.err).toBe(ExitCode.ok);
    expect(kinds(events)).toEqual([
      'OpportunityOpened',
      'OpportunityStageChanged',
      'OpportunityAmountChanged',
      'OpportunityStageChanged',
      'OpportunityWon',
    ]);
    expect(events[4]?.data).toMatchObject({ amount: { amountMinor: 1_200_000, currency: 'USD' } });
    expect(events.map((event) => event.occurredAt)).toEqual([
      '2024-01-02T08:00:00.000Z',
      '2024-02-03T08:00:00.000Z',
      '2024-04-04T07:00:00.000Z',
      '2024-04-04T07:00:00.000Z',
      '2024-06-28T07:00:00.000Z',
    ]);
    expect(after.length).toBe(events.length);
    expect(again.code).toBe(ExitCode.ok);
  });

  it('rejects rows whose dates, amounts or stages the mapping cannot read, naming the line and column, and writes nothing', async () => {
    const csv = [
      'Opportunity ID,Opportunity Name,Opportunity Owner,Stage,Amount,Close Date,Created Date',
      '006B,Day first,Jane Roe,Prospecting,100,31/12/2024,01/02/2024',
      '006C,Odd stage,Jane Roe,Stalled,100,12/31/2024,01/02/2024',
      '006D,Too precise,Jane Roe,Prospecting,100.123,12/31/2024,01/02/2024',
      '',
    ].join('\n');
    const { first, storeLeft, events } = await importTwice('rejected', csv, SALESFORCE);
    expect(first.code).toBe(ExitCode.failed);
    expect(first.err).toContain('line 2: Close Date: expected a date MM/DD/YYYY, got "31/12/2024"');
    expect(first.err).toContain('line 3: stage: not a stage of the pipeline b2b');
    expect(first.err).toContain('line 4: Amount: more than 2 decimals, got "100.123"');
    expect(storeLeft).toBe(false);
    expect(events).toEqual([]);
  });

  it('refuses a mapping file naming the wrong key, and says which', async () => {
    const mapping = join(dir, 'wrong.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        imports: 'opportunities',
        idColumn: 'id',
        columns: {},
        dates: { format: 'DD.MM.YY', timeZone: 'Mars/Olympus' },
        money: { decimalSeparator: ';' },
      }),
    );
    writeFileSync(join(dir, 'any.csv'), 'id\n1\n');
    const result = await run('import', 'opportunities', 'any.csv', '--mapping', mapping);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('dates.format: expected DateFormat');
    expect(result.err).toContain('dates.timeZone: expected TimeZone');
    expect(result.err).toContain('money.decimalSeparator:');
  });
});
