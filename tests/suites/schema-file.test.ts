import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { suiteSchema } from '../../src/suites/schema.js';

const SCHEMA_FILE = new URL('../../schema/suite.schema.json', import.meta.url);
const generated = `${JSON.stringify(suiteSchema(), null, 2)}\n`;

describe('schema/suite.schema.json (shipped for editors)', () => {
  it('is the schema the loader validates with (npm run schema regenerates it)', () => {
    if (process.env.UPDATE_SCHEMA) writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

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
