import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { score } from './score.js';

/** A suite folder with two assertion files. */
const SUITE = mkdtempSync(join(tmpdir(), 'evalgate-python-metric-'));
writeFileSync(
  join(SUITE, 'checks.py'),
  [
    'def get_assert(output, context):',
    '    return len(output) / 10',
    '',
    'class GradingResult:',
    '    def __init__(self, pass_, reason):',
    '        self.pass_ = pass_',
    '        self.reason = reason',
    '',
    'def mentions_topic(output, context):',
    '    topic = context["vars"]["topic"]',
    '    return GradingResult(topic in output, f"looked for {topic}")',
    '',
    'def broken(output, context):',
    '    return {"count": int(output)}',
    '',
  ].join('\n'),
);

const python = (output: string, code: string, extra: Parameters<typeof score>[3] = {}, options: Record<string, unknown> = {}) =>
  score('python', output, { code, ...options }, { suiteDir: SUITE, ...extra });

describe('python metric (promptfoo python assertions)', () => {
  it('evaluates an inline expression with output and context.vars in scope: a bool is 1 or 0', async () => {
    expect(await python('hello', 'len(output) > 3')).toEqual({ value: 1 });
    expect(await python('hi', 'len(output) > 3')).toEqual({ value: 0 });
    expect(await python('about tides', "context['vars']['topic'] in output", { vars: { topic: 'tides' } })).toEqual({ value: 1 });
    expect(await python('a b c d', 'len(output.split()) / 8')).toEqual({ value: 0.5 });
  });

  it('runs a multi-line function body that returns a { pass, score, reason } dict', async () => {
    const code = "words = output.split()\nif len(words) > 2:\n    return {'pass': True, 'score': 0.25, 'reason': f'{len(words)} words'}\nreturn {'pass': False}";
    expect(await python('one two three', code)).toEqual({ value: 0.25, reason: '3 words' });
    expect(await python('one', code)).toEqual({ value: 0 });
    expect(await python('x', "import math\nreturn math.sqrt(0.25)")).toEqual({ value: 0.5 });
  });

  it('calls get_assert in a file://…py next to the suite, or the function it names', async () => {
    expect(await python('twelve chars', 'file://checks.py')).toEqual({ value: 1.2 });
    expect(await python('the tides', 'file://checks.py:mentions_topic', { vars: { topic: 'tides' } })).toEqual({ value: 1, reason: 'looked for tides' });
    expect(await python('the moon', 'file://checks.py:mentions_topic', { vars: { topic: 'tides' } })).toEqual({ value: 0, reason: 'looked for tides' });
  });

  it('negates as not-python', async () => {
    expect(await score('not-python', 'hello', { code: "'ell' in output" }, { suiteDir: SUITE })).toEqual({ value: 0 });
  });

  it('is an error, never a score, when the assertion raises or returns something else', async () => {
    const raised = await python('x', '1 / 0');
    expect(raised.value).toBeNull();
    expect(raised.error).toMatch(/^python assertion failed: .*\nZeroDivisionError: division by zero$/s);
    const fromFile = await python('many', 'file://checks.py:broken');
    expect(fromFile.value).toBeNull();
    expect(fromFile.error).toMatch(/checks\.py", line 14, in broken\n.*\nValueError: invalid literal for int\(\) with base 10: 'many'$/s);
    expect((await python('x', 'file://checks.py:missing')).error).toMatch(/LookupError: checks\.py has no function 'missing'$/);
    expect(await python('x', 'None')).toEqual({ value: null, error: 'the assertion returned null; expected a boolean, a number or { pass, score, reason }' });
    expect(await python('x', "float('nan')")).toEqual({ value: null, error: 'the assertion returned "NaN"; expected a boolean, a number or { pass, score, reason }' });
  });

  it('times a hung assertion out as that sample’s error; a sample in flight on the same worker still scores', async () => {
    const [hung, slow] = await Promise.all([
      python('x', 'import time\ntime.sleep(30)\nreturn True', {}, { timeout: 300 }),
      python('x', 'import time\ntime.sleep(0.6)\nreturn 0.75'),
    ]);
    expect(hung).toEqual({ value: null, error: 'python assertion failed: the assertion timed out after 300 ms' });
    expect(slow).toEqual({ value: 0.75 });
    expect(await python('after', "output == 'after'")).toEqual({ value: 1 });
  });
});

describe('python metric without Python', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is one configuration error at load, at the evaluator’s line, naming what to install', async () => {
    vi.stubEnv('EVALGATE_PYTHON', 'python3-that-does-not-exist');
    vi.resetModules();
    const { loadSuite } = await import('../../src/suites/load.js');
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-python-missing-'));
    writeFileSync(join(dir, 'cases.jsonl'), '{"q": "x"}\n');
    writeFileSync(join(dir, 'py.eval.yaml'), 'name: py\nflow: { kind: command, command: [echo, hi] }\ndata: cases.jsonl\nevaluators:\n  - { metric: python, code: "len(output) > 0" }\n');
    const error = await loadSuite('py.eval.yaml', dir).catch((caught: unknown) => caught);
    expect((error as { format(): string }).format()).toBe(
      'py.eval.yaml:5: evaluator "python" (python): python assertions run in Python but "python3-that-does-not-exist" (Python ≥ 3.9) could not be run — install Python 3 (e.g. apt-get install python3, or actions/setup-python in the workflow), or set EVALGATE_PYTHON to its path',
    );
  });

  it('an empty `code` is a configuration error with an example', async () => {
    const { loadSuite } = await import('../../src/suites/load.js');
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-python-empty-'));
    writeFileSync(join(dir, 'cases.jsonl'), '{"q": "x"}\n');
    writeFileSync(join(dir, 'py.eval.yaml'), 'name: py\nflow: { kind: command, command: [echo, hi] }\ndata: cases.jsonl\nevaluators:\n  - { metric: python, code: "  " }\n');
    const error = await loadSuite('py.eval.yaml', dir).catch((caught: unknown) => caught);
    expect((error as { format(): string }).format()).toBe(
      'py.eval.yaml:5: evaluator "python" (python): `code` must be Python: an expression, a function body, or file://path.py[:function] — e.g. code: "len(output) < 100", or code: file://checks.py (calls get_assert(output, context))',
    );
  });
});
