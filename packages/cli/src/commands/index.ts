import type { CliCommand } from '../command.js';
import { accessCommand } from './access.js';
import { auditCommand } from './audit.js';
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { forgetCommand } from './forget.js';
import { migrateCommand } from './migrate.js';
import { importCommand } from './import.js';
import { rebuildCommand } from './rebuild.js';
import { rectifyCommand } from './rectify.js';
import { reportCommand } from './report.js';
import { sealCommand } from './seal.js';
import { verifyCommand } from './verify.js';

/** Every `clientele` command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  demoCommand,
  reportCommand,
  auditCommand,
  exportCommand,
  forgetCommand,
  accessCommand,
  rectifyCommand,
  rebuildCommand,
  importCommand,
  migrateCommand,
  sealCommand,
  verifyCommand,
];
