import { TemplateError } from './errors.js';

/**
 * Jinja2's `{% raw %}…{% endraw %}`, which @huggingface/jinja does not parse: each block becomes
 * one `{{ "…" }}` printing its text verbatim (the text escaped into a string literal, `{` as
 * `\x7b` so nothing inside reads as a tag). Whitespace control works as in Jinja2: `{%- raw`
 * and `endraw -%}` strip the whitespace outside the block, `raw -%}` and `{%- endraw` the
 * whitespace inside it. Stripped whitespace moves inside the `{{ }}` tag (where it is ignored), so
 * every newline stays on its line and error lines still match the source.
 */
const RAW_BLOCK = /\{%(-?)\s*raw\s*(-?)%\}([^]*?)\{%(-?)\s*endraw\s*(-?)%\}/g;
const RAW_OPEN = /\{%-?\s*raw\s*-?%\}/;

const literal = (text: string) => `"${text.replace(/[\\"{]/g, (char) => (char === '{' ? '\\x7b' : `\\${char}`))}"`;

export function expandRawBlocks(text: string): string {
  if (!text.includes('raw')) return text;
  const expanded = text.replace(RAW_BLOCK, (_, stripBefore: string, stripStart: string, body: string, stripEnd: string, stripAfter: string) => {
    const leading = stripStart ? body.slice(0, body.length - body.trimStart().length) : '';
    const trailing = stripEnd ? body.slice(body.trimEnd().length) : '';
    const inner = body.slice(leading.length, body.length - trailing.length);
    return `{{${stripBefore} ${leading}${literal(inner)}${trailing} ${stripAfter}}}`;
  });
  const unclosed = RAW_OPEN.exec(expanded);
  if (unclosed) {
    throw new TemplateError('template syntax error: a {% raw %} block without its {% endraw %}', undefined, expanded.slice(0, unclosed.index).split('\n').length);
  }
  return expanded;
}
