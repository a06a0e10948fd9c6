/**
 * How much EvalGate keeps of one text that an app, a provider or an evaluator produced: what is
 * stored in results.json and the baseline (and so rendered) is at most this many characters, and
 * a cut says so where it was made. The scores are computed on the whole text first.
 */
export const TEXT_LIMITS = {
  /** A sample's output, and its context. */
  output: 100_000,
  /** An error message (a flow's with its stderr tail, a metric's). */
  error: 8_000,
  /** A score's reason. */
  reason: 2_000,
  /** What a command flow may print on stdout (characters) before it is stopped: its answer is JSON there. */
  stdout: 64 * 1024 * 1024,
  /** The end of a command flow's stderr that is kept, and the length of each line of it shown. */
  stderrKept: 64 * 1024,
  stderrLine: 500,
} as const;

/** At most `limit` characters (a surrogate pair is never split), ending with how much was cut. */
export function capText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return `${text.slice(0, end)} …[cut by EvalGate: ${(text.length - end).toLocaleString('en-US')} more characters]`;
}
