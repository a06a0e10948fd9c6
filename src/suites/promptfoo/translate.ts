import { basename, dirname, resolve } from 'node:path';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import { ConfigError } from '../../core/errors.js';
import type { YamlSource } from '../../core/yaml-source.js';
import type { GradingOptions } from './assertions.js';
import { toEvaluator, UnsupportedAssertion } from './assertions.js';
import { uniqueNames } from './names.js';
import { PromptError, readPrompts } from './prompts.js';
import { ProviderError, readProviders } from './providers.js';
import { dereference, RefError } from './refs.js';
import type { PromptfooTest } from './tests.js';
import { expandVars, readDefaultTest, readTests, TestsError } from './tests.js';

/** `promptfooconfig.yaml` (and `promptfooconfig.<name>.yaml`, `*.promptfoo.yaml`). */
export const isPromptfooConfig = (file: string) => /(^|[\\/])promptfooconfig[\w.-]*\.(ya?ml|json)$/.test(file) || /\.promptfoo\.ya?ml$/.test(file);

type Path = readonly (string | number)[];

const KNOWN_ERRORS = [UnsupportedAssertion, PromptError, ProviderError, TestsError, RefError];

/** Where a case's assertion came from: its test (and index) in the config. */
interface CaseOrigin {
  test: PromptfooTest;
  index: number;
}

/** Keys of the config EvalGate reads; the rest (sharing, output paths, env…) do not change scores. */
const UNREAD_SCORING_KEYS: Record<string, string> = {
  scenarios: '`scenarios` (tests × data combinations) is not supported — list the tests',
  derivedMetrics: '`derivedMetrics` (metrics computed from named scores) is not supported — each assert is its own metric',
  nunjucksFilters: 'custom `nunjucksFilters` are not supported — EvalGate renders prompts with its own template engine',
};

/**
 * A promptfoo config → EvalGate suite documents, one per prompt × provider, named
 * `<config>: <prompt label> × <provider id>` (just `<config>` without a matrix). Every path of a
 * translated suite maps back to its line in the config, so validation errors point there.
 */
export function fromPromptfoo(source: YamlSource, cwd: string): YamlSource[] {
  const fail = (message: string, path: Path, fix?: string): never => {
    throw new ConfigError(message, { file: source.file, line: source.lineOf(path) }, fix);
  };
  if (!isDict(source.value)) return fail('a promptfoo config must be a YAML mapping (prompts, providers, tests)', []);
  const dir = dirname(resolve(cwd, source.file));
  const attempt = <T>(read: () => T, path: Path): T => {
    try {
      return read();
    } catch (error) {
      if (!KNOWN_ERRORS.some((type) => error instanceof type)) throw error;
      return fail((error as Error).message, error instanceof ProviderError && error.index !== undefined ? [...path, error.index] : error instanceof RefError ? error.path : path);
    }
  };
  const config = attempt(() => dereference(source.value), []) as Dict;
  for (const [key, message] of Object.entries(UNREAD_SCORING_KEYS)) if (config[key] !== undefined) fail(message, [key]);
  const prompts = attempt(() => readPrompts(config.prompts ?? '{{prompt}}', dir), ['prompts']);
  const providers = attempt(() => readProviders(config.providers ?? config.targets, dir), [config.providers ? 'providers' : 'targets']);
  const { test: defaults, file: defaultsFile } = attempt(() => readDefaultTest(config.defaultTest, dir), ['defaultTest']);
  const tests = attempt(() => readTests(config.tests, dir), ['tests']);
  const translate = (assertion: unknown, grading: GradingOptions, path: Path, where: string) => {
    try {
      return toEvaluator(assertion, grading);
    } catch (error) {
      if (!(error instanceof UnsupportedAssertion)) throw error;
      return fail(`${where}${error.message}`, [...path, error.field]);
    }
  };
  const defaultGrading = defaults?.grading ?? {};
  const evaluators = (defaults?.assert ?? []).map((assertion, index) =>
    translate(assertion, defaultGrading, defaultsFile ? ['defaultTest'] : ['defaultTest', 'assert', index], defaultsFile ? `${defaultsFile}: assert ${index + 1}: ` : ''),
  );
  const origins: CaseOrigin[] = [];
  const expanded = tests.flatMap((test, index) => {
    const combinations = attempt(() => expandVars({ ...defaults?.vars, ...test.vars }, dir), test.path);
    const grading = { ...defaultGrading, ...test.grading };
    const asserts = test.assert.map((assertion, assertIndex) =>
      translate(assertion, grading, test.file ? test.path : [...test.path, 'assert', assertIndex], test.file ? `${test.file}: test ${index + 1}: ` : ''),
    );
    return combinations.map((vars) => {
      origins.push({ test, index });
      return { vars, asserts, description: test.description };
    });
  });
  const named = uniqueNames(evaluators, expanded.map((test) => test.asserts));
  const descriptions = expanded.map((test) => test.description);
  const unique = (description: string | undefined) => description !== undefined && descriptions.filter((other) => other === description).length === 1;
  const suiteCases = expanded.map((test, index) => {
    const asserts = named.cases[index] ?? [];
    return { ...(unique(test.description) && !('id' in test.vars) ? { id: test.description } : {}), ...test.vars, ...(asserts.length ? { assert: asserts } : {}) };
  });
  const configName = typeof config.description === 'string' ? config.description : basename(source.file).replace(/\.(ya?ml|json)$/, '');
  const matrix = prompts.length * providers.length > 1;
  const providerLabels = distinctLabels(providers.map((provider) => provider.id));
  const promptLabels = distinctLabels(prompts.map((prompt) => prompt.label));
  return prompts.flatMap((prompt, promptIndex) =>
    providers.map((provider, providerIndex) => {
      const flow = attempt(() => provider.flow(prompt), ['providers', provider.index]);
      const name = matrix ? `${configName}: ${promptLabels[promptIndex]} × ${providerLabels[providerIndex]}` : configName;
      const value = { name, flow, cases: suiteCases, ...(named.suite.length ? { evaluators: named.suite } : {}) };
      return { file: source.file, value, lineOf: (path: Path) => source.lineOf(originalPath(path, provider.index, origins)) };
    }),
  );
}

/** Labels that repeat (the same provider twice, e.g. at two temperatures) get ` #2`, ` #3`… by position. */
function distinctLabels(labels: readonly string[]): string[] {
  return labels.map((label, index) => {
    const before = labels.slice(0, index).filter((other) => other === label).length;
    return before === 0 ? label : `${label} #${before + 1}`;
  });
}

/** Where a path of a translated suite came from in the config. */
function originalPath(path: Path, providerIndex: number, origins: readonly CaseOrigin[]): Path {
  const [head, index, ...rest] = path;
  if (head === 'flow') return ['providers', providerIndex];
  if (head === 'evaluators') return ['defaultTest', 'assert', ...(index === undefined ? [] : [index])];
  if (head === 'cases' && typeof index === 'number') {
    const test = origins[index]?.test;
    if (!test || test.file) return ['tests'];
    return rest[0] === 'assert' ? [...test.path, 'assert', ...rest.slice(1, 2)] : test.path;
  }
  return [];
}
