import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';
import { datasetUrl, datasetsUnavailable } from '../../../test/support/datasets.js';
import { describeWhenAvailable } from '../../../test/support/requireService.js';

const MAVEN = datasetUrl('maven-crm-sales-opportunities/');

const dir = mkdtempSync(join(tmpdir(), 'clientele-import-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A slice of the Maven data set in `folder`: the header and first 150 deals of the pipeline (CRLF
 * line ends, as the file has them) plus `extraRows`, with the three files the mapping reads
 * beside it copied whole. Returns the pipeline file's path.
 */
const mavenSlice = (folder: string, extraRows: readonly string[] = []): string => {
  const target = join(dir, folder);
  mkdirSync(target, { recursive: true });
  for (const name of ['sales_teams.csv', 'accounts.csv', 'products.csv'])
    copyFileSync(new URL(name, MAVEN), join(target, name));
  const lines = readFileSync(new URL('sales_pipeline.csv', MAVEN), 'utf8').split('\r\n');
  const pipeline = join(target, 'sales_pipeline.csv');
  writeFileSync(pipeline, [...lines.slice(0, 151), ...extraRows, ''].join('\r\n'));
  return pipeline;
};

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' }, dir);
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

const eventCount = (file: string): number => {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
  db.close();
  return row.n;
};

/*
 * The slice's figures, computed independently by a short Python script over the raw CSV
 * (csv.DictReader, first 150 rows, Counter of deal_stage): 110 Won, 26 Lost, 14 Engaging, no
 * Prospecting; so 150 opened and 150 moved to Engaging. The set-up is the whole of
 * sales_teams.csv (3 offices, 6 teams and managers, 35 reps) and accounts.csv (85 customers).
 */
const SLICE_EVENTS = 3 + 6 + 6 + 35 + 85 + 150 + 150 + 110 + 26;

describeWhenAvailable('clientele import', datasetsUnavailable(), () => {
  it('imports a slice of the Maven data set into a SQLite file, and importing it again changes nothing', async () => {
    const pipeline = mavenSlice('maven');
    const store = `sqlite:${join(dir, 'maven.db')}`;
    const first = await run(
      'import',
      'opportunities',
      pipeline,
      '--mapping',
      'maven',
      '--store',
      store,
    );
    expect(first.code).toBe(ExitCode.ok);
    expect(first.out).toContain('rows read:          277');
    expect(first.out).toContain(`commands accepted:  ${SLICE_EVENTS}`);
    expect(first.out).toContain('rows rejected:      0');
    expect(first.out).toContain('  OpportunityWon: 110');
    expect(first.err).toContain('importing opportunities (maven)');
    expect(eventCount(join(dir, 'maven.db'))).toBe(SLICE_EVENTS);

    const again = await run(
      'import',
      'opportunities',
      pipeline,
      '--mapping',
      'maven',
      '--store',
      store,
    );
    expect(again.code).toBe(ExitCode.ok);
    expect(again.out).toContain(`  changed nothing:  ${SLICE_EVENTS}`);
    expect(again.out).toContain('events appended:    0');
    expect(eventCount(join(dir, 'maven.db'))).toBe(SLICE_EVENTS);
  });

  it('writes nothing when a row is rejected, lists it by line and reason, and exits 1; --skip-invalid writes the others', async () => {
    const pipeline = mavenSlice('bad', ['BADROW01,Moses Frase,MG Special,,Won,2017-01-02,,']);
    const file = join(dir, 'bad.db');
    const result = await run('import', 'opportunities', pipeline, '--store', `sqlite:${file}`);
    expect(result.code).toBe(ExitCode.failed);
    expect(result.err).toContain('line 152: close_date, close_value: required for a Won deal');
    expect(result.out).toContain('nothing was written: 1 row(s) rejected');
    expect(result.out).toContain('rows rejected:      1');
    // The store file the import would have created is not left behind.
    expect(existsSync(file)).toBe(false);

    const skipping = await run(
      'import',
      'opportunities',
      pipeline,
      '--skip-invalid',
      '--store',
      `sqlite:${file}`,
    );
    expect(skipping.code).toBe(ExitCode.failed);
    expect(skipping.out).toContain('written, except the 1 rejected row(s) (--skip-invalid)');
    // Nothing of the bad row was written: not even its opening.
    expect(eventCount(file)).toBe(SLICE_EVENTS);
  });

  it('checks every row in a dry run without creating the store', async () => {
    const pipeline = mavenSlice('dry');
    const file = join(dir, 'dry.db');
    const result = await run(
      'import',
      'opportunities',
      pipeline,
      '--dry-run',
      '--store',
      `sqlite:${file}`,
    );
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toContain('dry run: nothing was written');
    expect(result.out).toContain(`commands accepted:  ${SLICE_EVENTS}`);
    expect(existsSync(file)).toBe(false);
  });

  it('says what to do when the mapping does not import that kind, or a sibling file is missing', async () => {
    const wrongKind = await run('import', 'tickets', join(dir, 'x.csv'), '--mapping', 'maven');
    expect(wrongKind.code).toBe(ExitCode.usage);
    expect(wrongKind.err).toContain('the maven mapping imports opportunities, not tickets');

    mkdirSync(join(dir, 'lonely'), { recursive: true });
    writeFileSync(join(dir, 'lonely', 'sales_pipeline.csv'), 'opportunity_id\r\nX1\r\n');
    const missing = await run(
      'import',
      'opportunities',
      join(dir, 'lonely', 'sales_pipeline.csv'),
      '--dry-run',
    );
    expect(missing.code).toBe(ExitCode.failed);
    expect(missing.err).toContain('sales_teams.csv was not found next to');
  });

  it('imports customers with a mapping file, reports a row without an id by its line, and re-importing changes nothing', async () => {
    const accounts = readFileSync(new URL('accounts.csv', MAVEN), 'utf8');
    const csv = join(dir, 'accounts.csv');
    writeFileSync(csv, `${accounts},retail,2001,1.5,10,Italy,\r\n`);
    const mappingFile = join(dir, 'accounts.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({
        imports: 'customers',
        idColumn: 'account',
        idPrefix: 'account-',
        columns: { name: 'account', industry: 'sector', region: 'office_location' },
        constants: { customerKind: 'company' },
      }),
    );
    const file = join(dir, 'accounts.db');
    const args = [
      'import',
      'customers',
      csv,
      '--mapping',
      mappingFile,
      '--store',
      `sqlite:${file}`,
    ];
    const first = await run(...args);
    expect(first.code).toBe(ExitCode.failed);
    // accounts.csv has 85 data rows (lines 2-86); the added row is line 87.
    expect(first.err).toContain('\nline 87: account: the id column is empty or missing\n');
    expect(first.out).toContain('nothing was written');
    expect(existsSync(file)).toBe(false);

    const skipping = await run(...args, '--skip-invalid');
    expect(skipping.out).toContain('  CustomerRegistered: 85');
    expect(eventCount(file)).toBe(85);

    const again = await run(...args, '--skip-invalid');
    expect(again.out).toContain('  changed nothing:  85');
    expect(eventCount(file)).toBe(85);
  });

  it('imports a slice of the Olist funnel with its deals beside it, counting what the conversion appends', async () => {
    const olist = datasetUrl('olist-marketing-funnel/');
    const target = join(dir, 'olist');
    mkdirSync(target, { recursive: true });
    const mqls = readFileSync(new URL('olist_marketing_qualified_leads_dataset.csv', olist), 'utf8')
      .split('\n')
      .slice(0, 1_001);
    const ids = new Set(mqls.slice(1).map((line) => line.split(',')[0]));
    const deals = readFileSync(new URL('olist_closed_deals_dataset.csv', olist), 'utf8')
      .split('\n')
      .filter((line, index) => index === 0 || ids.has(line.split(',')[0]));
    const leadsFile = join(target, 'olist_marketing_qualified_leads_dataset.csv');
    writeFileSync(leadsFile, `${mqls.join('\n')}\n`);
    writeFileSync(join(target, 'olist_closed_deals_dataset.csv'), `${deals.join('\n')}\n`);
    const result = await run('import', 'leads', leadsFile, '--dry-run');
    // Computed with Python over the raw CSVs: 92 closed deals join the first 1,000 MQLs.
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toContain('rows read:          1,092');
    expect(result.out).toContain('  LeadCaptured: 1,000');
    expect(result.out).toContain('  LeadConverted: 92');
    expect(result.out).toContain('  CustomerRegistered: 92');
    expect(result.out).toContain('  OpportunityOpened: 92');
    expect(result.out).toContain('  OpportunityWon: 92');
  });

  it('refuses an empty or header-only file, decodes a named encoding, and takes --delimiter', async () => {
    writeFileSync(
      join(dir, 'names.json'),
      JSON.stringify({
        imports: 'customers',
        idColumn: 'id',
        columns: { name: 'name' },
        constants: { customerKind: 'company' },
      }),
    );
    const importing = (name: string, content: string | Buffer, ...extra: string[]) => {
      writeFileSync(join(dir, name), content);
      return run('import', 'customers', name, '--mapping', 'names.json', '--dry-run', ...extra);
    };
    const empty = await importing('empty.csv', '');
    expect([empty.code, empty.err]).toEqual([
      ExitCode.failed,
      `clientele import: ${join(dir, 'empty.csv')}: the file is empty\nnothing was written\n`,
    ]);
    const headerOnly = await importing('header.csv', 'id,name\r\n');
    expect(headerOnly.code).toBe(ExitCode.failed);
    expect(headerOnly.err).toContain('header.csv: the file has a header line and no rows after it');

    const latin1 = Buffer.concat([
      Buffer.from('id,name\n1,M'),
      Buffer.from([0xfc]),
      Buffer.from('ller\n'),
    ]);
    const decoded = await importing('latin1.csv', latin1, '--encoding', 'latin1');
    expect(decoded.code).toBe(ExitCode.ok);
    expect(decoded.out).toContain('"name":"Müller"');
    const unknown = await importing('latin1.csv', latin1, '--encoding', 'klingon');
    expect(unknown.code).toBe(ExitCode.failed);
    expect(unknown.err).toContain('"klingon" is not an encoding this reader knows');

    const semicolons = await importing('semi.csv', 'id;name\n1;Acme\n', '--delimiter', 'comma');
    expect(semicolons.code).toBe(ExitCode.failed);
    expect(semicolons.err).toContain('line 2: id: the id column is empty or missing');
    const badOption = await importing('semi.csv', 'id;name\n1;Acme\n', '--delimiter', 'pipe');
    expect([badOption.code, badOption.err]).toEqual([
      ExitCode.usage,
      'clientele import: --delimiter takes comma, semicolon or tab, not "pipe"\n',
    ]);
  });

  it('records every imported event as system work requested by the operator, with the mapping and file hashes as how', async () => {
    const csv = join(dir, 'operated.csv');
    writeFileSync(csv, 'id,name\n1,Acme\n2,Beta\n');
    const mappingFile = join(dir, 'operated.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({
        imports: 'customers',
        idColumn: 'id',
        columns: { name: 'name' },
        constants: { customerKind: 'company' },
      }),
    );
    const file = join(dir, 'operated.db');
    const io = recordingIo({ CLIENTELE_ACTOR: 'ops-7:administrator' }, dir);
    const code = await runCli(
      commands,
      ['import', 'customers', csv, '--mapping', mappingFile, '--store', `sqlite:${file}`],
      io,
    );
    expect(code).toBe(ExitCode.ok);
    const db = new Database(file, { readonly: true });
    const metadata = (
      db.prepare("SELECT metadata FROM events WHERE type = 'CustomerRegistered'").all() as {
        metadata: string;
      }[]
    ).map((row) => JSON.parse(row.metadata) as { actor: unknown; how: unknown });
    db.close();
    const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(metadata).toHaveLength(2);
    for (const event of metadata) {
      expect(event.actor).toEqual({
        id: 'clientele-import',
        role: 'system',
        reason: 'import requested by ops-7 (administrator)',
      });
      expect(event.how).toEqual({
        requestedBy: 'ops-7',
        via: 'import',
        mapping: 'operated.json',
        mappingSha256: sha256(mappingFile),
        fileSha256: sha256(csv),
      });
    }
  });
});
