import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const SCHEMA_FILE = new URL('../../schema/suite.schema.json', import.meta.url);

describe('schema/suite.schema.json (shipped for editors)', () => {
  it('accepts every example suite in evals/ and rejects a broken one', async () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
    const files = await glob(['evals/**/*.eval.yaml'], { cwd: new URL('../..', import.meta.url).pathname });
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      expect(validate(parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ flow: { kind: 'prompt' }, cases: [{}], evaluators: [{ metric: 'f1' }] })).toBe(false);
  });
});
