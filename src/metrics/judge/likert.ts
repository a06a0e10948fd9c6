import type { Family, MetricDefinition, ScoreInput } from '../types.js';
import { JUDGE_SAMPLES_SCHEMA, runJudge } from './run-judge.js';
import { PAIRED_SCORE } from '../policy.js';

const ANSWER_FORMAT =
  'Answer with JSON only: {"score": <integer 1-5>, "reason": "<one sentence>"}. 1 is the worst and 5 the best.';

interface LikertJudgeSpec {
  name: string;
  family: Family;
  description: string;
  requires: readonly string[];
  optionsSchema?: Record<string, unknown>;
  /** What the judge is asked to rate. */
  criterion: string;
  /** The material shown to the judge, built from the case. */
  material(input: ScoreInput): string;
}

/** An LLM judge on a 1–5 scale (mapped to 0–1 by the gate). */
export function likertJudge(spec: LikertJudgeSpec): MetricDefinition {
  return {
    name: spec.name,
    family: spec.family,
    scale: { kind: 'likert', min: 1, max: 5 },
    direction: 'higher-is-better',
    policy: PAIRED_SCORE,
    description: spec.description,
    requires: spec.requires,
    threshold: 3,
    needs: 'chat',
    optionsSchema: { samples: JUDGE_SAMPLES_SCHEMA, ...spec.optionsSchema },
    score(input) {
      return runJudge(
        input,
        [
          { role: 'system', content: `You are a strict evaluator. ${spec.criterion} ${ANSWER_FORMAT}` },
          { role: 'user', content: spec.material(input) },
        ],
        { min: 1, max: 5 },
      );
    },
  };
}

export function question(input: ScoreInput): string {
  const value = input.options.question ?? input.vars.question ?? input.vars.query ?? input.vars.input;
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}

export const QUESTION_OPTION = { question: { type: 'string', description: 'The user question; default: the case field `question`.' } };

/** The grounding context a judge sees; by default the context the flow returned. */
export const CONTEXT_OPTION = { context: { type: 'string', description: 'The grounding context; default: the context the flow returned.' } };
