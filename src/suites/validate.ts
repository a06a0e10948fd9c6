import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { listMetrics } from '../metrics/registry.js';
import { closestName } from '../core/edit-distance.js';
import { ConfigError } from '../core/errors.js';
import { suiteSchema } from './schema.js';
import type { YamlSource } from '../core/yaml-source.js';
import { pointerToPath } from '../core/yaml-source.js';

let compiled: ReturnType<Ajv2020['compile']> | undefined;

function validator() {
  compiled ??= new Ajv2020({ allErrors: true, strict: false }).compile(suiteSchema());
  return compiled;
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
    const metric = (evaluator as { metric?: unknown } | null)?.metric;
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
  const validate = validator();
  if (validate(source.value)) return;
  const error = pick(validate.errors ?? []);
  if (!error) throw new ConfigError('does not match the suite schema', { file: source.file }, 'see schema/suite.schema.json');
  const path = pointerToPath(error.instancePath);
  const where = path.length ? path.join('.') : 'the suite';
  throw new ConfigError(`${where} ${describe(error)}`, { file: source.file, line: source.lineOf(path) }, 'see schema/suite.schema.json');
}
