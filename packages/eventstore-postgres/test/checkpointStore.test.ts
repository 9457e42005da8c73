import { describe, expect, it } from 'vitest';
import { position } from '@clientele/eventstore';
import { createPostgresCheckpointStore } from '@clientele/eventstore-postgres';
import { usePostgres } from '../../../test/support/postgres.js';

const { available, pool, throwawaySchema } = await usePostgres({ maxConnections: 2 });

describe.runIf(available)('PostgreSQL checkpoint store', () => {
  it('remembers the last saved position per name across store instances', async () => {
    const schema = throwawaySchema();
    const first = createPostgresCheckpointStore({ pool, schema });
    expect(await first.load('mailer')).toBeUndefined();
    await first.save('mailer', position(7n));
    await first.save('mailer', position(2n ** 40n, 12n));
    await first.save('pipeline', position(3n));
    const second = createPostgresCheckpointStore({ pool, schema });
    expect(await second.load('mailer')).toEqual(position(2n ** 40n, 12n));
    expect(await second.load('pipeline')).toEqual(position(3n));
  });
});
