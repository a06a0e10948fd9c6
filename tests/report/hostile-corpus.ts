import { compare } from '../../src/compare/index.js';
import type { Comparison } from '../../src/compare/types.js';
import type { CaseResult, MetricInfo, ResultsFile, SuiteResult } from '../../src/results/types.js';
import { binary, costMetric, latencyMetric, results, unit } from '../compare/build.js';

/** Untrusted text that must reach every report as inert text. */
export const HOSTILE = {
  script: '<script>window.__pwned = "script"; alert(1)</script>',
  img: '<img src=x onerror="window.__pwned = \'img\'; alert(2)">',
  closeScript: '</script><script>window.__pwned = "close"</script>',
  closeScriptUpper: '</SCRIPT ><svg onload="window.__pwned = \'svg\'">',
  mention: '@octocat and @contoso/team',
  bidi: 'price \u202Eevil\u202C \u2066isolate\u2069',
  lineSeparators: 'one\u2028two\u2029three',
  carriageReturn: 'first\rsecond',
  marker: '<!-- evalgate:forged -->',
  xml: ']]> \u0000 \u0008 \uFFFE \uD800 & "quoted" \'single\'',
  long: `${'long '.repeat(20_000)}end`,
} as const;

const ALL = Object.values(HOSTILE).filter((value) => value.length < 1000).join(' ');

const metrics: MetricInfo[] = [binary('exact'), unit('f1'), costMetric, latencyMetric, unit(`tone ${HOSTILE.img}`, { gate: { gate: false } })];

const ANSWERS = ['Paris is the capital of France.', 'The meeting is on Tuesday at noon.', 'Refunds take five business days.', 'Our office is closed on Sundays.'];

function sample(output: string | null, scores: Record<string, number | null>, error?: string): CaseResult['samples'][number] {
  return {
    output,
    ...(error ? { error } : {}),
    usage: { prompt: 10, completion: 5, cached: 0, reasoning: 0 },
    latencyMs: scores.latency ?? 0,
    costUsd: scores.cost ?? 0,
    scores: Object.fromEntries(metrics.map((metric) => [metric.name, { value: output === null ? null : (scores[metric.name] ?? null) }])),
  };
}

/** 40 cases; the PR run regresses f1/exact on a quarter of them with reworded answers. */
function suiteResult(side: 'baseline' | 'pr'): SuiteResult {
  const cases: CaseResult[] = [];
  for (let index = 0; index < 40; index += 1) {
    const id = index === 0 ? `case-${HOSTILE.closeScript}` : index === 1 ? HOSTILE.marker : `case-${String(index).padStart(2, '0')}`;
    const answer = ANSWERS[index % ANSWERS.length] ?? '';
    const regressed = side === 'pr' && index % 4 === 1;
    const improved = side === 'pr' && index % 10 === 3;
    const f1 = regressed ? 0.35 + (index % 7) * 0.05 : improved ? 0.98 : 0.7 + (index % 6) * 0.05;
    const output = index === 2 ? `${answer} ${HOSTILE.script} ${HOSTILE.long}` : index === 5 ? `${answer} ${ALL}` : regressed ? answer.replace(/is|take/, 'might be').replace('.', ', I think.') : answer;
    const scores = { exact: regressed ? 0 : 1, f1, cost: 0.0004 + (side === 'pr' ? 0.00002 : 0) + (index % 3) * 0.0001, latency: 300 + (index % 9) * 40 + (side === 'pr' ? 25 : 0), [metrics[4]?.name ?? '']: 0.8 };
    const errored = side === 'pr' && index === 7;
    cases.push({ id, hash: `h${index}`, inputs: { question: index === 5 ? `What? ${ALL}` : `Question ${index} ${index === 3 ? HOSTILE.img : ''}`, context: { lang: 'en', note: HOSTILE.mention } }, samples: [errored ? sample(null, {}, `HTTP 500 from the model ${HOSTILE.script} ${HOSTILE.mention}`) : sample(output, scores)] });
  }
  if (side === 'pr') cases.push({ id: `added ${HOSTILE.bidi}`, hash: 'h-new', inputs: { question: HOSTILE.carriageReturn }, samples: [sample('A new answer.', { exact: 1, f1: 0.9, cost: 0.0004, latency: 310 })] });
  else cases.push({ id: 'removed-case', hash: 'h-old', inputs: { question: 'gone' }, samples: [sample('Old answer.', { exact: 0, f1: 0.2, cost: 0.0004, latency: 310 })] });
  return { name: `faq ${HOSTILE.script}`, file: 'evals/faq.eval.yaml', hash: 'x', flow: { kind: 'command' }, repeat: 1, status: 'ran', alpha: 0.05, tolerance: 0.05, metrics, cases };
}

const skipped: SuiteResult = { name: 'support-chat', file: 'evals/chat.eval.yaml', hash: 'y', flow: { kind: 'prompt' }, repeat: 1, status: 'skipped', skipReason: `needs a model API key ${HOSTILE.marker}`, alpha: 0.05, tolerance: 0.05, metrics: [], cases: [] };

export function hostileRuns(): { baseline: ResultsFile; pr: ResultsFile; comparison: Comparison } {
  const baseline = results(suiteResult('baseline'), skipped);
  const pr = results(suiteResult('pr'), skipped);
  return { baseline, pr, comparison: compare(baseline, pr) };
}
