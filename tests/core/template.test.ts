import { describe, expect, it } from 'vitest';
import { MissingVariableError, renderString, renderValue, templateVariables } from '../../src/core/template.js';

describe('templates', () => {
  const vars = { question: 'Is it waterproof?', doc: { title: 'RainGuard' }, answers: ['yes', 'it is'], n: 3, none: null };

  it('substitutes placeholders, dotted paths and list indexes', () => {
    expect(renderString('Q: {{question}} ({{ doc.title }}, {{answers.1}}, {{n}})', vars)).toBe(
      'Q: Is it waterproof? (RainGuard, it is, 3)',
    );
  });

  it('renders null as empty and objects as JSON inside text', () => {
    expect(renderString('[{{none}}] {{doc}}', vars)).toBe('[] {"title":"RainGuard"}');
  });

  it('hands the raw value through when the template is one whole placeholder', () => {
    expect(renderValue('{{answers}}', vars)).toEqual(['yes', 'it is']);
    expect(renderValue({ expected: '{{ n }}', list: ['{{doc.title}}!'] }, vars)).toEqual({ expected: 3, list: ['RainGuard!'] });
  });

  it('fails on a missing variable instead of rendering an empty string', () => {
    expect(() => renderString('{{answer}}', vars)).toThrow(MissingVariableError);
    expect(() => renderString('{{answer}}', vars)).toThrow(/"answer" is not a field of this case \(fields: question, doc, answers, n, none\)/);
    expect(() => renderValue('{{doc.author}}', vars)).toThrow(/"doc.author"/);
  });

  it('does not treat case data as templates (no double rendering)', () => {
    expect(renderString('{{question}}', { question: '{{secret}}' })).toBe('{{secret}}');
  });

  it('lists the top-level variables a template uses', () => {
    expect(templateVariables('{{a}} and {{ b.c }} and {{a}}')).toEqual(['a', 'b', 'a']);
  });
});
