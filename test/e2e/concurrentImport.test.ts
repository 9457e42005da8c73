import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { datasetUrl, datasetsUnavailable } from '../support/datasets.js';
import { describeWhenAvailable } from '../support/requireService.js';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const MAVEN = datasetUrl('maven-crm-sales-opportunities/');
const dir = mkdtempSync(join(tmpdir(), 'clientele-concurrent-import-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The Maven files, with the pipeline cut to its first `deals` rows so the test stays short. */
const mavenFiles = (deals: number): string => {
  for (const name of ['sales_teams.csv', 'accounts.csv', 'products.csv'])
    copyFileSync(new URL(name, MAVEN), join(dir, name));
  const lines = readFileSync(new URL('sales_pipeline.csv', MAVEN), 'utf8').split('\r\n');
  const pipeline = join(dir, 'sales_pipeline.csv');
  writeFileSync(pipeline, [...lines.slice(0, deals + 1), ''].join('\r\n'));
  return pipeline;
};

/** `clientele import opportunities` as its own process; resolves with exit code and output. */
const importProcess = (pipeline: string, store: string) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [cli, 'import', 'opportunities', pipeline, '--store', `sqlite:${store}`],
      { cwd: dir, env: { ...process.env, CLIENTELE_ACTOR: 'ops-1:administrator' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => {
      resolve({ code, out, err });
    });
  });

/** What a store holds, engine-assigned and encrypted parts aside: stream, revision, type, command. */
const contents = async (file: string): Promise<string[]> => {
  const store = createSqliteEventStore({ file });
  const rows: string[] = [];
  for await (const event of store.readAll())
    rows.push(
      `${event.streamName}@${event.streamRevision} ${event.type} ${event.metadata.commandId}`,
    );
  await store.close();
  return rows.sort();
};

describeWhenAvailable('two imports of one file at once', datasetsUnavailable(), () => {
  it('both exit 0, and the store equals a single import', async () => {
    const pipeline = mavenFiles(150);
    const shared = join(dir, 'shared.db');
    const [first, second] = await Promise.all([
      importProcess(pipeline, shared),
      importProcess(pipeline, shared),
    ]);
    // A failure shows what each process said, so a rare race under load can be told apart.
    for (const run of [first, second]) {
      expect(run.code, run.err).toBe(0);
      expect(run.err.match(/^line .*/gm), run.err).toBeNull();
    }
    const single = join(dir, 'single.db');
    expect((await importProcess(pipeline, single)).code).toBe(0);
    expect(await contents(shared)).toEqual(await contents(single));
  });
});
