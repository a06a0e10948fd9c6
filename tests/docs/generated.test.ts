import { describe, expect, it } from 'vitest';
import { suiteSchemaText, withGeneratedSections } from '../../scripts/generated-docs.js';
import { resultsSchemaText } from '../../src/results/schema.js';
import { docText, DOCS } from '../support/docs.js';

describe('files generated from the code (npm run generate rewrites them)', () => {
  it('schema/suite.schema.json is the schema the loader validates with', () => {
    expect(docText('schema/suite.schema.json')).toBe(suiteSchemaText());
  });

  it('schema/results.schema.json is the schema results files are validated with (units from the unit table)', () => {
    expect(docText('schema/results.schema.json')).toBe(resultsSchemaText());
  });

  it('the flow-kind, metric, format and defaults tables sit on their pages', () => {
    const where = { 'flow-kinds': 'docs/suites.md', metrics: 'docs/metrics.md', formats: 'docs/reference.md', defaults: 'docs/reference.md' };
    for (const [name, path] of Object.entries(where)) expect(docText(path), name).toContain(`<!-- generated:${name} -->`);
  });

  it.each(DOCS.map((doc) => [doc.path, doc.text]))("%s's generated tables are the registries'", (_path, text) => {
    expect(text).toBe(withGeneratedSections(text));
  });
});
