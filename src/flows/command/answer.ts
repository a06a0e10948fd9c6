import { capText, TEXT_LIMITS } from '../../core/text-limits.js';
import { usageFromOpenAI } from '../../core/usage.js';
import type { FlowOutput } from '../types.js';

const STDERR_LINES = 20;

/**
 * The end of an app's stderr: only the last TEXT_LIMITS.stderrKept characters are kept, and of
 * them the last 20 lines are shown, each cut at TEXT_LIMITS.stderrLine characters.
 */
export class StderrTail {
  private text = '';
  private dropped = 0;

  add(chunk: string): void {
    const joined = this.text + chunk;
    this.dropped += Math.max(0, joined.length - TEXT_LIMITS.stderrKept);
    this.text = joined.slice(-TEXT_LIMITS.stderrKept);
  }

  /** Forgets what was kept (a long-lived app: each case shows the stderr of its own answer). */
  clear(): void {
    this.text = '';
    this.dropped = 0;
  }

  /** `\nstderr:\n…` with the kept lines, or '' when the app wrote nothing there. */
  shown(): string {
    if (!this.text.trim()) return '';
    const lines = this.text.trimEnd().split('\n').slice(-STDERR_LINES).map((line) => capText(line, TEXT_LIMITS.stderrLine));
    const kept = lines.join('\n');
    return `\nstderr:\n${this.dropped > 0 && lines.length < STDERR_LINES ? `…[${this.dropped.toLocaleString('en-US')} earlier characters of stderr not kept] ${kept}` : kept}`;
  }
}

/** Parses an answer the app printed: one JSON object `{"output": …, "context"?, "usage"?, "model"?}`. */
export function parseAnswer(printed: string, latencyMs: number): FlowOutput {
  let answer: unknown;
  try {
    answer = JSON.parse(printed);
  } catch {
    throw new Error(`the command did not print JSON on stdout (got: ${JSON.stringify(printed.slice(0, 200))})`);
  }
  if (answer === null || typeof answer !== 'object' || !('output' in answer)) {
    throw new Error('the command printed JSON without an "output" field');
  }
  const { output, context, usage, model } = answer as { output: unknown; context?: unknown; usage?: unknown; model?: unknown };
  return {
    output: typeof output === 'string' ? output : JSON.stringify(output),
    ...(context === undefined ? {} : { context: typeof context === 'string' ? context : JSON.stringify(context) }),
    usage: usageFromOpenAI(usage),
    ...(typeof model === 'string' ? { model } : {}),
    latency: { totalMs: latencyMs },
  };
}

/** What an abort of the case's signal means: its deadline (the flow's `timeout:`) ran out, or the run was cancelled. */
export const abortReason = (signal: AbortSignal, timeoutMs: number): string =>
  (signal.reason as Error | undefined)?.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : 'cancelled';

export const STDOUT_LIMIT_REASON = `printed more than ${TEXT_LIMITS.stdout.toLocaleString('en-US')} characters on stdout (EvalGate's limit for one answer)`;
