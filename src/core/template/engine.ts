import { parse, tokenize } from '@huggingface/jinja';
import { TemplateError, UndefinedVariableError } from './errors.js';
import { expandRawBlocks } from './raw-blocks.js';
import type { Program, RenderOptions } from './strict-interpreter.js';
import { describeNode, runProgram } from './strict-interpreter.js';

/**
 * The one template engine of EvalGate (suite messages, evaluator options, http bodies, Prompty
 * bodies, rubric prompts): Jinja2 as implemented by @huggingface/jinja, compiled once per
 * distinct text, strict about undefined values, never HTML-escaping, whitespace kept verbatim
 * (trim_blocks and lstrip_blocks off, as the Prompty spec requires). `null` is defined and prints
 * as an empty string.
 */
interface CompiledTemplate {
  readonly text: string;
  /** Renders to text; an undefined value printed is an UndefinedVariableError naming it (unless `options.printsEmpty` says it prints ""). */
  render(variables: Readonly<Record<string, unknown>>, options?: RenderOptions): string;
  /** The dotted path when the whole template is one `{{ path }}` (no filters), else undefined. */
  readonly wholePath: readonly (string | number)[] | undefined;
  /** `{{ path }}` as written, when wholePath is set. */
  readonly wholeName: string | undefined;
}

const MAX_CACHED = 5000;
const cache = new Map<string, CompiledTemplate>();

type Node = { type: string; value?: unknown; object?: Node; property?: Node; computed?: boolean };

function pathOf(node: Node | undefined): (string | number)[] | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return [String(node.value)];
  if (node.type !== 'MemberExpression' || !node.property) return undefined;
  const head = pathOf(node.object);
  const property = node.property;
  if (!head) return undefined;
  if (property.type === 'Identifier' && !node.computed) return [...head, String(property.value)];
  if (property.type === 'StringLiteral' || property.type === 'IntegerLiteral') return [...head, property.value as string | number];
  return undefined;
}

function wholeExpression(text: string, program: Program): Node | undefined {
  const body = program.body as unknown as Node[];
  return body.length === 1 && /^\{\{[^]*\}\}$/.test(text.trim()) && text === text.trim() ? body[0] : undefined;
}

const parseText = (text: string) => parse(tokenize(expandRawBlocks(text), { lstrip_blocks: false, trim_blocks: false }));

/**
 * The line of a syntax error (the parser does not say): the first line whose prefix of the
 * template fails with the same message. An unclosed block is reported at its opening line.
 */
function syntaxErrorLine(text: string, message: string): number | undefined {
  const lines = text.split('\n');
  for (let count = 1; count <= lines.length; count += 1) {
    try {
      parseText(lines.slice(0, count).join('\n'));
    } catch (error) {
      if ((error as Error).message === message) return count;
    }
  }
  return undefined;
}

export function compileTemplate(text: string): CompiledTemplate {
  const cached = cache.get(text);
  if (cached) return cached;
  let program: Program;
  try {
    program = parseText(text);
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    const message = (error as Error).message;
    const line = text.includes('\n') ? syntaxErrorLine(text, message) : undefined;
    // The parser's way of saying it ran out of template inside a block.
    const said = /^Cannot read properties of undefined/.test(message) ? 'the template ends inside a block (a {% for %} or {% if %} without its {% endfor %} / {% endif %}?)' : message;
    throw new TemplateError(`template syntax error: ${said}`, undefined, line);
  }
  const whole = wholeExpression(text, program);
  const wholePath = pathOf(whole);
  const compiled: CompiledTemplate = {
    text,
    wholePath,
    wholeName: wholePath ? describeNode(whole) : undefined,
    render: (variables, options) => runProgram(program, variables, options),
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, compiled);
  return compiled;
}

/** Renders template text over variables (compiled once per distinct text). */
export function renderTemplate(text: string, variables: Readonly<Record<string, unknown>>, options?: RenderOptions): string {
  return compileTemplate(text).render(variables, options);
}

/** True when the text holds no Jinja syntax at all, so it need not be compiled. */
const isPlainText = (text: string) => !/\{[{%#]/.test(text);

function lookup(variables: Readonly<Record<string, unknown>>, path: readonly (string | number)[], name: string): unknown {
  let current: unknown = variables;
  for (const key of path) {
    const holder = current as Record<string | number, unknown> | null;
    const found = holder !== null && typeof holder === 'object' && Object.hasOwn(holder, key) ? holder[key] : undefined;
    if (found === undefined) throw new UndefinedVariableError(name);
    current = found;
  }
  return current;
}

/**
 * Renders every string inside a JSON-like value. A string that is exactly one `{{ path }}`
 * becomes the variable's raw value (list, object, number…), so `expected: "{{answers}}"` can
 * hand a list to a metric.
 */
export function renderValue(value: unknown, variables: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === 'string') {
    if (isPlainText(value)) return value;
    const compiled = compileTemplate(value);
    return compiled.wholePath ? lookup(variables, compiled.wholePath, compiled.wholeName ?? '') : compiled.render(variables);
  }
  if (Array.isArray(value)) return value.map((item) => renderValue(item, variables));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, variables)]));
  }
  return value;
}
