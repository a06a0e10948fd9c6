/** Why a template could not be compiled or rendered. `variable`: the undefined name, when that is the cause. */
export class TemplateError extends Error {
  readonly variable: string | undefined;
  constructor(message: string, variable?: string) {
    super(message);
    this.name = 'TemplateError';
    this.variable = variable;
  }
}

/** A template printed, iterated or filtered a variable the data does not define. */
export class UndefinedVariableError extends TemplateError {
  constructor(variable: string, detail?: string) {
    super(`{{ ${variable} }} is undefined${detail ? ` (${detail})` : ''}`, variable);
    this.name = 'UndefinedVariableError';
  }
}
