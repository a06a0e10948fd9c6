/**
 * The one error type the top-level boundaries turn into "exit 2 + one clear line".
 * Everything a user can fix (bad YAML, unknown metric, missing file, corrupt baseline)
 * is a ConfigError; anything else is a bug and is reported as such.
 */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
}

export class ConfigError extends Error {
  readonly location: ErrorLocation;
  readonly hint: string | undefined;

  constructor(message: string, location: ErrorLocation = {}, hint?: string) {
    super(message);
    this.name = 'ConfigError';
    this.location = location;
    this.hint = hint;
  }

  /** `file:line:col: message (hint)` — the single line users see. */
  format(): string {
    const { file, line, column } = this.location;
    const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ` : '';
    return `${where}${this.message}${this.hint ? ` — ${this.hint}` : ''}`;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
