import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-rebuild-threads-'));
const demo = join(dir, 'demo.db');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the built `clientele` binary as an administrator. */
const clientele = (...args: string[]) => {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CLIENTELE_ACTOR: 'clientele-demo:administrator' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

/** A copy of the demo store, so each rebuild starts from the same file. */
const copyOfDemo = (name: string): string => {
  const file = join(dir, name);
  copyFileSync(demo, file);
  return file;
};

/** Every active read-model document of a store file, as stored. */
const documentsOf = async (file: string): Promise<unknown[]> => {
  const store = createSqliteEventStore({ file });
  try {
    return store.database
      .prepare(
        `SELECT d.name, d.key, d.doc, d.last_position FROM projection_documents d
         JOIN projection_active a ON a.name = d.name AND a.build = d.build
         ORDER BY d.name, d.key`,
      )
      .raw(true)
      .all();
  } finally {
    await store.close();
  }
};

beforeAll(() => {
  expect(clientele('demo', '--steps', '300', '--store', `sqlite:${demo}`).code).toBe(0);
});

describe('clientele rebuild on several threads', () => {
  it('leaves every read model byte for byte as a rebuild on one thread does', async () => {
    const [one, two] = [copyOfDemo('one.db'), copyOfDemo('two.db')];
    const single = clientele('rebuild', 'all', '--threads', '1', '--store', `sqlite:${one}`);
    const threaded = clientele('rebuild', 'all', '--threads', '2', '--store', `sqlite:${two}`);
    expect(single.code, single.err).toBe(0);
    expect(threaded.code, threaded.err).toBe(0);
    expect(threaded.err).toContain('rebuilding');
    expect(threaded.out).toMatch(/rebuilt \d+ projection\(s\) from [\d,]+ events/);
    const documents = await documentsOf(one);
    expect(documents.length).toBeGreaterThan(0);
    expect(await documentsOf(two)).toEqual(documents);
  });

  it('refuses a thread count that is not a whole number, and rebuilds nothing', async () => {
    const file = copyOfDemo('refused.db');
    const before = await documentsOf(file);
    for (const threads of ['0', 'two', '1.5']) {
      const refused = clientele(
        'rebuild',
        'all',
        '--threads',
        threads,
        '--store',
        `sqlite:${file}`,
      );
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/--threads needs a whole number/);
    }
    expect(await documentsOf(file)).toEqual(before);
  });
});
