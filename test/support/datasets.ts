import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The public CRM datasets the real-data tests replay. They live beside the repository (in
 * `../shared/datasets`, where CI puts them), not in it; `CLIENTELE_DATASETS` points elsewhere.
 */
export const DATASETS_DIR =
  process.env['CLIENTELE_DATASETS'] ??
  fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

/** The URL of a file under the datasets folder, e.g. `datasetUrl('olist-marketing-funnel/')`. */
export const datasetUrl = (relative: string): URL =>
  new URL(relative, `file://${DATASETS_DIR.endsWith('/') ? DATASETS_DIR : `${DATASETS_DIR}/`}`);

/** Why the real-data tests cannot run here (the datasets are missing), or undefined. */
export const datasetsUnavailable = (): string | undefined =>
  existsSync(DATASETS_DIR)
    ? undefined
    : `the public datasets are not at ${DATASETS_DIR} (clone the project's shared/ folder beside the repository, or set CLIENTELE_DATASETS)`;
