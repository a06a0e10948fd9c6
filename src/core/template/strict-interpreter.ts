import { Environment, Interpreter } from '@huggingface/jinja';
import type { parse } from '@huggingface/jinja';
import { TemplateError, UndefinedVariableError } from './errors.js';

/**
 * @huggingface/jinja's interpreter made strict the way a prompt needs: printing an undefined
 * value is an error naming it (Jinja2's StrictUndefined for output), while `is defined`,
 * `| default(…)` and `{% if x %}` still work. A filter or loop that fails on an undefined
 * operand is reported as that variable being undefined.
 */
export type Program = ReturnType<typeof parse>;
type Node = { type: string; value?: unknown; object?: Node; property?: Node; computed?: boolean };
type Value = { type: string; value: unknown; toString(): string; undefinedName?: string };

interface Internals {
  run(program: Program): Value;
  evaluate(node: Node | undefined, environment: Environment): Value;
  applyFilter(operand: Value, filter: Node, environment: Environment): Value;
}

/** Statements whose value is not printed. */
const CONTROL = new Set(['Set', 'If', 'For', 'Macro', 'CallStatement', 'Comment', 'Break', 'Continue', 'FilterStatement']);

/** `a.b[0]` as written, for messages. */
export function describeNode(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return String(node.value);
  if (node.type === 'MemberExpression') {
    const object = describeNode(node.object);
    const property = node.property;
    if (!object || !property) return undefined;
    if (!node.computed && property.type === 'Identifier') return `${object}.${String(property.value)}`;
    if (property.type === 'StringLiteral') return `${object}[${JSON.stringify(property.value)}]`;
    if (property.type === 'IntegerLiteral') return node.computed ? `${object}[${String(property.value)}]` : `${object}.${String(property.value)}`;
  }
  return undefined;
}

const Base = Interpreter as unknown as new (environment: Environment) => Internals;

/** Whether an undefined value named so (`a.b[0]` as written) prints as "" (Jinja2's default Undefined) instead of failing. */
export type PrintsEmpty = (name: string) => boolean;

/** How a render prints what Jinja2 leaves to the caller. */
export interface RenderOptions {
  printsEmpty?: PrintsEmpty;
  /** A printed list is its items one per line (PromptFlow's chat tools' ChatInputList), not JSON. */
  listsAsLines?: boolean;
}

class StrictInterpreter extends Base {
  /** The last undefined value looked up, to name it when a filter or loop then fails on it. */
  lastUndefined: string | undefined;
  readonly options: RenderOptions;

  constructor(environment: Environment, options: RenderOptions) {
    super(environment);
    this.options = options;
  }

  override evaluate(node: Node | undefined, environment: Environment): Value {
    const value = super.evaluate(node, environment);
    if (value.type === 'UndefinedValue' && node && (node.type === 'Identifier' || node.type === 'MemberExpression')) {
      const name = describeNode(node);
      if (name) {
        value.undefinedName = name;
        this.lastUndefined = name;
      }
    }
    return value;
  }

  /** promptfoo's `load` filter: a JSON string → its value (`{{ data | load }}`), on top of Jinja's filters. */
  override applyFilter(operand: Value, filter: Node, environment: Environment): Value {
    if (filter.type !== 'Identifier' || filter.value !== 'load') return super.applyFilter(operand, filter, environment);
    if (operand.type !== 'StringValue') throw new TemplateError(`the load filter parses a JSON string, not a ${operand.type.replace(/Value$/, '').toLowerCase()}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(operand.value));
    } catch (error) {
      throw new TemplateError(`the load filter got text that is not JSON: ${(error as Error).message}`);
    }
    const scope = new Environment();
    scope.set('loaded', parsed);
    return scope.lookupVariable('loaded') as unknown as Value;
  }

  evaluateBlock(statements: Node[], environment: Environment): Value {
    let text = '';
    for (const statement of statements) {
      const value = this.evaluate(statement, environment);
      if (value.type === 'UndefinedValue' && !CONTROL.has(statement.type) && !(value.undefinedName && this.options.printsEmpty?.(value.undefinedName))) {
        throw new UndefinedVariableError(value.undefinedName ?? describeNode(statement) ?? 'an expression');
      }
      if (value.type === 'ArrayValue' && this.options.listsAsLines) text += (value.value as Value[]).map((item) => item.toString()).join('\n');
      else if (value.type !== 'NullValue' && value.type !== 'UndefinedValue') text += value.toString();
    }
    return new StringValue(text);
  }
}

/** The engine's own string value class (not exported by the package), so blocks return a real one. */
const StringValue = new Base(new Environment()).evaluate({ type: 'StringLiteral', value: '' }, new Environment()).constructor as new (text: string) => Value;

/** Jinja's constants; the rest of the globals (range, raise_exception) are not offered. */
const GLOBALS = new Environment();
for (const [name, value] of Object.entries({ true: true, false: false, none: null, True: true, False: false, None: null })) GLOBALS.set(name, value);

/** Renders a parsed program over `variables`; throws UndefinedVariableError or TemplateError. */
export function runProgram(program: Program, variables: Readonly<Record<string, unknown>>, options: RenderOptions = {}): string {
  const environment = new Environment(GLOBALS);
  for (const [name, value] of Object.entries(variables)) if (value !== undefined) environment.set(name, value);
  const interpreter = new StrictInterpreter(environment, options);
  try {
    return String(interpreter.run(program).value);
  } catch (error) {
    if (error instanceof UndefinedVariableError) throw error;
    const message = (error as Error).message;
    if (interpreter.lastUndefined && /Undefined/.test(message)) throw new UndefinedVariableError(interpreter.lastUndefined, message);
    throw new TemplateError(`cannot render: ${message}`);
  }
}
