import type { ResultsFile } from './types.js';

/** An object's members as JSON, without the braces. */
const members = (value: object): string => JSON.stringify(value).slice(1, -1);

/**
 * The results document as compact JSON in pieces: one line per case (diffable, and no string
 * ever holds the whole file). `JSON.parse` of the joined pieces gives the document back.
 */
export function* resultsJsonChunks(results: ResultsFile): Generator<string> {
  const { suites, ...head } = results;
  yield `{${members(head)},"suites":[`;
  for (const [suiteIndex, suite] of suites.entries()) {
    const { cases, ...header } = suite;
    yield `${suiteIndex ? ',' : ''}\n{${members(header)},"cases":[`;
    for (const [caseIndex, testCase] of cases.entries()) yield `${caseIndex ? ',' : ''}\n${JSON.stringify(testCase)}`;
    yield ']}';
  }
  yield '\n]}\n';
}
