import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suiteSchemaText, withGeneratedSections } from '../../scripts/generated-docs.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('files generated from the code (npm run generate rewrites them)', () => {
  it('schema/suite.schema.json is the schema the loader validates with', () => {
    expect(read('schema/suite.schema.json')).toBe(suiteSchemaText());
  });

  it("README's flow-kind, metric, format and defaults tables are the registries'", () => {
    const readme = read('README.md');
    for (const name of ['flow-kinds', 'metrics', 'formats', 'defaults']) expect(readme).toContain(`<!-- generated:${name} -->`);
    expect(readme).toBe(withGeneratedSections(readme));
  });
});
