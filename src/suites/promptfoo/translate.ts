import { basename, dirname, resolve } from 'node:path';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import { ConfigError } from '../../core/errors.js';
import type { YamlSource } from '../../core/yaml-source.js';
import { toEvaluator, UnsupportedAssertion } from './assertions.js';
import { PromptError, readPrompts } from './prompts.js';
import { ProviderError, readProviders } from './providers.js';
import type { PromptfooTest } from './tests.js';
import { loadVars, readTests, rejectTransform, TestsError } from './tests.js';

/** `promptfooconfig.yaml` (and `promptfooconfig.<name>.yaml`, `*.promptfoo.yaml`). */
export const isPromptfooConfig = (file: string) => /(^|[\\/])promptfooconfig[\w.-]*\.(ya?ml|json)$/.test(file) || /\.promptfoo\.ya?ml$/.test(file);

type Path = readonly (string | number)[];

const KNOWN_ERRORS = [UnsupportedAssertion, PromptError, ProviderError, TestsError];

function cases(tests: PromptfooTest[], defaultVars: Dict, fail: (message: string, path: Path) => never): Dict[] {
  const descriptions = tests.map((test) => test.description);
  const unique = (description: string | undefined) => description !== undefined && descriptions.filter((other) => other === description).length === 1;
  return tests.map((test, index) => {
    const asserts = test.assert.map((assertion, assertIndex) => {
      try {
        return toEvaluator(assertion);
      } catch (error) {
        if (!(error instanceof UnsupportedAssertion)) throw error;
        const path = test.file ? test.path : [...test.path, 'assert', assertIndex, error.field];
        return fail(`${test.file ? `${test.file}: test ${index + 1}: ` : ''}${error.message}`, path);
      }
    });
    return { ...(unique(test.description) && !('id' in test.vars) ? { id: test.description } : {}), ...defaultVars, ...test.vars, ...(asserts.length ? { assert: asserts } : {}) };
  });
}

/** Where a path of a translated suite came from in the config. */
function originalPath(path: Path, providerIndex: number, tests: PromptfooTest[]): Path {
  const [head, index, ...rest] = path;
  if (head === 'flow') return ['providers', providerIndex];
  if (head === 'evaluators') return ['defaultTest', 'assert', ...(index === undefined ? [] : [index])];
  if (head === 'cases' && typeof index === 'number') {
    const test = tests[index];
    if (!test || test.file) return ['tests'];
    return rest[0] === 'assert' ? [...test.path, 'assert', ...rest.slice(1, 2)] : test.path;
  }
  return [];
}

/**
 * A promptfoo config → EvalGate suite documents, one per prompt × provider, named
 * `<config>: <prompt label> × <provider id>` (just `<config>` without a matrix). Every path of a
 * translated suite maps back to its line in the config, so validation errors point there.
 */
export function fromPromptfoo(source: YamlSource, cwd: string): YamlSource[] {
  const fail = (message: string, path: Path, fix?: string): never => {
    throw new ConfigError(message, { file: source.file, line: source.lineOf(path) }, fix);
  };
  const config = source.value;
  if (!isDict(config)) return fail('a promptfoo config must be a YAML mapping (prompts, providers, tests)', []);
  const dir = dirname(resolve(cwd, source.file));
  const attempt = <T>(read: () => T, path: Path): T => {
    try {
      return read();
    } catch (error) {
      if (!KNOWN_ERRORS.some((type) => error instanceof type)) throw error;
      return fail((error as Error).message, error instanceof ProviderError && error.index !== undefined ? [...path, error.index] : path);
    }
  };
  const prompts = attempt(() => readPrompts(config.prompts ?? '{{prompt}}', dir), ['prompts']);
  const providers = attempt(() => readProviders(config.providers ?? config.targets), [config.providers ? 'providers' : 'targets']);
  const defaults = isDict(config.defaultTest) ? config.defaultTest : {};
  const tests = attempt(() => readTests(config.tests, dir), ['tests']);
  const defaultVars = attempt(() => {
    rejectTransform(defaults.options);
    return loadVars(isDict(defaults.vars) ? defaults.vars : {}, dir);
  }, ['defaultTest']);
  const suiteCases = cases(tests, defaultVars, fail);
  const evaluators = (Array.isArray(defaults.assert) ? defaults.assert : []).map((assertion: unknown, index) =>
    attempt(() => toEvaluator(assertion), ['defaultTest', 'assert', index]),
  );
  const configName = typeof config.description === 'string' ? config.description : basename(source.file).replace(/\.(ya?ml|json)$/, '');
  const matrix = prompts.length * providers.length > 1;
  return prompts.flatMap((prompt) =>
    providers.map((provider) => {
      const flow = attempt(() => provider.flow(prompt), ['providers', provider.index]);
      const name = matrix ? `${configName}: ${prompt.label} × ${provider.id}` : configName;
      const value = { name, flow, cases: suiteCases, ...(evaluators.length ? { evaluators } : {}) };
      return { file: source.file, value, lineOf: (path: Path) => source.lineOf(originalPath(path, provider.index, tests)) };
    }),
  );
}
