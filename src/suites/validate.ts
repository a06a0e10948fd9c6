import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { listMetrics } from '../metrics/registry.js';
import { closestName } from '../core/edit-distance.js';
import { ConfigError } from '../core/errors.js';
import type { SchemaScope } from './schema.js';
import { suiteSchema } from './schema.js';
import type { YamlSource } from '../core/yaml-source.js';
import { pointerToPath } from '../core/yaml-source.js';

const compiled = new Map<string, ValidateFunction>();

const metricOf = (evaluator: unknown) => (evaluator as { metric?: unknown } | null)?.metric;

/** The flow kind and metrics a suite document names (its evaluators and its cases' asserts). */
function scopeOf(doc: unknown): SchemaScope {
  const value = (doc ?? {}) as { flow?: { kind?: unknown }; evaluators?: unknown; cases?: unknown };
  const evaluators = [value.evaluators, ...(Array.isArray(value.cases) ? value.cases.map((testCase) => (testCase as { assert?: unknown } | null)?.assert) : [])].flatMap((list) => (Array.isArray(list) ? list : []));
  const names = (values: unknown[]) => [...new Set(values.filter((name): name is string => typeof name === 'string'))].sort();
  return { kinds: names([value.flow?.kind]), metrics: names(evaluators.map(metricOf)) };
}

/** The validator of the schema narrowed to what the document names, compiled once per scope. */
function validator(doc: unknown): ValidateFunction {
  const scope = scopeOf(doc);
  const key = JSON.stringify(scope);
  let validate = compiled.get(key);
  if (!validate) {
    // Compiling is most of a run's start-up work. The schema is ours, not the user's: checking it
    // against JSON Schema's meta-schema (the whole shipped schema is, in
    // tests/suites/schema-file.test.ts) would cost every run ~0.1 s, and ajv's optimising pass
    // over the generated code costs more than it saves on the few documents a run validates.
    validate = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } }).compile(suiteSchema(scope));
    compiled.set(key, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'additionalProperties':
      return `has an unknown key "${String(params.additionalProperty)}"`;
    case 'required':
      return `is missing "${String(params.missingProperty)}"`;
    case 'false schema':
      return 'is not an option here';
    default:
      return error.message ?? 'is invalid';
  }
}

/** The most useful error: deepest path first, skipping the if/oneOf wrappers. */
function pick(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const useful = errors.filter((error) => !['if', 'oneOf', 'anyOf', 'allOf'].includes(error.keyword));
  return [...useful].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length)[0];
}

export function checkMetricNames(source: YamlSource, evaluators: unknown): void {
  if (!Array.isArray(evaluators)) return;
  const known = listMetrics().map((metric) => metric.name);
  evaluators.forEach((evaluator: unknown, index) => {
    const metric = metricOf(evaluator);
    if (typeof metric === 'string' && !known.includes(metric)) {
      const close = closestName(metric, known);
      throw new ConfigError(
        `unknown metric "${metric}"`,
        { file: source.file, line: source.lineOf(['evaluators', index, 'metric']) },
        close ? `did you mean "${close}"?` : `known metrics: ${known.join(', ')}`,
      );
    }
  });
}

export function validateSuiteDocument(source: YamlSource): void {
  const validate = validator(source.value);
  if (validate(source.value)) return;
  const error = pick(validate.errors ?? []);
  if (!error) throw new ConfigError('does not match the suite schema', { file: source.file }, 'see schema/suite.schema.json');
  const path = pointerToPath(error.instancePath);
  const where = path.length ? path.join('.') : 'the suite';
  throw new ConfigError(`${where} ${describe(error)}`, { file: source.file, line: source.lineOf(path) }, 'see schema/suite.schema.json');
}
