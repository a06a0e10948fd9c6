/**
 * A prompt-flow suite whose flow requests say which suite sent them (system prompt `flow of <name>`;
 * the loopback answer `echo of <name>` then names it in its judge requests), with a relevance judge.
 */
export function namedPromptSuite(name: string, options: { caseCount?: number; flowLines?: string[]; suiteLines?: string[] } = {}): string {
  const questions = ['one', 'two', 'three', 'four'].slice(0, options.caseCount ?? 2);
  return [
    `name: ${name}`,
    'flow:',
    '  kind: prompt',
    '  model: gpt-4o-mini',
    '  messages:',
    `    - { role: system, content: "flow of ${name}" }`,
    '    - { role: user, content: "{{ question }}" }',
    ...(options.flowLines ?? []).map((line) => `  ${line}`),
    ...(options.suiteLines ?? []),
    'cases:',
    ...questions.map((question, index) => `  - { id: c${index + 1}, question: "${question}" }`),
    'evaluators:',
    '  - { metric: relevance }',
  ].join('\n');
}
