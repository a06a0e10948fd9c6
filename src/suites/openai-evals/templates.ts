/** Raised for a testing criterion EvalGate cannot honour exactly; the translator adds file:line and the criterion. */
export class UnsupportedCriterion extends Error {
  readonly fix: string;
  constructor(message: string, fix: string) {
    super(message);
    this.fix = fix;
  }
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * An OpenAI Evals template → an EvalGate one: `{{item.x}}` reads the case's `item`,
 * `{{sample.output_text}}` is the flow's answer (`{{ output }}`). Anything else
 * (`sample.output_json`, `sample.choices`, Jinja tags) is refused rather than guessed.
 */
export function translateTemplate(text: string, where: string): string {
  if (/\{%|\{#/.test(text)) throw new UnsupportedCriterion(`${where} uses a template tag ({% … %} or {# … #})`, 'use only {{ item.<field> }} and {{ sample.output_text }} placeholders');
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (name === 'sample.output_text') return '{{ output }}';
    if (/^item(\.[A-Za-z_]\w*)+$/.test(name)) return `{{ ${name} }}`;
    throw new UnsupportedCriterion(`${where} uses {{ ${name} }}`, 'EvalGate maps {{ item.<field> }} (the data row) and {{ sample.output_text }} (the answer under test); other sample fields are not produced');
  });
}

/** `{{ sample.output_text }}` alone (what a grader's `input` must be for EvalGate to grade the answer). */
export const isAnswer = (text: unknown) => typeof text === 'string' && /^\s*\{\{\s*sample\.output_text\s*\}\}\s*$/.test(text);

/** A reference: literal text, or exactly one `{{ item.a.b }}` → the path `['a', 'b']` under item. */
export function readReference(text: unknown, where: string): { literal: string } | { path: string[] } {
  if (typeof text !== 'string') throw new UnsupportedCriterion(`${where} must be a string`, 'write the reference as text or {{ item.<field> }}');
  const single = /^\s*\{\{\s*item((?:\.[A-Za-z_]\w*)+)\s*\}\}\s*$/.exec(text);
  if (single?.[1]) return { path: single[1].slice(1).split('.') };
  if (/\{\{|\{%|\{#/.test(text)) throw new UnsupportedCriterion(`${where} mixes text and placeholders ("${text}")`, 'use literal text or exactly one {{ item.<field> }}');
  return { literal: text };
}
