import { createHash } from 'node:crypto';
import { compare } from '../../src/compare/index.js';
import type { Comparison } from '../../src/compare/types.js';
import type { HistoryEntry } from '../../src/history/types.js';
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

type Texts = Record<keyof typeof HOSTILE, string>;

/** The same runs with plain text, for the screenshot of docs/reports.md. */
export const PLAIN: Texts = {
  script: 'See our help centre for details.', img: 'with a photo', closeScript: 'paris', closeScriptUpper: '', mention: 'the support team', bidi: 'in euros',
  lineSeparators: '', carriageReturn: 'When does the new plan start?', marker: 'weekend-hours', xml: '', long: 'Opening hours are 9:00 to 17:00, Monday to Friday.',
};

const metricsFor = (text: Texts): MetricInfo[] => [binary('exact'), unit('f1'), costMetric, latencyMetric, unit(text === PLAIN ? 'tone' : `tone ${text.img}`, { gate: { gate: false } })];

const ANSWERS = ['Paris is the capital of France.', 'The meeting is on Tuesday at noon.', 'Refunds take five business days.', 'Our office is closed on Sundays.'];

/** `reason`: what the report-only judge-like metric (tone) says about the answer. */
function sample(metrics: MetricInfo[], output: string | null, scores: Record<string, number | null>, error?: string, reason?: string): CaseResult['samples'][number] {
  return {
    output,
    ...(error ? { error } : {}),
    usage: { prompt: 10, completion: 5, cached: 0, reasoning: 0 },
    latencyMs: scores.latency ?? 0,
    costUsd: scores.cost ?? 0,
    scores: Object.fromEntries(
      metrics
        .filter((metric) => metric.scale.kind !== 'amount' && output !== null)
        .map((metric) => {
          const value = scores[metric.name] ?? null;
          const why = reason && metric === metrics[4] ? { reason } : {};
          return [metric.name, value === null ? { status: 'not-applicable' as const } : { status: 'ok' as const, value, ...why }];
        }),
    ),
  };
}

const toneReason = (hedging: boolean, text: Texts) =>
  hedging ? `The answer hedges ("I think") where the reference is certain. ${text === PLAIN ? '' : text.script}`.trim() : 'Friendly and direct.';

/** 40 cases; the PR run regresses f1/exact on a quarter of them with reworded answers. */
function suiteResult(side: 'baseline' | 'pr', text: Texts): SuiteResult {
  const metrics = metricsFor(text);
  const all = Object.values(text).filter((value) => value.length < 1000).join(' ');
  const cases: CaseResult[] = [];
  for (let index = 0; index < 40; index += 1) {
    const id = index === 0 ? `case-${text.closeScript}` : index === 1 ? text.marker : `case-${String(index).padStart(2, '0')}`;
    const answer = ANSWERS[index % ANSWERS.length] ?? '';
    const regressed = side === 'pr' && index % 4 === 1;
    const improved = side === 'pr' && index % 10 === 3;
    const f1 = regressed ? 0.35 + (index % 7) * 0.05 : improved ? 0.98 : 0.7 + (index % 6) * 0.05;
    const output = index === 2 ? `${answer} ${text.script} ${text.long}` : index === 5 ? `${answer} ${all}` : regressed ? answer.replace(/is|take/, 'might be').replace('.', ', I think.') : answer;
    const scores = { exact: regressed ? 0 : 1, f1, cost: 0.0004 + (side === 'pr' ? 0.00002 : 0) + (index % 3) * 0.0001, latency: 300 + (index % 9) * 40 + (side === 'pr' ? 25 : 0), [metrics[4]?.name ?? '']: 0.8 };
    const errored = side === 'pr' && index === 7;
    cases.push({ id, hash: `h${index}`, inputs: { question: index === 5 ? `What? ${all}` : `Question ${index} ${index === 3 ? text.img : ''}`, context: { lang: 'en', note: text.mention } }, samples: [errored ? sample(metrics, null, {}, `HTTP 500 from the model ${text.script} ${text.mention}`) : sample(metrics, output, scores, undefined, toneReason(regressed, text))] });
  }
  if (side === 'pr') cases.push({ id: `added ${text.bidi}`, hash: 'h-new', inputs: { question: text.carriageReturn }, samples: [sample(metrics, 'A new answer.', { exact: 1, f1: 0.9, cost: 0.0004, latency: 310 })] });
  else cases.push({ id: 'removed-case', hash: 'h-old', inputs: { question: 'gone' }, samples: [sample(metrics, 'Old answer.', { exact: 0, f1: 0.2, cost: 0.0004, latency: 310 })] });
  return { name: text === PLAIN ? 'contoso-faq' : `faq ${text.script}`, file: 'evals/faq.eval.yaml', hash: 'x', flow: { kind: 'command' }, repeat: 1, status: 'ran', alpha: 0.05, tolerance: 0.05, metrics, cases };
}

const skipped = (text: Texts): SuiteResult => ({ name: 'support-chat', file: 'evals/chat.eval.yaml', hash: 'y', flow: { kind: 'prompt' }, repeat: 1, status: 'skipped', skipReason: `needs a model API key ${text === PLAIN ? '(set OPENAI_API_KEY)' : text.marker}`, alpha: 0.05, tolerance: 0.05, metrics: [], cases: [] });

export function hostileRuns(text: Texts = HOSTILE): { baseline: ResultsFile; pr: ResultsFile; comparison: Comparison } {
  const baseline = results(suiteResult('baseline', text), skipped(text));
  const pr = results(suiteResult('pr', text), skipped(text));
  return { baseline, pr, comparison: compare(baseline, pr) };
}

/** Eight earlier baselines of the plain runs, f1 and cost drifting: the history the report plots. */
export function demoHistory(baseline: ResultsFile): HistoryEntry[] {
  const f1Scale = [0.9, 0.93, 0.92, 0.96, 0.95, 0.99, 0.98, 1];
  return f1Scale.map((scale, index) => {
    const suites = baseline.suites.map((one) => ({
      ...one,
      cases: one.cases.map((testCase) => ({
        ...testCase,
        samples: testCase.samples.map((entry) => ({
          ...entry,
          ...(entry.costUsd === undefined ? {} : { costUsd: entry.costUsd * (0.9 + index * 0.015) }),
          scores: Object.fromEntries(Object.entries(entry.scores).map(([name, score]) => [name, name === 'f1' && score.value !== undefined ? { ...score, value: score.value * scale } : score])),
        })),
      })),
    }));
    return { commit: createHash('sha1').update(String(index)).digest('hex'), date: `2026-11-${String(10 + index).padStart(2, '0')}T09:00:00Z`, results: { ...baseline, suites } };
  });
}
