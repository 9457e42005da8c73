/** Where a command reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress bars redraw in place only there. */
  readonly interactive: boolean;
  /** The terminal's width when standard output is one: wide tables are cut to fit it. */
  readonly columns?: number;
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
  interactive: process.stderr.isTTY,
  ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
  cwd: process.cwd(),
});
