import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { RESULTS_SCHEMA as schema } from './schema.js';
import { ConfigError } from '../core/errors.js';
import type { ErrorLocation } from '../core/errors.js';
import { RESULTS_FORMAT, RESULTS_VERSION } from './types.js';

export const REGENERATE = 'regenerate it with `evalgate run --update-baseline` on the base branch';

/** What the results schema (./schema.ts) validates: the whole document, or one suite / one case of it. */
type ResultsPiece = 'document' | 'suite' | 'case';

let validators: Record<ResultsPiece, ValidateFunction> | undefined;

/** The schema compiled once; a suite or case is checked against its own `$defs` entry. */
function validatorFor(piece: ResultsPiece): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    ajv.addSchema(schema);
    validators = {
      document: ajv.compile({ $ref: schema.$id }),
      suite: ajv.compile({ $ref: `${schema.$id}#/$defs/suite` }),
      case: ajv.compile({ $ref: `${schema.$id}#/$defs/case` }),
    };
  }
  return validators[piece];
}

/** The first schema problem of `value` as `path: message`, the path prefixed by where the piece sits (`suites.0`). */
export function schemaProblem(piece: ResultsPiece, value: unknown, at = ''): string | undefined {
  const validate = validatorFor(piece);
  if (validate(value)) return undefined;
  const [error] = validate.errors ?? [];
  const path = [at, error?.instancePath.slice(1).replace(/\//g, '.') ?? ''].filter(Boolean).join('.') || '(top level)';
  return `${path}: ${error?.message ?? 'does not match the schema'}`;
}

/**
 * The format and version of a parsed document (or of its first line): not a results file or a
 * newer version is a ConfigError; returns the version to read it as (1 is upgraded first).
 */
export function checkedVersion(value: unknown, where: ErrorLocation): 1 | 2 {
  const header = (value ?? {}) as { format?: unknown; version?: unknown };
  if (header.format !== RESULTS_FORMAT) {
    throw new ConfigError(`not an EvalGate results file (format is ${JSON.stringify(header.format)})`, where, REGENERATE);
  }
  if (typeof header.version === 'number' && header.version > RESULTS_VERSION) {
    throw new ConfigError(`written by a newer EvalGate (results format version ${header.version}; this one reads ${RESULTS_VERSION})`, where, 'upgrade EvalGate');
  }
  return header.version === 1 ? 1 : 2;
}

export function invalid(problem: string, where: ErrorLocation): ConfigError {
  return new ConfigError(`invalid results file at ${problem}`, where, REGENERATE);
}
