import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { childEnvironment } from '../../flows/child-env.js';
import type { MetricDefinition } from '../types.js';
import { PAIRED_SCORE } from '../policy.js';
import { ANY_POSITIVE, scoreFromResult } from './script-result.js';

/**
 * Runs in a child Node process: promptfoo's JavaScript assertion contract. Inline code is an
 * expression or statements ending in one (see functionBody), else a function body (with
 * `return`); `file://x.js[:name]` exports the function. Both get (output, context) and return a
 * boolean, a number, or { pass, score, reason }. The process has a command flow's environment
 * (child-env.ts): no API key, GitHub or runtime token, and no way to read EvalGate's (a worker
 * thread would share /proc/self/environ).
 */
const WORKER = `
const reply = (message) => process.send(message, () => process.exit(0));
process.once('message', (workerData) => (async () => {
  const { code, body, file, name, output, context } = workerData;
  let fn;
  if (file) {
    const module = await import(file);
    fn = name ? (module[name] ?? (module.default && module.default[name])) : (module.default ?? module);
    if (typeof fn === 'object' && fn && typeof fn.default === 'function') fn = fn.default;
  } else {
    const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
    try {
      fn = new AsyncFunction('output', 'context', body);
    } catch {
      fn = new AsyncFunction('output', 'context', code);
    }
  }
  if (typeof fn !== 'function') throw new Error('the assertion file exports no function' + (name ? ' named ' + name : ''));
  reply({ result: await fn(output, context) });
})().catch((error) => reply({ error: String(error && error.stack ? error.stack.split('\\n').slice(0, 2).join(' ') : error) })));
`;

/** Index of the last `;` outside quotes and template literals, or -1. */
function lastStatementEnd(code: string): number {
  let quote: string | undefined;
  let last = -1;
  for (let index = 0; index < code.length; index += 1) {
    const char = code[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === ';') last = index;
  }
  return last;
}

/**
 * promptfoo's reading of inline code: trailing `;` dropped; one line is `return <expression>`
 * (after leading `const`/`let`/`var` statements); several lines are tried as one expression,
 * else run as a function body as written.
 */
export function functionBody(code: string): string {
  const trimmed = code.trim();
  if (trimmed.includes('\n')) return `return (${trimmed}\n);`;
  const single = trimmed.replace(/;+\s*$/, '');
  if (!/^(const|let|var)\s/.test(single)) return `return ${single}`;
  const end = lastStatementEnd(single);
  const expression = end === -1 ? '' : single.slice(end + 1).trim();
  return expression ? `${single.slice(0, end + 1)} return ${expression}` : single;
}

/** How long an assertion may run (option `timeout` overrides it). */
export const ASSERTION_TIMEOUT_MS = 10_000;

/** `file://path[:function]` of an assertion's `code`, or undefined for inline code. */
export function assertionFile(code: string): { path: string; name?: string } | undefined {
  const match = /^file:\/\/(.+?)(?::(\w+))?$/.exec(code.trim());
  return match ? { path: match[1] ?? '', ...(match[2] ? { name: match[2] } : {}) } : undefined;
}

function run(data: Record<string, unknown>, timeoutMs: number): Promise<{ result?: unknown; error?: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['--max-old-space-size=128', '-e', WORKER], {
      env: childEnvironment(process.env, { env: {} }),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    let settled = false;
    const settle = (reply: { result?: unknown; error?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolvePromise(reply);
    };
    const timer = setTimeout(() => settle({ error: `the assertion timed out after ${timeoutMs} ms` }), timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-1000)));
    child.once('message', (message: { result?: unknown; error?: string }) => settle(message));
    child.once('error', (error) => settle({ error: error.message }));
    child.once('close', (code, signal) => settle({ error: `the assertion's process exited with ${code ?? signal}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}` }));
    child.send(data);
  });
}

export const javascript: MetricDefinition = {
  name: 'javascript',
  policy: PAIRED_SCORE,
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  description: 'Your JavaScript (promptfoo’s javascript assertion): inline code or file://x.js, given (output, context), run in a child Node process (no EvalGate secrets in its environment) with a timeout.',
  requires: ['code'],
  example: { code: 'output.length > 0' },
  threshold: ANY_POSITIVE,
  optionsSchema: {
    code: { type: 'string', description: 'An expression, a function body with `return`, or file://path.js[:function] (relative to the suite).' },
    timeout: { type: 'number', exclusiveMinimum: 0, description: 'Milliseconds (default 10000).' },
  },
  async score({ output, options, vars, suiteDir, context, threshold }) {
    const code = String(options.code);
    const file = assertionFile(code);
    const data = {
      output,
      context: { vars, ...(context === undefined ? {} : { context }) },
      ...(file ? { file: pathToFileURL(resolve(suiteDir, file.path)).href, ...(file.name ? { name: file.name } : {}) } : { code, body: functionBody(code) }),
    };
    const reply = await run(data, typeof options.timeout === 'number' ? options.timeout : ASSERTION_TIMEOUT_MS);
    if (reply.error !== undefined) return { value: null, error: `javascript assertion failed: ${reply.error}` };
    return scoreFromResult(reply.result, threshold);
  },
};
