import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { MetricDefinition } from '../types.js';
import { unfence } from './json-valid.js';
import { PAIRED_SCORE } from '../policy.js';

function compile(schema: unknown): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema as object);
}

export const jsonSchema: MetricDefinition = {
  name: 'json-schema',
  family: 'quality',
  scale: { kind: 'binary' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'The output is JSON that validates against `schema` (JSON Schema 2020-12, formats included).',
  requires: ['schema'],
  threshold: 1,
  optionsSchema: { schema: { type: ['object', 'boolean'], description: 'The JSON Schema the output must match.' } },
  checkOptions(options) {
    compile(options.schema);
  },
  create() {
    /** One validator per distinct schema within the run (a suite's schema is usually the same for every case). */
    const compiled = new Map<string, ValidateFunction>();
    return {
      score({ output, options }) {
        let value: unknown;
        try {
          value = JSON.parse(unfence(output));
        } catch (error) {
          return { value: 0, reason: `not JSON: ${(error as Error).message}` };
        }
        const key = JSON.stringify(options.schema);
        const validate = compiled.get(key) ?? compiled.set(key, compile(options.schema)).get(key);
        if (validate?.(value)) return { value: 1 };
        const [first] = validate?.errors ?? [];
        return { value: 0, reason: `${first?.instancePath || '(root)'} ${first?.message ?? 'does not match'}` };
      },
    };
  },
};
