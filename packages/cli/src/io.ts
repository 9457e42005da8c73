/** Where a command reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress bars redraw in place only there. */
  readonly interactive: boolean;
  readonly cwd: string;
}

/** The real process's streams and environment. */
export const processIo = (): CliIo => ({
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  env: process.env,
  interactive: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
