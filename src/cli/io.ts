/** What the CLI touches of the outside world, passed in so commands are testable. */
export interface CliIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress line and colours. */
  interactive: boolean;
  /** Asks one question on the terminal; absent when stdin is not a TTY (then nothing is asked). */
  ask?: (question: string) => Promise<string>;
}
