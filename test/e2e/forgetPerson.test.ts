import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-forget-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the built `clientele` binary in the test's directory; returns its exit code and output. */
const clientele = (actor: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, [cli, ...args, '--actor', actor], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** The store file and its write-ahead log, as bytes: where a key could linger on disk. */
const rawStore = (): Buffer =>
  Buffer.concat(
    ['clientele.db', 'clientele.db-wal']
      .map((name) => join(dir, name))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file)),
  );

interface AccessExport {
  readonly forgotten: boolean;
  readonly records: readonly { readonly values: readonly { readonly value: unknown }[] }[];
}
const readExport = (file: string) =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as AccessExport;

describe("a person's rights on the demo store, from the command line", () => {
  it('exports and corrects their data, refuses a rep, erases them for good, and the store verifies', async () => {
    execFileSync(process.execPath, [cli, 'demo', '--steps', '300'], { cwd: dir, stdio: 'ignore' });
    const store = createSqliteEventStore({ file: join(dir, 'clientele.db') });
    let subjectId = '';
    for await (const event of store.readAll({ filter: { eventTypes: ['CustomerRegistered'] } })) {
      subjectId = (event.data as { subjectId: string }).subjectId;
      break;
    }
    // The person's data key: the only thing that makes their encrypted fields readable.
    const key = store.database
      .prepare('SELECT key FROM data_keys WHERE subject_id = ?')
      .pluck()
      .get(subjectId) as Buffer | undefined;
    await store.close();
    expect(key?.length).toBe(32);
    const keyBytes = key as Buffer;
    expect(rawStore().includes(keyBytes)).toBe(true);

    const before = clientele('dpo:administrator', 'access', subjectId, '--out', 'before.json');
    expect(before.status).toBe(0);
    const values = readExport('before.json')
      .records.flatMap((record) => record.values.map((field) => field.value))
      .filter((value): value is string => typeof value === 'string');
    expect(values.length).toBeGreaterThan(0);

    const rectified = clientele(
      'dpo:administrator',
      'rectify',
      subjectId,
      '--name',
      'Corrected Name Ltd',
    );
    expect(rectified.status).toBe(0);
    expect(rectified.stdout).toContain('UpdateCustomerProfile');
    const corrected = clientele(
      'dpo:administrator',
      'access',
      subjectId,
      '--out',
      'corrected.json',
    );
    expect(corrected.status).toBe(0);
    expect(readFileSync(join(dir, 'corrected.json'), 'utf8')).toContain('Corrected Name Ltd');

    const refused = clientele('rep-1:sales_rep', 'forget', subjectId);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain('DataSubject.ForgetPerson');

    const forgotten = clientele('dpo:administrator', 'forget', subjectId);
    expect(forgotten.status).toBe(0);
    expect(forgotten.stdout).toMatch(/^forgot [\s\S]*\npurged: /);

    const after = clientele('dpo:administrator', 'access', subjectId, '--out', 'after.json');
    expect(after.status).toBe(0);
    const erased = readExport('after.json');
    expect(erased.forgotten).toBe(true);
    const readable = erased.records
      .flatMap((record) => record.values.map((field) => JSON.stringify(field.value)))
      .filter((value) => value !== '{"$erased":true}');
    expect(readable).toEqual([]);
    // The key was on disk before; now neither the file nor its log holds it, so every copy of
    // the person's encrypted values (backups included) stays unreadable.
    expect(rawStore().includes(keyBytes)).toBe(false);
    expect(clientele('dpo:administrator', 'verify').status).toBe(0);
  });
});
