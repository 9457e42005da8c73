import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-import-e2e-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

writeFileSync(
  join(dir, 'customers.json'),
  JSON.stringify({
    imports: 'customers',
    idColumn: 'id',
    columns: { name: 'name' },
    constants: { customerKind: 'company' },
  }),
);

/** Runs the built `clientele import customers FILE` with the mapping file above, as a user would. */
const importCustomers = (name: string, content: string | Buffer, ...extra: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  const store = join(dir, `${name}.db`);
  const result = spawnSync(
    process.execPath,
    [
      cli,
      'import',
      'customers',
      file,
      '--mapping',
      'customers.json',
      '--store',
      `sqlite:${store}`,
      ...extra,
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CLIENTELE_ACTOR: 'ops-1:administrator' },
    },
  );
  return { code: result.status, out: result.stdout, err: result.stderr, store };
};

describe('clientele import refuses a file that is not what it seems, and writes nothing', () => {
  it('refuses unquoted inch marks instead of merging rows, naming line and column (exit 1)', () => {
    const result = importCustomers(
      'inches.csv',
      'id,name\n1,Acme 5" Screens\n2,Beta\n3,Gamma 7" Panels\n4,Delta\n',
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'inches.csv: line 2, column 2 (name): a quote inside an unquoted field',
    );
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(existsSync(result.store)).toBe(false);
  });

  it('refuses an unterminated quote on line 3 before writing row 1, without a stack trace (exit 1)', () => {
    const result = importCustomers('open.csv', 'id,name\n1,Acme\n2,"Beta\n3,Gamma\n');
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `clientele import: ${join(dir, 'open.csv')}: line 3: a quoted field opens here and is never closed (the file ends inside quotes)\nnothing was written\n`,
    );
    expect(existsSync(result.store)).toBe(false);
  });

  it('refuses a Latin-1 file, naming the first bad line and --encoding (exit 1)', () => {
    const latin1 = Buffer.concat([
      Buffer.from('id,name\n1,Acme\n2,M'),
      Buffer.from([0xfc]),
      Buffer.from('ller GmbH\n'),
    ]);
    const refused = importCustomers('latin1.csv', latin1);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('latin1.csv: line 3 is not valid UTF-8');
    expect(refused.err).toContain('--encoding');
    expect(existsSync(refused.store)).toBe(false);
  });

  it('reads a semicolon-separated file by the delimiter its header uses (exit 0)', () => {
    const detected = importCustomers('semicolon.csv', 'id;name\n1;"Acme; Inc"\n2;Beta, Ltd\n');
    expect(detected.code).toBe(0);
    expect(detected.out).toContain('  CustomerRegistered: 2');
  });

  it('leaves no store file when a row is rejected, and writes the file once the row is put right', () => {
    const rejected = importCustomers('blank-name.csv', 'id,name\n1,Acme\n2,\n');
    expect(rejected.code).toBe(1);
    expect(rejected.err).toContain('line 3');
    expect(existsSync(rejected.store)).toBe(false);
    expect(existsSync(`${rejected.store}-wal`)).toBe(false);
    const fixed = importCustomers('blank-name.csv', 'id,name\n1,Acme\n2,Beta\n');
    expect(fixed.code).toBe(0);
    expect(existsSync(fixed.store)).toBe(true);
  });

  it('refuses a binary file with a message (exit 1)', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    const binary = importCustomers('export.xlsx', zip);
    expect(binary.code).toBe(1);
    expect(binary.err).toContain('line 1 holds a NUL character: this is a binary file');
  });
});
