import { resolve } from 'node:path';
import { renderTemplate, renderValue } from '../../core/template/engine.js';
import { ConfigError } from '../../core/errors.js';
import type { ChatMessage } from '../../core/messages.js';
import { PromptyError } from '../../prompty/errors.js';
import { loadPromptyFile } from '../../prompty/load.js';
import { renderPrompty } from '../../prompty/render.js';
import type { PromptySpec } from '../../prompty/spec.js';

/**
 * A rubric judge's prompt: inline Jinja text, or a .prompty file (a real evaluator file such as
 * promptflow-evals' groundedness.prompty) given as `prompt: path.prompty` (or `prompty:`).
 * The judge's variables are the case's fields, then `output` and — only when known —
 * `expected` and `context`, then the evaluator's `inputs:` mapping rendered over those, so a
 * file's `{{answer}}` can be fed with `inputs: { answer: "{{output}}" }`.
 */
export type RubricPrompt = { kind: 'inline'; text: string } | { kind: 'prompty'; file: string; spec: PromptySpec };

/** What the judge's variables are built from. */
interface JudgeMaterial {
  vars: Readonly<Record<string, unknown>>;
  output: string;
  expected?: unknown;
  context?: unknown;
  inputs?: unknown;
}

const isPromptyPath = (text: string) => /\.prompty$/i.test(text.trim()) && !/[\n{]/.test(text);

/** A rubric .prompty file, read when a judge call needs it (a file read is nothing beside the model call it feeds). */
function promptyFile(suiteDir: string, file: string): PromptySpec {
  try {
    return loadPromptyFile(resolve(suiteDir, file));
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    throw new ConfigError(`${file}${error.line ? `:${error.line}` : ''}: ${error.message}`, {}, error.fix);
  }
}

export function rubricPrompt(options: Readonly<Record<string, unknown>>, suiteDir: string): RubricPrompt {
  const text = typeof options.prompty === 'string' ? options.prompty : options.prompt;
  if (typeof text !== 'string') throw new ConfigError('the rubric needs `prompt:` (inline text or a .prompty file)', {}, 'add `prompt: evaluators/my-judge.prompty` or an inline prompt');
  return isPromptyPath(text) ? { kind: 'prompty', file: text.trim(), spec: promptyFile(suiteDir, text.trim()) } : { kind: 'inline', text };
}

export function judgeVariables(material: JudgeMaterial): Record<string, unknown> {
  const scoring: Record<string, unknown> = {
    ...material.vars,
    output: material.output,
    ...(material.expected === undefined ? {} : { expected: material.expected }),
    ...(material.context === undefined ? {} : { context: material.context }),
  };
  const inputs = material.inputs === undefined ? {} : (renderValue(material.inputs, scoring) as Record<string, unknown>);
  return { ...scoring, ...inputs };
}

/** The judge's messages; `format` (how to answer) is appended when the prompt does not say it. */
export function rubricMessages(prompt: RubricPrompt, variables: Readonly<Record<string, unknown>>, format: string | undefined): ChatMessage[] {
  if (prompt.kind === 'inline') {
    return [
      { role: 'system', content: `You are a strict evaluator.${format ? ` ${format}` : ''}` },
      { role: 'user', content: `${renderTemplate(prompt.text, variables)}\n\nANSWER TO EVALUATE:\n${String(variables.output)}` },
    ];
  }
  const messages = renderPrompty(prompt.spec, variables);
  return format ? [...messages, { role: 'system', content: format }] : messages;
}
