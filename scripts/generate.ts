import { readFileSync, writeFileSync } from 'node:fs';
import { resultsSchemaText } from '../src/results/schema.js';
import { DOC_FILES, suiteSchemaText, withGeneratedSections } from './generated-docs.js';

/** `npm run generate`: rewrites schema/suite.schema.json, schema/results.schema.json and the generated tables of README.md and docs/*.md from the code. */
const root = new URL('..', import.meta.url);
writeFileSync(new URL('schema/suite.schema.json', root), suiteSchemaText());
writeFileSync(new URL('schema/results.schema.json', root), resultsSchemaText());
for (const path of DOC_FILES) {
  const url = new URL(path, root);
  writeFileSync(url, withGeneratedSections(readFileSync(url, 'utf8')));
}
console.log(`wrote schema/suite.schema.json, schema/results.schema.json and the generated sections of ${DOC_FILES.join(', ')}`);
