import { describe, expect, it } from 'vitest';
import type { CliCommand, LazyCommand } from './command.js';
import { runCli, runLazyCli } from './cli.js';
import { ExitCode } from './exitCodes.js';
import { recordingIo } from '../test/support/recordingIo.js';

const echo: CliCommand = {
  name: 'echo',
  summary: 'prints its words',
  help: 'Usage: clientele echo [--upper] <words…>',
  options: { upper: { type: 'boolean' } },
  run: async ({ positionals, values }, io) => {
    const text = positionals.join(' ');
    io.stdout(values['upper'] === true ? text.toUpperCase() : text);
    return ExitCode.ok;
  },
};

describe('the clientele command line', () => {
  it('runs a command with its options and arguments', async () => {
    const io = recordingIo();
    expect(await runCli([echo], ['echo', '--upper', 'hello', 'world'], io)).toBe(ExitCode.ok);
    expect(io.out.join('')).toBe('HELLO WORLD');
  });

  it('lists the commands on --help and exits 0', async () => {
    const io = recordingIo();
    expect(await runCli([echo], ['--help'], io)).toBe(ExitCode.ok);
    expect(io.out.join('')).toContain('echo       prints its words');
  });

  it('prints a command’s own help', async () => {
    const io = recordingIo();
    expect(await runCli([echo], ['echo', '--help'], io)).toBe(ExitCode.ok);
    expect(io.out.join('')).toContain('Usage: clientele echo');
  });

  it('names an unknown command or option and says what to run next, exiting 2', async () => {
    const unknownCommand = recordingIo();
    expect(await runCli([echo], ['ehco'], unknownCommand)).toBe(ExitCode.usage);
    expect(unknownCommand.err.join('')).toContain('unknown command "ehco"');
    const unknownOption = recordingIo();
    expect(await runCli([echo], ['echo', '--loud'], unknownOption)).toBe(ExitCode.usage);
    expect(unknownOption.err.join('')).toMatch(/--loud[\s\S]*clientele echo --help/);
  });

  it('answers help from summaries alone and loads only the command that runs', async () => {
    const loaded: string[] = [];
    const lazy = (command: CliCommand): LazyCommand => ({
      name: command.name,
      summary: command.summary,
      help: command.help,
      load: async () => {
        loaded.push(command.name);
        return command;
      },
    });
    const commands = [lazy(echo), lazy({ ...echo, name: 'other' })];
    await runLazyCli(commands, ['--help'], recordingIo());
    await runLazyCli(commands, ['echo', '--help'], recordingIo());
    expect(loaded).toEqual([]);
    const io = recordingIo();
    expect(await runLazyCli(commands, ['echo', 'hi'], io)).toBe(ExitCode.ok);
    expect(io.out.join('')).toBe('hi');
    expect(loaded).toEqual(['echo']);
  });
});
