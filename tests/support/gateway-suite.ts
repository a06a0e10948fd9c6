import { writeFileSync } from 'node:fs';

/** The system prompt that tells the loopback server a flow call from a judge call. */
export const FLOW_SYSTEM = 'Answer briefly.';

/** A two-case prompt-flow suite with an LLM judge: model calls of both kinds for the header tests. */
export function writeGatewaySuite(file: string, options: { stream?: boolean; flowLines?: string[] } = {}): void {
  writeFileSync(
    file,
    [
      'name: qa',
      'flow:',
      '  kind: prompt',
      '  model: gpt-4o-mini',
      ...(options.stream ? ['  stream: true'] : []),
      ...(options.flowLines ?? []).map((line) => `  ${line}`),
      '  messages:',
      `    - { role: system, content: "${FLOW_SYSTEM}" }`,
      '    - { role: user, content: "{{ question }}" }',
      'cases:',
      '  - { id: c1, question: "one" }',
      '  - { id: c2, question: "two" }',
      'evaluators:',
      '  - { metric: relevance }',
    ].join('\n'),
  );
}
