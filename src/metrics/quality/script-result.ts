import type { Score } from '../types.js';

/**
 * promptfoo's pass rule for scripted and judged assertions, as EvalGate scores. A case passes at
 * value ≥ pass mark; the mark is the evaluator's `threshold`, else ANY_POSITIVE — the smallest
 * positive number, so "passes when > 0" (promptfoo's rule for a number without threshold) is exact.
 */
export const ANY_POSITIVE = Number.MIN_VALUE;

/**
 * A verdict with an authoritative `pass` (a `{pass, score}` result, an llm-rubric answer) → a
 * value that passes exactly when promptfoo's would: the score when it already agrees with the
 * verdict at the pass mark, else 1 (pass) or 0 (fail), the returned score kept in the reason.
 * A threshold can only turn a pass into a fail (score below it).
 */
export function verdictScore(pass: boolean, score: number, threshold: number | undefined, reason: string | undefined): Score {
  const passed = pass && (threshold === undefined || score >= threshold);
  const mark = threshold ?? ANY_POSITIVE;
  const note = (text: string) => (reason ? `${text}: ${reason}` : text);
  if (score >= mark === passed) return { value: score, ...(reason ? { reason } : {}) };
  return { value: passed ? 1 : 0, reason: note(`${passed ? 'passed' : 'failed'} with score ${score} (the returned pass decides)`) };
}

const describe = (result: unknown) => JSON.stringify(result)?.slice(0, 80) ?? 'undefined';

/**
 * A JavaScript / Python assertion's result → a score (promptfoo's contract): a boolean is 1/0; a
 * number is the score (passing above 0, or at the threshold when one is set); `{ pass, score,
 * reason }` — `pass` decides, `score` defaults to 1/0. Python's `"true"` / `"false"`, numeric and
 * JSON strings are read as promptfoo reads them. Anything else is an error, never a score.
 */
export function scoreFromResult(result: unknown, threshold: number | undefined): Score {
  if (typeof result === 'string') {
    const text = result.trim();
    if (/^(true|false)$/i.test(text)) return scoreFromResult(text.toLowerCase() === 'true', threshold);
    if (text.startsWith('{')) {
      try {
        return scoreFromResult(JSON.parse(text) as unknown, threshold);
      } catch {
        return { value: null, error: `the assertion returned a string that is not JSON: ${describe(result)}` };
      }
    }
    if (text && Number.isFinite(Number(text))) return scoreFromResult(Number(text), threshold);
  }
  if (typeof result === 'boolean') return { value: result ? 1 : 0 };
  if (typeof result === 'number' && Number.isFinite(result)) return { value: result };
  if (result !== null && typeof result === 'object' && !Array.isArray(result) && ('pass' in result || 'score' in result)) {
    const { pass, score, reason } = result as { pass?: unknown; score?: unknown; reason?: unknown };
    const text = typeof reason === 'string' && reason ? reason : undefined;
    if (typeof pass !== 'boolean') {
      if (typeof score === 'number' && Number.isFinite(score)) return { value: score, ...(text ? { reason: text } : {}) };
      return { value: null, error: `the assertion returned ${describe(result)}; \`pass\` must be a boolean or \`score\` a number` };
    }
    const value = typeof score === 'number' && Number.isFinite(score) ? score : pass ? 1 : 0;
    return verdictScore(pass, value, threshold, text);
  }
  return { value: null, error: `the assertion returned ${describe(result)}; expected a boolean, a number or { pass, score, reason }` };
}
