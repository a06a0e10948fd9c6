import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suiteSchemaText, withGeneratedSections } from '../../scripts/generated-docs.js';
import { resultsSchemaText } from '../../src/results/schema.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('files generated from the code (npm run generate rewrites them)', () => {
  it('schema/suite.schema.json is the schema the loader validates with', () => {
    expect(read('schema/suite.schema.json')).toBe(suiteSchemaText());
  });

  it('schema/results.schema.json is the schema results files are validated with (units from the unit table)', () => {
    expect(read('schema/results.schema.json')).toBe(resultsSchemaText());
  });

  it("README's flow-kind, metric, format and defaults tables are the registries'", () => {
    const readme = read('README.md');
    for (const name of ['flow-kinds', 'metrics', 'formats', 'defaults']) expect(readme).toContain(`<!-- generated:${name} -->`);
    expect(readme).toBe(withGeneratedSections(readme));
  });
});
