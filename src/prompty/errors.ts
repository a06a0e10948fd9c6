/** A problem with a .prompty file; `line` is a line of that file when known. */
export class PromptyError extends Error {
  readonly line: number | undefined;
  /** How to fix it, shown after ' — '. */
  readonly fix: string | undefined;
  constructor(message: string, line?: number, fix?: string) {
    super(message);
    this.name = 'PromptyError';
    this.line = line;
    this.fix = fix;
  }
}
