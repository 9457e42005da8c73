/**
 * Build step: writes `dist/commandManifest.json` from the compiled commands, so the installed
 * `clientele --help` answers without loading them.
 *
 * @packageDocumentation
 */
import { commands } from '../commands/index.js';
import { writeCommandManifest } from './commandManifest.js';

writeCommandManifest(commands);
