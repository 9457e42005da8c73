import { readFileSync, writeFileSync } from 'node:fs';
import type { CliCommand, CommandSummary, LazyCommand } from '../command.js';
import { commandModules } from '../commands/registry.js';

/**
 * `dist/commandManifest.json`: what `--help` shows of every command, written by the build so that
 * start-up reads one small file instead of loading every command (the approach oclif takes).
 */
const MANIFEST = new URL('../commandManifest.json', import.meta.url);

const summaryOf = ({ name, summary, help }: CommandSummary): CommandSummary => ({
  name,
  summary,
  help,
});

/** Writes the manifest of `commands`; the build runs it after compiling. */
export const writeCommandManifest = (commands: readonly CliCommand[]): void => {
  writeFileSync(MANIFEST, `${JSON.stringify(commands.map(summaryOf), null, 2)}\n`);
};

const isSummary = (value: unknown): value is CommandSummary =>
  typeof value === 'object' &&
  value !== null &&
  ['name', 'summary', 'help'].every(
    (key) => typeof (value as Record<string, unknown>)[key] === 'string',
  );

/**
 * The manifest's commands, each with its loader, when the manifest lists exactly the registered
 * commands in their order; otherwise undefined.
 */
const readManifest = (): readonly LazyCommand[] | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
  const loaders = Object.entries(commandModules);
  if (!Array.isArray(parsed) || parsed.length !== loaders.length) return undefined;
  const listed = loaders.flatMap(([name, load], index) => {
    const summary: unknown = parsed[index];
    return isSummary(summary) && summary.name === name ? [{ ...summaryOf(summary), load }] : [];
  });
  return listed.length === loaders.length ? listed : undefined;
};

/**
 * Every command, known by its help and loaded only when it runs. Without a manifest that matches
 * the registry (a build that did not write it), every command is loaded to learn its help: slower,
 * never wrong.
 */
export const lazyCommands = async (): Promise<readonly LazyCommand[]> => {
  const manifest = readManifest();
  if (manifest !== undefined) return manifest;
  const { commands } = await import('../commands/index.js');
  return commands.map((command) => ({ ...command, load: async () => command }));
};
