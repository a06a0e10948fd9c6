import { readFileSync, writeFileSync } from 'node:fs';
import { resultsSchemaText } from '../src/results/schema.js';
import { suiteSchemaText, withGeneratedSections } from './generated-docs.js';

/** `npm run generate`: rewrites schema/suite.schema.json, schema/results.schema.json and README's generated tables from the code. */
const root = new URL('..', import.meta.url);
writeFileSync(new URL('schema/suite.schema.json', root), suiteSchemaText());
writeFileSync(new URL('schema/results.schema.json', root), resultsSchemaText());
const readmePath = new URL('README.md', root);
writeFileSync(readmePath, withGeneratedSections(readFileSync(readmePath, 'utf8')));
console.log('wrote schema/suite.schema.json, schema/results.schema.json and README.md generated sections');
