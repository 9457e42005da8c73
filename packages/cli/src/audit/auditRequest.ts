import type { Actor } from '@clientele/eventstore';
import type { ReadAccess } from '@clientele/projections';
import type { CliIo } from '../io.js';
import type { ReadSide } from '../store/openReadSide.js';
import type { AuditWindow } from './auditWindow.js';

/** The formats an audit prints in: a table for people, JSON or CSV for tools. */
export type AuditFormat = 'table' | 'json' | 'csv';

/** What every audit subject is given to print its answer. */
export interface AuditRequest {
  /** The opened, caught-up read side of the store. */
  readonly readSide: ReadSide;
  /** What the auditing actor may read. */
  readonly access: ReadAccess;
  /** The auditing actor, who is recorded as the reader or searcher. */
  readonly actor: Actor;
  /** Which moments of the history the audit shows. */
  readonly window: AuditWindow;
  readonly format: AuditFormat;
  readonly io: CliIo;
}
