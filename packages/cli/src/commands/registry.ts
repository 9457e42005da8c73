import type { CliCommand } from '../command.js';

/**
 * Every `clientele` command by name, in the order `--help` lists them, each loaded only when asked
 * for: a command's module pulls in the domain, the read side and engines, which `--help` never needs.
 */
export const commandModules: Readonly<Record<string, () => Promise<CliCommand>>> = {
  demo: async () => (await import('./demo.js')).demoCommand,
  report: async () => (await import('./report.js')).reportCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  export: async () => (await import('./export.js')).exportCommand,
  forget: async () => (await import('./forget.js')).forgetCommand,
  access: async () => (await import('./access.js')).accessCommand,
  rectify: async () => (await import('./rectify.js')).rectifyCommand,
  rebuild: async () => (await import('./rebuild.js')).rebuildCommand,
  import: async () => (await import('./import.js')).importCommand,
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  seal: async () => (await import('./seal.js')).sealCommand,
  agenda: async () => (await import('./agenda.js')).agendaCommand,
  log: async () => (await import('./log.js')).logCommand,
  task: async () => (await import('./task.js')).taskCommand,
  team: async () => (await import('./team.js')).teamCommand,
  offboard: async () => (await import('./offboard.js')).offboardCommand,
  roles: async () => (await import('./roles.js')).rolesCommand,
  analyze: async () => (await import('./analyze.js')).analyzeCommand,
};
