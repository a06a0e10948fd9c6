import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';

/**
 * Checks requests and responses of the loopback GitHub server against GitHub's official
 * OpenAPI description (@octokit/openapi), so the fake cannot drift from the real API.
 */
interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Spec = { paths: Record<string, Record<string, Operation>>; components: unknown };

const require = createRequire(import.meta.url);

/**
 * OpenAPI 3.0's `nullable: true` next to a `oneOf` instead of a `type` (the issues endpoints'
 * milestone), or next to an `enum` without null (an issue's state_reason), is valid OpenAPI that
 * Ajv rejects or misreads: say it as JSON Schema, "that schema, or null".
 */
function withNullables(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullables);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const walked = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withNullables(value)]));
  if (nullable !== true) return walked;
  return { anyOf: [walked, { type: 'null' }] };
}
let cached: { spec: Spec; ajv: Ajv } | undefined;

function load() {
  if (!cached) {
    const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Spec;
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
    ajv.addSchema({ $id: 'github', components: withNullables(spec.components) });
    cached = { spec, ajv };
  }
  return cached;
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: unknown, overlappingVariants = false): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    let text = JSON.stringify(schema).replace(/"#\/components\//g, '"github#/components/');
    if (overlappingVariants) text = text.replace(/"oneOf":/g, '"anyOf":');
    const rewritten = withNullables(JSON.parse(text)) as object;
    validate = load().ajv.compile(rewritten);
    validators.set(key, validate);
  }
  return validate;
}

export function operation(method: string, template: string): Operation {
  const found = load().spec.paths[template]?.[method.toLowerCase()];
  if (!found) throw new Error(`the GitHub REST API has no ${method} ${template}`);
  return found;
}

/** Returns a list of violations (empty when the message matches the spec). */
export function checkRequest(method: string, template: string, body: unknown): string[] {
  const schema = operation(method, template).requestBody?.content?.['application/json']?.schema;
  if (!schema) return [];
  const validate = validatorFor(`${method} ${template} request`, schema);
  return validate(body) ? [] : [`${method} ${template} request: ${load().ajv.errorsText(validate.errors)}`];
}

export function checkResponse(method: string, template: string, status: number, body: unknown): string[] {
  // Any endpoint answers 403 "Resource not accessible by integration" when the token lacks the
  // permission (GitHub's docs on GITHUB_TOKEN permissions); the description lists it only for some.
  const response = operation(method, template).responses[String(status)] ?? (status === 403 ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } } } : undefined);
  if (!response) return [`${method} ${template}: status ${status} is not documented`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return [];
  // GitHub documents some responses as oneOf variants that overlap (a 409 is both a basic-error
  // and a repository-rule-violation-error), so "exactly one" can never hold; any one must.
  const validate = validatorFor(`${method} ${template} ${status}`, schema, true);
  return validate(body) ? [] : [`${method} ${template} ${status} response: ${load().ajv.errorsText(validate.errors)}`];
}
