import { renderTemplate } from '../core/template/engine.js';
import { TemplateError } from '../core/template/errors.js';
import type { ChatMessage } from '../core/messages.js';
import { PromptyError } from './errors.js';
import { escapeRoleMarkers, splitMessages } from './role-markers.js';
import type { PromptySpec } from './spec.js';
import type { Threads } from './threads.js';
import { expandThreads, threadNonce } from './threads.js';

/** What rendering needs of a Prompty spec. */
export type PromptyTemplate = Pick<PromptySpec, 'body' | 'bodyLine' | 'defaults' | 'threads'>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body line that uses `variable`, as a file line. */
function lineOf(template: PromptyTemplate, variable: string | undefined): number | undefined {
  if (!variable) return undefined;
  const pattern = new RegExp(`\\{[{%][^]*?${escapeRegExp(variable)}`);
  const index = template.body.split('\n').findIndex((line) => pattern.test(line));
  return index < 0 ? undefined : template.bodyLine + index;
}

/**
 * Renders the body over the defaults and `variables` (strict: an undefined value printed is a
 * PromptyError naming it and its line) and splits it into chat messages, thread inputs expanded.
 * Substituted values cannot add messages: their role-marker lines are escaped.
 */
export function renderPrompty(template: PromptyTemplate, variables: Readonly<Record<string, unknown>>): ChatMessage[] {
  const threads: Threads = new Map();
  const prepared: Record<string, unknown> = {};
  // The case's value first: a default is read only for inputs the case does not give.
  for (const [name, value] of Object.entries({ ...template.defaults, ...variables })) {
    const source = Object.hasOwn(variables, name) ? 'case' : 'default';
    prepared[name] = template.threads.includes(name) ? threadNonce(name, value, threads, source) : escapeRoleMarkers(value);
  }
  let rendered: string;
  try {
    rendered = renderTemplate(template.body, prepared);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    if (error.line) throw new PromptyError(error.message, template.bodyLine + error.line - 1, 'fix the Jinja syntax on that line of the .prompty file');
    throw new PromptyError(error.message, lineOf(template, error.variable));
  }
  const messages = expandThreads(splitMessages(rendered), threads);
  if (!messages.length) throw new PromptyError('the body renders no messages', template.bodyLine, 'write the prompt below the front matter, under `system:` / `user:` lines');
  return messages;
}
