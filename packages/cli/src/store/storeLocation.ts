import * as E from 'fp-ts/lib/Either.js';
import { isAbsolute, resolve } from 'node:path';

/** Which engine and where, as given by `--store` or `CLIENTELE_STORE`. */
export type StoreLocation =
  | { readonly engine: 'sqlite'; readonly file: string }
  | { readonly engine: 'memory' }
  | { readonly engine: 'postgres'; readonly connectionString: string }
  | { readonly engine: 'esdb'; readonly connectionString: string };

/** The store used when neither `--store` nor `CLIENTELE_STORE` says otherwise. */
export const DEFAULT_STORE = 'sqlite:./clientele.db';

/**
 * Parses a store URL: `sqlite:./file.db` (relative to `cwd`), `sqlite:/abs/file.db`, `memory:`,
 * `postgres://…` or `postgresql://…`, `esdb://…` or `kurrentdb://…`.
 */
export const parseStoreLocation = (text: string, cwd: string): E.Either<string, StoreLocation> => {
  if (text === 'memory:' || text === 'memory') return E.right({ engine: 'memory' });
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') return E.left('sqlite: needs a file, e.g. sqlite:./clientele.db');
    return E.right({ engine: 'sqlite', file: isAbsolute(path) ? path : resolve(cwd, path) });
  }
  if (/^postgres(ql)?:\/\//.test(text))
    return E.right({ engine: 'postgres', connectionString: text });
  if (/^(esdb|kurrentdb)(\+discover)?:\/\//.test(text))
    return E.right({ engine: 'esdb', connectionString: text });
  return E.left(
    `"${text}" is not a store. Use sqlite:./clientele.db, memory:, postgres://user@host:5432/db or esdb://host:2113`,
  );
};
