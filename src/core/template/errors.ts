/**
 * Why a template could not be compiled or rendered. `variable`: the undefined name, when that is
 * the cause; `line`: the template's line (1-based) where a syntax error is, when it is known.
 */
export class TemplateError extends Error {
  readonly variable: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, variable?: string, line?: number) {
    super(message);
    this.name = 'TemplateError';
    this.variable = variable;
    this.line = line;
  }
}

/** A template printed, iterated or filtered a variable the data does not define. */
export class UndefinedVariableError extends TemplateError {
  constructor(variable: string, detail?: string) {
    super(`{{ ${variable} }} is undefined${detail ? ` (${detail})` : ''}`, variable);
    this.name = 'UndefinedVariableError';
  }
}
