import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, renderValue } from '../../../src/core/template/engine.js';
import { TemplateError, UndefinedVariableError } from '../../../src/core/template/errors.js';

const vars = { question: 'Is it waterproof?', doc: { title: 'RainGuard', tags: ['tent', 'rain'] }, answers: ['yes', 'it is'], n: 3, none: null, name: 'Sarah' };

describe('the shared Jinja engine', () => {
  it('substitutes variables, dotted paths and list indexes', () => {
    expect(renderTemplate('Q: {{question}} ({{ doc.title }}, {{answers[1]}}, {{ answers.0 }}, {{n}})', vars)).toBe('Q: Is it waterproof? (RainGuard, it is, yes, 3)');
  });

  it.each([
    ['{% for key in doc %}{{ key }};{% endfor %}', 'title;tags;'],
    ['{% for key, value in doc.items() %}{{ key }}={{ value }};{% endfor %}', 'title=RainGuard;tags=["tent", "rain"];'],
    ['{{ doc.get("title") }}/{{ doc.get("author", "anon") }}', 'RainGuard/anon'],
    ['{{ doc | tojson }}', '{"title": "RainGuard", "tags": ["tent", "rain"]}'],
    ['{{ name.upper() }} {{ name | lower }} {{ name | upper }}', 'SARAH sarah SARAH'],
    ['{{ answers | join(", ") }} ({{ answers | length }})', 'yes, it is (2)'],
    ['{{ missing | default("n/a") }}', 'n/a'],
    ['{{ question[:6] }}|{{ answers[-1] }}|{{ answers[:1] }}', 'Is it |it is|["yes"]'],
    ['{% if n > 2 %}many{% else %}few{% endif %}', 'many'],
    ['{% if missing %}yes{% else %}no{% endif %} {{ missing is defined }}', 'no false'],
    ['{{ answer | lower }}', 'ok'],
  ])('renders %j', (template, expected) => {
    expect(renderTemplate(template, { ...vars, answer: 'OK' })).toBe(expected);
  });

  it('renders null as an empty string (a null field is defined) and objects as JSON', () => {
    expect(renderTemplate('[{{none}}] {{ none is none }} {{doc}}', vars)).toBe('[] true {"title": "RainGuard", "tags": ["tent", "rain"]}');
  });

  it('keeps whitespace verbatim (trim_blocks and lstrip_blocks off) and never HTML-escapes', () => {
    expect(renderTemplate('a\n  {% if n %}\n  b\n  {% endif %}\nc', vars)).toBe('a\n  \n  b\n  \nc');
    expect(renderTemplate('{{ x }}', { x: "O'Brien <VIP> & co" })).toBe("O'Brien <VIP> & co");
  });

  it('fails naming the variable when an undefined value is printed, filtered or looped over', () => {
    expect(() => renderTemplate('Hi {{answer}}', vars)).toThrow(UndefinedVariableError);
    expect(() => renderTemplate('Hi {{answer}}', vars)).toThrow('{{ answer }} is undefined');
    expect(() => renderTemplate('{{ doc.author }}', vars)).toThrow('{{ doc.author }} is undefined');
    expect(() => renderTemplate('{{ answer | upper }}', vars)).toThrow(/^\{\{ answer \}\} is undefined/);
    expect(() => renderTemplate('{% for x in history %}{{ x }}{% endfor %}', vars)).toThrow(/^\{\{ history \}\} is undefined/);
    try {
      renderTemplate('{{ doc.author }}', vars);
    } catch (error) {
      expect((error as UndefinedVariableError).variable).toBe('doc.author');
    }
  });

  it('reports syntax errors and unknown filters as TemplateError', () => {
    expect(() => renderTemplate('{% if %}', vars)).toThrow(TemplateError);
    expect(() => renderTemplate('{{ name | no_such_filter }}', vars)).toThrow(TemplateError);
  });

  it('prints {% raw %} blocks verbatim, with Jinja2 whitespace control, around live tags', () => {
    const prompt = 'Reply as {"answer": "{{ x }}"} \\ {% if %} {# no comment #}\nthen "quote" and \'single\'';
    expect(renderTemplate(`Q: {{ question }}\n{% raw %}${prompt}{% endraw %}\n{{ n }}`, vars)).toBe(`Q: Is it waterproof?\n${prompt}\n3`);
    expect(renderTemplate('{% for a in answers %}{% raw %}{{a}}{% endraw %}={{ a }};{% endfor %}', vars)).toBe('{{a}}=yes;{{a}}=it is;');
    expect(renderTemplate('a  {%- raw -%}\n  {{ b }}\n  {%- endraw -%}  \nc', vars)).toBe('a{{ b }}c');
    expect(renderTemplate('a {% raw %} {{ b }} {% endraw %} c', vars)).toBe('a  {{ b }}  c');
  });

  it('reports a {% raw %} without its {% endraw %} at its line, and other syntax errors after a raw block at theirs', () => {
    expect(() => renderTemplate('one\n{% raw %}{{ x }}', vars)).toThrow('a {% raw %} block without its {% endraw %}');
    expect(() => compileTemplate('one\n{% raw %}{{ x }}')).toThrow(expect.objectContaining({ line: 2 }));
    expect(() => compileTemplate('{% raw -%}\n\n{{ x }}\n{%- endraw %}\n{% if %}')).toThrow(expect.objectContaining({ line: 5 }));
  });

  it('prints a list as JSON, or one item per line when listsAsLines is set (loops are unchanged)', () => {
    expect(renderTemplate('{{ answers }}', vars)).toBe('["yes", "it is"]');
    expect(renderTemplate('{{ answers }}|{% for a in answers %}<{{ a }}>{% endfor %}', vars, { listsAsLines: true })).toBe('yes\nit is|<yes><it is>');
  });

  it('compiles each distinct template text once', () => {
    const text = `{{ name }} ${Math.random()}`;
    expect(compileTemplate(text)).toBe(compileTemplate(text));
  });

  it('hands the raw value through when the template is one whole placeholder', () => {
    expect(renderValue('{{answers}}', vars)).toEqual(['yes', 'it is']);
    expect(renderValue({ expected: '{{ n }}', list: ['{{doc.title}}!'], none: '{{ none }}', item: "{{ doc['tags'][0] }}" }, vars)).toEqual({ expected: 3, list: ['RainGuard!'], none: null, item: 'tent' });
    expect(renderValue('{{ answers | join(" / ") }}', vars)).toBe('yes / it is');
    expect(() => renderValue('{{doc.author}}', vars)).toThrow('{{ doc.author }} is undefined');
  });

  it('does not treat case data as templates (no double rendering)', () => {
    expect(renderTemplate('{{question}}', { question: '{{secret}}' })).toBe('{{secret}}');
    expect(renderValue('plain text', {})).toBe('plain text');
  });
});
