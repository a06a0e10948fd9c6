import { cost } from './cost/cost.js';
import { pii } from './harm/pii.js';
import { promptInjection } from './harm/prompt-injection.js';
import { refusal } from './harm/refusal.js';
import { contextOverlap } from './honesty/context-overlap.js';
import { latency } from './latency/latency.js';
import { tokensPerSecond } from './latency/tokens-per-second.js';
import { ttft } from './latency/ttft.js';
import { contains } from './quality/contains.js';
import { containsAll } from './quality/contains-all.js';
import { containsAny } from './quality/contains-any.js';
import { icontains } from './quality/icontains.js';
import { equals } from './quality/equals.js';
import { f1 } from './quality/f1.js';
import { jsonValid } from './quality/json-valid.js';
import { regex } from './quality/regex.js';
import { coherence } from './quality/coherence.js';
import { fluency } from './quality/fluency.js';
import { relevance } from './quality/relevance.js';
import { similarityJudge } from './quality/similarity-judge.js';
import { jsonSchema } from './quality/json-schema.js';
import { length } from './quality/length.js';
import { bleu } from './quality/bleu.js';
import { levenshteinMetric } from './quality/levenshtein.js';
import { rougeLMetric } from './quality/rouge-l.js';
import { rubric } from './quality/rubric.js';
import { llmRubric } from './quality/llm-rubric.js';
import { similarity } from './quality/similarity.js';
import { groundedness } from './honesty/groundedness.js';
import { retrieval } from './honesty/retrieval.js';
import { harm } from './harm/harm-judge.js';
import { moderation } from './harm/moderation.js';
import { endsWith } from './quality/ends-with.js';
import { startsWith } from './quality/starts-with.js';
import { promptflowMetric } from './quality/promptflow.js';
import { containsJson } from './quality/contains-json.js';
import { javascript } from './quality/javascript.js';
import { python } from './quality/python.js';
import type { MetricDefinition, MetricRunContext, ScoredMetric, Scorer, StatefulMetric } from './types.js';

/**
 * The catalogue: one metric per file under src/metrics/<family>/, each exporting one
 * MetricDefinition, listed here.
 */
const BASE: readonly MetricDefinition[] = [
  equals, contains, icontains, containsAny, containsAll, startsWith, endsWith, regex, jsonValid, jsonSchema, f1,
  rougeLMetric, bleu, levenshteinMetric, length, similarity, relevance, coherence, fluency, similarityJudge, rubric, llmRubric, promptflowMetric, containsJson, javascript, python,
  groundedness, retrieval, contextOverlap,
  moderation, harm, pii, refusal, promptInjection,
  cost,
  latency, ttft, tokensPerSecond,
];

/** One evaluator's scorer for a run: the metric's own (`create`), or its pure `score` function. */
export function openScorer(metric: ScoredMetric, options: Readonly<Record<string, unknown>>, ctx: MetricRunContext): Scorer {
  return metric.create ? metric.create(options, ctx) : { score: (input) => metric.score(input) };
}

/** `not-<name>` for the deterministic quality metrics on a 0–1 scale: value → 1 − value. */
function negated(metric: ScoredMetric): StatefulMetric {
  const { score: _score, create: _create, ...shape } = metric;
  return {
    ...shape,
    name: `not-${metric.name}`,
    description: `Negation of \`${metric.name}\`: ${metric.description}`,
    create(options, ctx) {
      const inner = openScorer(metric, options, ctx);
      return {
        ...inner,
        async score(input) {
          const score = await inner.score(input);
          return score.value === null ? score : { ...score, value: 1 - score.value };
        },
      };
    },
  };
}

const isNegatable = (metric: MetricDefinition): metric is ScoredMetric =>
  metric.measure === undefined && !metric.shapeOf && metric.family === 'quality' && !metric.needs && (metric.scale.kind === 'binary' || metric.scale.kind === 'unit');
const NEGATABLE = BASE.filter(isNegatable);
const CATALOGUE: readonly MetricDefinition[] = [...BASE, ...NEGATABLE.map(negated)];
const BY_NAME = new Map(CATALOGUE.map((metric) => [metric.name, metric]));

export function listMetrics(): readonly MetricDefinition[] {
  return CATALOGUE;
}

export function findMetric(name: string): MetricDefinition | undefined {
  return BY_NAME.get(name);
}

/** An evaluator's options that are `{{var}}` templates over the case: all but the metric's Jinja ones. */
export function templatedOptions(metric: MetricDefinition | undefined, options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const jinja = new Set(metric?.jinjaOptions ?? []);
  return Object.fromEntries(Object.entries(options).filter(([key]) => !jinja.has(key)));
}
