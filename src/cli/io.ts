/** What the CLI touches of the outside world, passed in so commands are testable. */
export interface CliIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress line and colours. */
  interactive: boolean;
}
