import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLOW_KINDS } from '../../src/flows/registry.js';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { loadSuites } from '../../src/suites/load.js';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-suites-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const COMMAND_SUITE = `name: faq
flow: { kind: command, command: "node 'my app.mjs' --fast", timeout: 5s }
data: cases.jsonl
evaluators:
  - { metric: contains, expected: "{{answer}}" }
  - { metric: f1, name: f1-strict, expected: "{{answer}}" }
gate:
  tolerance: 0.02
  contains: { min: 0.8 }
`;
const CASES = '{"id":"a","question":"q1","answer":"x"}\n\n{"id":2,"question":"q2","answer":"y"}\n';

async function loadError(files: Record<string, string>): Promise<ConfigError> {
  const error = await loadSuites(['evals/**/*.eval.yaml'], { cwd: repo(files) }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadSuites', () => {
  it('loads a command suite with JSONL data, normalising flow, evaluators and gate', async () => {
    const [suite] = await loadSuites(['evals/**/*.eval.yaml'], { cwd: repo({ 'evals/faq.eval.yaml': COMMAND_SUITE, 'evals/cases.jsonl': CASES }) });
    expect(suite).toMatchObject({
      name: 'faq',
      file: 'evals/faq.eval.yaml',
      flow: { kind: 'command', argv: ['node', 'my app.mjs', '--fast'], timeoutMs: 5000 },
      evaluators: [{ name: 'contains', metric: 'contains', options: { expected: '{{answer}}' } }, { name: 'f1-strict', metric: 'f1' }],
      gate: { alpha: 0.05, tolerance: 0.02, metrics: { contains: { min: 0.8 } } },
      repeat: 1,
    });
    expect(suite?.cases.map((testCase) => [testCase.id, testCase.source.line])).toEqual([['a', 1], ['2', 3]]);
    expect(suite?.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads CSV, YAML and inline cases, and derives stable ids when none are given', async () => {
    const suite = (data: string) => `flow: { kind: command, command: [node, app.mjs] }\n${data}\nevaluators: [{ metric: equals, expected: "{{a}}" }]\n`;
    const cwd = repo({
      'evals/csv.eval.yaml': suite('data: c.csv'),
      'evals/c.csv': 'a,b\n"x, with comma",1\ny,2\n',
      'evals/yaml.eval.yaml': suite('data: c.yaml'),
      'evals/c.yaml': '- { a: x }\n- { a: y }\n',
      'evals/inline.eval.yaml': suite('cases:\n  - { a: x }\n  - { a: z }'),
    });
    const suites = await loadSuites(['evals/*.eval.yaml'], { cwd });
    expect(suites.map((suite) => suite.name)).toEqual(['csv', 'inline', 'yaml']);
    expect(suites[0]?.cases[0]?.vars).toEqual({ a: 'x, with comma', b: '1' });
    expect(suites[2]?.cases[1]).toMatchObject({ vars: { a: 'y' }, source: { line: 2 } });
    expect(suites[1]?.cases[0]?.id).toBe(suites[2]?.cases[0]?.id);
    expect(suites[1]?.cases[0]?.id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('names the line of malformed YAML', async () => {
    const error = await loadError({ 'evals/x.eval.yaml': 'name: x\nflow: [unclosed\nevaluators: []\n' });
    expect(error.format()).toMatch(/^evals\/x\.eval\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('names the line and the expectation for a wrong value deep in the file', async () => {
    const error = await loadError({ 'evals/x.eval.yaml': 'flow:\n  kind: command\n  command: node app.mjs\n  timeout: soon\ncases: [{ a: 1 }]\nevaluators: [{ metric: json-valid }]\n', });
    expect(error.location).toMatchObject({ file: 'evals/x.eval.yaml', line: 4 });
    expect(error.message).toMatch(/^flow\.timeout /);
  });

  it("reads a command flow's protocol: lines is kept, per-case is the default (the same hash as leaving it out), anything else names the choices", async () => {
    const suite = (protocol: string) => ({ 'evals/x.eval.yaml': `flow: { kind: command, command: node app.mjs${protocol} }\ncases: [{ a: 1 }]\nevaluators: [{ metric: json-valid }]\n` });
    const [lines] = await loadSuites(['evals/*.eval.yaml'], { cwd: repo(suite(', protocol: lines')) });
    const [perCase] = await loadSuites(['evals/*.eval.yaml'], { cwd: repo(suite(', protocol: per-case')) });
    const [plain] = await loadSuites(['evals/*.eval.yaml'], { cwd: repo(suite('')) });
    expect(lines?.flow).toMatchObject({ kind: 'command', protocol: 'lines' });
    expect(perCase?.flow).not.toHaveProperty('protocol');
    expect(perCase?.hash).toBe(plain?.hash);
    expect(lines?.hash).not.toBe(plain?.hash);
    const error = await loadError(suite(', protocol: stream'));
    expect(error.location).toMatchObject({ file: 'evals/x.eval.yaml', line: 1 });
    expect(error.format()).toMatch(/flow\.protocol .*per-case.*lines/);
  });

  it('lists the allowed flow kinds', async () => {
    const error = await loadError({ 'evals/x.eval.yaml': 'flow: { kind: lambda }\ncases: [{ a: 1 }]\nevaluators: [{ metric: json-valid }]\n' });
    expect(error.format()).toBe(`evals/x.eval.yaml:1: flow.kind must be one of ${FLOW_KINDS.map((kind) => kind.kind).join(', ')} — see schema/suite.schema.json`);
  });

  it('suggests the closest metric for an unknown one', async () => {
    const error = await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators:\n  - { metric: rouge }\n' });
    expect(error.format()).toBe('evals/x.eval.yaml:4: unknown metric "rouge" — did you mean "rouge-l"?');
  });

  it('rejects an option the metric does not take, and a missing required one', async () => {
    const unknown = await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators:\n  - { metric: json-valid, expected: "1" }\n' });
    expect(unknown.format()).toMatch(/:4: evaluators\.0 has an unknown key "expected"/);
    const missing = await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators:\n  - { metric: regex }\n' });
    expect(missing.format()).toMatch(/:4: evaluators\.0 is missing "pattern"/);
  });

  it('names the missing data file and the suite line that points at it', async () => {
    const error = await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ndata: nope.jsonl\nevaluators: [{ metric: json-valid }]\n' });
    expect(error.format()).toBe('evals/x.eval.yaml:2: data file not found: evals/nope.jsonl — `data:` is relative to the suite file');
  });

  it('names the file and line of a bad JSONL line', async () => {
    const error = await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ndata: c.jsonl\nevaluators: [{ metric: json-valid }]\n', 'evals/c.jsonl': '{"a":1}\n{"a":2,}\n' });
    expect(error.format()).toMatch(/^evals\/c\.jsonl:2: invalid JSON: .* — each line must be one JSON object$/);
  });

  it('names the case, its line and the variable when a template variable is missing', async () => {
    const error = await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ndata: c.jsonl\nevaluators: [{ metric: contains, expected: "{{answer}}" }]\n', 'evals/c.jsonl': '{"id":"ok","answer":"y"}\n{"id":"bad","question":"q"}\n' });
    expect(error.format()).toBe('evals/c.jsonl:2: case "bad": evaluator "contains" uses {{ answer }}, which is not defined for this case (fields: id, question, plus output, context) — add "answer" to every case or fix the template in evals/x.eval.yaml');
  });

  it('checks a rubric prompt as Jinja over the case plus output (and context when the flow may report one)', async () => {
    const suite = (prompt: string) => `flow: { kind: command, command: x }\ncases: [{ question: "q?" }]\nevaluators:\n  - { metric: rubric, prompt: "${prompt}", choices: { good: 1, bad: 0 } }\n`;
    await expect(loadSuites(['evals/**/*.eval.yaml'], { cwd: repo({ 'evals/r.eval.yaml': suite('Q: {{ question }} A: {{ output }}') }) })).resolves.toHaveLength(1);
    const error = await loadError({ 'evals/r.eval.yaml': suite('A: {{ outptu }}') });
    expect(error.format()).toMatch(/^evals\/r\.eval\.yaml:2: case "\w+": evaluator "rubric" uses \{\{ outptu \}\}, which is not defined for this case \(fields: question, plus output, context\)/);
  });

  it('rejects duplicate case ids, duplicate evaluator names and gate keys naming no evaluator', async () => {
    expect((await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ndata: c.jsonl\nevaluators: [{ metric: json-valid }]\n', 'evals/c.jsonl': '{"id":"a"}\n{"id":"a"}\n' })).format()).toBe(
      'evals/c.jsonl:2: duplicate case id "a" (also on line 1) — give each case a unique `id`',
    );
    expect((await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators:\n  - { metric: json-valid }\n  - { metric: json-valid }\n' })).format()).toMatch(/:5: two evaluators are called "json-valid" — give one of them a `name:`/);
    expect((await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators: [{ metric: json-valid }]\ngate:\n  f1: { min: 0.5 }\n' })).format()).toMatch(/:5: gate\.f1 names no evaluator — evaluators: json-valid/);
  });

  it('marks primary metrics (gate.<metric>.primary), and rejects a primary that is not a boolean', async () => {
    const dir = repo({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators: [{ metric: json-valid }]\ngate:\n  json-valid: { primary: true }\n' });
    const [suite] = await loadSuites(['evals/**/*.eval.yaml'], { cwd: dir });
    expect(suite?.gate.metrics['json-valid']).toEqual({ primary: true });
    expect((await loadError({ 'evals/x.eval.yaml': 'flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators: [{ metric: json-valid }]\ngate:\n  json-valid: { primary: "yes" }\n' })).format()).toMatch(/:5.*primary/);
  });

  it('reads gate.sequential as written (absent: unset), not as a metric, and rejects one that is not a boolean', async () => {
    const suiteWith = (gate: string) => `flow: { kind: command, command: x }\ncases: [{ a: 1 }]\nevaluators: [{ metric: json-valid }]\n${gate}`;
    const [off] = await loadSuites(['evals/**/*.eval.yaml'], { cwd: repo({ 'evals/x.eval.yaml': suiteWith('gate:\n  sequential: false\n') }) });
    expect([off?.gate.sequential, off?.gate.metrics]).toEqual([false, {}]);
    const [unset] = await loadSuites(['evals/**/*.eval.yaml'], { cwd: repo({ 'evals/x.eval.yaml': suiteWith('') }) });
    expect(unset?.gate).not.toHaveProperty('sequential');
    expect((await loadError({ 'evals/x.eval.yaml': suiteWith('gate:\n  sequential: "no"\n') })).format()).toMatch(/:5.*sequential/);
  });

  it('says which globs matched nothing', async () => {
    const error = await loadSuites(['evals/**/*.eval.yaml'], { cwd: repo({ 'README.md': '' }) }).catch((caught: unknown) => caught as ConfigError);
    expect((error as ConfigError).message).toBe('no suite files match evals/**/*.eval.yaml');
  });
});
