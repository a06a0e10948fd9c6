import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binary, likert, results, suite } from '../compare/build.js';
import type { ProcessResult } from '../support/run-node.js';
import { CLI, runNode } from '../support/run-node.js';

/**
 * The bad-input battery: every input below goes through dist/cli/index.js and must end as a
 * configuration error — exit 2, one `evalgate: ` line naming file:line where there is one, a
 * hint after " — ", never "internal error", never a stack trace.
 */
interface BadInput {
  name: string;
  files: Record<string, string | { sizeBytes: number }>;
  args?: string[];
  /** What the message must point at, e.g. `evals/s.eval.yaml:7`. */
  at?: string;
}

const SUITE = 'evals/s.eval.yaml';
const APP = "process.stdout.write(JSON.stringify({ output: 'ok' }))";
const CASES = '{"id":"a","answer":"ok"}\n{"id":"b","answer":"ok"}\n';

/** A valid suite with `patch` applied line by line: keys replaced, added or removed. */
function suiteYaml(patch: { flow?: string[]; evaluators?: string[]; extra?: string[]; data?: string | null; name?: string } = {}): string {
  return [
    `name: ${patch.name ?? 's'}`,
    'flow:',
    ...(patch.flow ?? ['  kind: command', '  command: node app.cjs']),
    ...(patch.data === null ? [] : [`data: ${patch.data ?? 'cases.jsonl'}`]),
    'evaluators:',
    ...(patch.evaluators ?? ['  - { metric: icontains, expected: "{{answer}}" }']),
    ...(patch.extra ?? []),
  ].join('\n');
}

const withSuite = (name: string, yaml: string, at?: string, extra: Record<string, string | { sizeBytes: number }> = {}): BadInput => ({
  name,
  files: { [SUITE]: yaml, 'evals/app.cjs': APP, 'evals/cases.jsonl': CASES, ...extra },
  ...(at ? { at } : {}),
});

// Line numbers in the default suite: 1 name, 2 flow, 3 kind, 4 command, 5 data, 6 evaluators, 7 first evaluator.
const EVALUATOR_LINE = `${SUITE}:7`;
/** Flow errors point at the flow mapping (its first key). */
const FLOW_LINE = `${SUITE}:3`;

/** A Prompty file's front matter (lines 1–6); its body starts on line 7. */
const PROMPTY_HEAD = '---\nname: p\nmodel: { id: gpt-4o-mini }\ninputs:\n  answer: { type: string }\n---\n';
/** Broken Jinja bodies and the .prompty line of the error. */
const BROKEN_JINJA: [string, string, number][] = [
  ['an unclosed for', 'system:\nYou help.\n{% for d in docs %}\n- {{ d }}\n\nuser:\n{{ answer }}\n', 9],
  ['an end without its block', 'system:\nhi\n\nuser:\n{{ answer }}\n{% endif %}\n', 12],
  ['a dangling operator', 'system:\nhi\nuser:\nline\n{{ answer + }}\n', 11],
  ['an empty if', 'system:\n{% if %}x{% endif %}\nuser:\n{{ answer }}\n', 8],
];
const BAD_REGEXES = ['(', '[a-', '*', 'a{2,1}', '(?<n>a)(?<n>b)', '\\', '(?<=a', 'a)', '[z-a]', '(?<a>x)\\k<nope>'];
const BAD_SCHEMAS = ['{ type: nope }', '{ minimum: "x" }', '{ $ref: "#/nope" }', '{ properties: 5 }', '{ required: [1] }', '{ type: object, properties: { a: { type: [] } } }'];
const BAD_DURATIONS = ['100000m', '0', '-5', 'abc', '5 hours', '0ms', '61m', '99999999', '""', '[]'];
const BAD_TIMEOUT_FLAGS = ['99999999', '0', '-1', 'abc', '1.5', '3601', ''];
const BAD_NUMBERS: [string, string][] = [['repeat: 0', 'repeat'], ['repeat: -1', 'repeat'], ['repeat: x', 'repeat'], ['repeat: 1.5', 'repeat'], ['gate: { alpha: 2 }', 'gate'], ['gate: { alpha: 0 }', 'gate'], ['gate: { tolerance: -1 }', 'gate'], ['gate: { tolerance: x }', 'gate']];
const BAD_YAML: [string, string][] = [
  ['unclosed quote', 'name: "s\nflow: {}'],
  ['tab indentation', 'name: s\nflow:\n\tkind: command'],
  ['duplicate key', `${suiteYaml()}\nname: again`],
  ['alias bomb', ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n')],
  ['a list, not a mapping', '- name: s'],
  ['a scalar', 'just text'],
  ['empty file', ''],
  ['unknown alias', 'name: *nope'],
  ['bad indentation', 'name: s\n flow: x\n  kind: y'],
  ['flow mapping not closed', 'flow: { kind: command'],
];

const results1 = (mutate: (doc: any) => void) => {
  const doc: any = results(suite([{ id: 'a', values: { exact: 1, judge: 4 } }, { id: 'b', values: { exact: 0, judge: 2 } }], [binary('exact'), likert('judge')], { name: 's' }));
  mutate(doc);
  return JSON.stringify(doc);
};
const GOOD_RESULTS = results1(() => undefined);
const BAD_BASELINES: [string, string][] = [
  ['1e308 score', results1((doc) => (doc.suites[0].cases[0].samples[0].scores.exact.value = 1e308))],
  ['binary score 1.5', results1((doc) => (doc.suites[0].cases[0].samples[0].scores.exact.value = 1.5))],
  ['negative score', results1((doc) => (doc.suites[0].cases[0].samples[0].scores.exact.value = -0.1))],
  ['likert 9 on 1–5', results1((doc) => (doc.suites[0].cases[0].samples[0].scores.judge.value = 9))],
  ['negative latency', results1((doc) => (doc.suites[0].cases[0].samples[0].latencyMs = -1))],
  ['1e300 latency', results1((doc) => (doc.suites[0].cases[0].samples[0].latencyMs = 1e300))],
  ['1e300 cost', results1((doc) => (doc.suites[0].cases[0].samples[0].costUsd = 1e300))],
  ['1e20 tokens', results1((doc) => (doc.suites[0].cases[0].samples[0].usage.prompt = 1e20))],
  ['not JSON', '{"format": '],
  ['not a results file', '{"format": "something-else"}'],
  ['newer version', results1((doc) => (doc.version = 99))],
  ['score value a string', results1((doc) => (doc.suites[0].cases[0].samples[0].scores.exact.value = 'high'))],
  ['suites not a list', results1((doc) => (doc.suites = {}))],
  ['empty file', ''],
  ['JSON null', 'null'],
];

const INPUTS: BadInput[] = [
  ...BAD_YAML.map(([name, yaml]) => withSuite(`YAML: ${name}`, yaml, SUITE)),
  ...BAD_REGEXES.map((pattern) => withSuite(`regex ${pattern}`, suiteYaml({ evaluators: [`  - { metric: regex, pattern: ${JSON.stringify(pattern)} }`] }), EVALUATOR_LINE)),
  withSuite('regex flags zz', suiteYaml({ evaluators: ['  - { metric: regex, pattern: a, flags: zz }'] }), SUITE),
  ...BAD_SCHEMAS.map((schema) => withSuite(`json-schema ${schema}`, suiteYaml({ evaluators: [`  - { metric: json-schema, schema: ${schema} }`] }), EVALUATOR_LINE)),
  ...BAD_DURATIONS.map((duration) => withSuite(`flow timeout ${duration}`, suiteYaml({ flow: ['  kind: command', '  command: node app.cjs', `  timeout: ${duration}`] }), SUITE)),
  ...BAD_NUMBERS.map(([line, key]) => withSuite(`${key}: ${line}`, suiteYaml({ extra: [line] }), SUITE)),
  withSuite('no flow', suiteYaml().replace(/flow:\n {2}kind: command\n {2}command: node app.cjs\n/, ''), SUITE),
  withSuite('unknown flow kind', suiteYaml({ flow: ['  kind: lambda'] }), SUITE),
  withSuite('no data or cases', suiteYaml({ data: null }), `${SUITE}:1`),
  withSuite('both data and cases', suiteYaml({ extra: ['cases: [{ a: 1 }]'] }), `${SUITE}:1`),
  withSuite('unknown top-level key', suiteYaml({ extra: ['evaluator: []'] }), SUITE),
  withSuite('unknown metric', suiteYaml({ evaluators: ['  - { metric: icontain, expected: x }'] }), EVALUATOR_LINE),
  withSuite('no evaluators', suiteYaml({ evaluators: [] }), SUITE),
  withSuite('evaluators not a list', suiteYaml({ evaluators: ['  icontains: x'] }), SUITE),
  withSuite('duplicate evaluator names', suiteYaml({ evaluators: ['  - { metric: icontains, expected: x }', '  - { metric: icontains, expected: y }'] }), SUITE),
  withSuite('gate names no evaluator', suiteYaml({ extra: ['gate: { f1: { min: 0.5 } }'] }), SUITE),
  withSuite('regex without pattern', suiteYaml({ evaluators: ['  - { metric: regex }'] }), SUITE),
  withSuite('json-schema without schema', suiteYaml({ evaluators: ['  - { metric: json-schema }'] }), SUITE),
  withSuite('evaluator name with spaces', suiteYaml({ evaluators: ['  - { metric: icontains, name: "a b", expected: x }'] }), SUITE),
  withSuite('template of a missing field', suiteYaml({ evaluators: ['  - { metric: icontains, expected: "{{nope}}" }'] }), 'evals/cases.jsonl:1'),
  withSuite('command empty', suiteYaml({ flow: ['  kind: command', '  command: ""'] }), SUITE),
  withSuite('command with an open quote', suiteYaml({ flow: ['  kind: command', '  command: node "app.cjs'] }), FLOW_LINE),
  withSuite('command env not strings', suiteYaml({ flow: ['  kind: command', '  command: node app.cjs', '  env: { A: [1] }'] }), SUITE),
  withSuite('pass-env bad name', suiteYaml({ flow: ['  kind: command', '  command: node app.cjs', '  pass-env: ["A B"]'] }), SUITE),
  withSuite('pass-env not a list', suiteYaml({ flow: ['  kind: command', '  command: node app.cjs', '  pass-env: PATH'] }), SUITE),
  withSuite('unknown flow key', suiteYaml({ flow: ['  kind: command', '  command: node app.cjs', '  shell: true'] }), SUITE),
  withSuite('prompt flow without messages', suiteYaml({ flow: ['  kind: prompt', '  model: gpt-4o-mini'] }), SUITE),
  withSuite('prompt message bad role', suiteYaml({ flow: ['  kind: prompt', '  model: m', '  messages: [{ role: robot, content: hi }]'] }), SUITE),
  withSuite('http flow without url', suiteYaml({ flow: ['  kind: http'] }), SUITE),
  // A bad URL is a configuration error before any case runs (it used to fail every case, exit 0).
  ...['not a url', 'localhost:8080/chat', 'ftp://example.com/x', 'htp:/typo', '/relative/path', 'file:///etc/passwd'].map((url) =>
    withSuite(`http flow url ${url}`, suiteYaml({ flow: ['  kind: http', `  url: ${JSON.stringify(url)}`, '  output: answer'] }), FLOW_LINE),
  ),
  withSuite('http flow url templated into a bad one by a case', suiteYaml({ flow: ['  kind: http', '  url: "{{scheme}}://example.com/chat"', '  output: answer'] }), FLOW_LINE, { 'evals/cases.jsonl': '{"id":"a","answer":"ok","scheme":"https"}\n{"id":"b","answer":"ok","scheme":"gopher"}\n' }),
  // A broken Jinja body in a Prompty file names the .prompty file and the line of the error.
  ...BROKEN_JINJA.map(([name, body, line]) =>
    withSuite(`prompty with ${name}`, suiteYaml({ flow: ['  kind: prompty', '  file: p.prompty'] }), `evals/p.prompty:${line}`, { 'evals/p.prompty': `${PROMPTY_HEAD}${body}` }),
  ),
  withSuite('data file missing', suiteYaml({ data: 'nope.jsonl' }), `${SUITE}:5`),
  withSuite('data is a folder', suiteYaml({ data: 'dir' }), `${SUITE}:5`, { 'evals/dir/x': '' }),
  withSuite('data over the size limit', suiteYaml({ data: 'huge.jsonl' }), `${SUITE}:5`, { 'evals/huge.jsonl': { sizeBytes: 101_000_000 } }),
  withSuite('JSONL line not JSON', suiteYaml(), 'evals/cases.jsonl:2', { 'evals/cases.jsonl': '{"id":"a"}\n{oops\n' }),
  withSuite('JSONL line not an object', suiteYaml(), 'evals/cases.jsonl:2', { 'evals/cases.jsonl': '{"id":"a"}\n[1,2]\n' }),
  withSuite('duplicate case ids', suiteYaml(), 'evals/cases.jsonl:2', { 'evals/cases.jsonl': '{"id":"a"}\n{"id":"a"}\n' }),
  withSuite('no cases', suiteYaml(), SUITE, { 'evals/cases.jsonl': '\n' }),
  withSuite('CSV ragged row', suiteYaml({ data: 'cases.csv' }), 'evals/cases.csv', { 'evals/cases.csv': 'id,answer\na,ok\nb,ok,extra\n' }),
  withSuite('YAML data not a list', suiteYaml({ data: 'cases.yaml' }), 'evals/cases.yaml:1', { 'evals/cases.yaml': 'a: 1\n' }),
  withSuite('YAML case not an object', suiteYaml({ data: 'cases.yaml' }), 'evals/cases.yaml:2', { 'evals/cases.yaml': '- { id: a }\n- 5\n' }),
  withSuite('YAML data alias bomb', suiteYaml({ data: 'cases.yaml' }), 'evals/cases.yaml', { 'evals/cases.yaml': `${BAD_YAML[3]?.[1]}\n` }),
  withSuite('inline cases not objects', suiteYaml({ data: null, extra: ['cases: [1, 2]'] }), SUITE),
  { name: 'two suites with one name', files: { [SUITE]: suiteYaml(), 'evals/t.eval.yaml': suiteYaml(), 'evals/app.cjs': APP, 'evals/cases.jsonl': CASES }, at: 'evals/' },
  { name: 'no suite files', files: { 'README.md': 'x' } },
  ...BAD_TIMEOUT_FLAGS.map((value) => ({ ...withSuite(`--timeout ${value}`, suiteYaml()), args: ['run', '--timeout', value] })),
  ...['0', '257', 'x', '-3', '2.5'].map((value) => ({ ...withSuite(`--concurrency ${value}`, suiteYaml()), args: ['run', '--concurrency', value] })),
  ...['not a url', 'ftp://x', 'localhost:8080', '://x', 'file:///etc/passwd'].map((value) => ({ ...withSuite(`--base-url ${value}`, suiteYaml()), args: ['run', '--base-url', value] })),
  { ...withSuite('--format xml', suiteYaml()), args: ['run', '--format', 'xml'] },
  { ...withSuite('--fail-on bogus', suiteYaml()), args: ['run', '--fail-on', 'bogus'] },
  { ...withSuite('unknown flag', suiteYaml()), args: ['run', '--colour'] },
  { ...withSuite('unknown command', suiteYaml()), args: ['evaluate'] },
  { ...withSuite('--output under a file', suiteYaml(), undefined, { blocker: 'x' }), args: ['run', '--output', 'blocker/results.json'] },
  { ...withSuite('--report under a file', suiteYaml(), undefined, { blocker: 'x' }), args: ['run', '--report', 'blocker/deep/report.md'] },
  { ...withSuite('--output is a folder', suiteYaml(), undefined, { 'out/x': '' }), args: ['run', '--output', 'out'] },
  { ...withSuite('--baseline under a file with --update-baseline', suiteYaml(), undefined, { blocker: 'x' }), args: ['run', '--update-baseline', '--baseline', 'blocker/b.json'] },
  { ...withSuite('run: corrupt local baseline', suiteYaml(), 'evals/baseline.json', { 'evals/baseline.json': '{"format": ' }) },
  ...BAD_BASELINES.map(([name, text]) => ({ name: `compare: baseline ${name}`, files: { 'baseline.json': text, 'results.json': GOOD_RESULTS }, args: ['compare', 'baseline.json', 'results.json'], at: 'baseline.json' })),
  { name: 'compare: missing results file', files: { 'baseline.json': GOOD_RESULTS }, args: ['compare', 'baseline.json', 'nope.json'], at: 'nope.json' },
  { name: 'compare: one file only', files: {}, args: ['compare', 'baseline.json'] },
];

function materialise(input: BadInput): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-bad-'));
  for (const [path, content] of Object.entries(input.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (typeof content === 'string') writeFileSync(join(dir, path), content);
    else {
      writeFileSync(join(dir, path), '');
      truncateSync(join(dir, path), content.sizeBytes);
    }
  }
  return dir;
}

const BATCH = fileURLToPath(new URL('../support/cli-batch.mjs', import.meta.url));

/**
 * dist/cli/index.js for every input, a fresh module instance each, in a few processes (one per
 * core) instead of one process per input.
 */
async function runAll(inputs: readonly BadInput[], processes: number): Promise<ProcessResult[]> {
  const jobs = inputs.map((input) => ({ cwd: materialise(input), args: input.args ?? ['run'] }));
  const share = Math.ceil(jobs.length / processes);
  const batches = await Promise.all(
    Array.from({ length: processes }, async (_, index) => {
      const result = await runNode(BATCH, [CLI], { cwd: tmpdir(), env: { NO_COLOR: '1' }, stdin: JSON.stringify(jobs.slice(index * share, (index + 1) * share)) });
      if (result.code !== 0) throw new Error(`the batch runner failed: ${result.stderr}`);
      return JSON.parse(result.stdout) as ProcessResult[];
    }),
  );
  return batches.flat();
}

describe('the bad-input battery (dist/cli/index.js)', () => {
  it(`has at least 100 inputs (${INPUTS.length})`, () => {
    expect(INPUTS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(INPUTS.map((input) => input.name)).size).toBe(INPUTS.length);
  });

  it('every input: exit 2, one clear line with where and a hint, no internal error, no stack', async () => {
    const outcomes = await runAll(INPUTS, Math.max(2, Math.min(4, availableParallelism())));
    const failures = INPUTS.flatMap((input, index) => {
      const { code, stderr } = outcomes[index] as ProcessResult;
      const problems = [
        code === 2 ? '' : `exit ${code}`,
        /internal error/i.test(stderr) ? 'internal error' : '',
        /^\s+at .+:\d+:\d+\)?$/m.test(stderr) ? 'stack trace' : '',
        /^evalgate: .+ — .+/m.test(stderr) ? '' : 'no "evalgate: … — hint" line',
        input.at && !stderr.includes(input.at) ? `does not name ${input.at}` : '',
      ].filter(Boolean);
      return problems.length ? [`${input.name}: ${problems.join(', ')}\n    ${stderr.trim().split('\n').join('\n    ')}`] : [];
    });
    expect(failures).toEqual([]);
  }, 120_000);
});
