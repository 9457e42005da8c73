import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseStoreLocation } from './storeLocation.js';

describe('store locations', () => {
  it('resolve a relative SQLite file against the working directory', () => {
    expect(parseStoreLocation('sqlite:./clientele.db', '/home/ada')).toEqual(
      E.right({ engine: 'sqlite', file: '/home/ada/clientele.db' }),
    );
    expect(parseStoreLocation('sqlite:///var/crm.db', '/home/ada')).toEqual(
      E.right({ engine: 'sqlite', file: '/var/crm.db' }),
    );
  });

  it('recognise memory, PostgreSQL and EventStoreDB URLs', () => {
    expect(parseStoreLocation('memory:', '/')).toEqual(E.right({ engine: 'memory' }));
    expect(parseStoreLocation('postgresql://postgres@127.0.0.1/crm', '/')).toEqual(
      E.right({ engine: 'postgres', connectionString: 'postgresql://postgres@127.0.0.1/crm' }),
    );
    expect(parseStoreLocation('esdb://localhost:2113?tls=false', '/')).toEqual(
      E.right({ engine: 'esdb', connectionString: 'esdb://localhost:2113?tls=false' }),
    );
  });

  it('explain what a store URL looks like when given something else', () => {
    const parsed = parseStoreLocation('mysql://x', '/');
    expect(E.isLeft(parsed) && parsed.left).toContain(
      'Use sqlite:./clientele.db, memory:, postgres://',
    );
  });
});
