import { createReadStream } from 'node:fs';
import { ConfigError } from '../core/errors.js';
import type { Scale } from '../metrics/types.js';
import { caseRangeProblem, metricScales } from './check-ranges.js';
import type { CaseResult, ResultsFile, SuiteResult } from './types.js';
import { checkedVersion, invalid, REGENERATE, schemaProblem } from './validate.js';

/**
 * A results file read line by line in the layout the writer uses (serialise.ts): the head
 * `{…,"suites":[` on line 1, each suite header `{…,"cases":[` on its own line, one case per line
 * (followed by `,`, or by `]}` / `]},` when it is its suite's last), `]}` on the last line. Each
 * piece is checked against its part of the schema and its ranges as it arrives, so no string ever
 * holds more than one line. A file in another layout is read whole by the caller:
 * - `not-streamed`: line 1 is not the writer's head (pretty-printed, one line, version 1, empty);
 * - `off-layout`: a later line leaves the layout (hand-edited, or truncated): the whole text may
 *   still be valid JSON; if it is not, `error` says which line broke.
 */
type StreamedRead = { kind: 'read'; results: ResultsFile } | { kind: 'not-streamed' } | { kind: 'off-layout'; error: ConfigError };

/** What the next line must hold. */
type Expect = 'suite-or-end' | 'suite' | 'case' | 'end' | 'done';

const EXPECTED: Record<Expect, string> = {
  'suite-or-end': 'a suite or the closing "]}"',
  suite: 'another suite',
  case: 'another case',
  end: 'the closing "]}"',
  done: 'nothing more',
};

/** How a line may end, what to cut and add to make it one JSON object, and what comes next. */
interface Ending {
  ending: string;
  cut: number;
  add: string;
  next: Expect;
}
const SUITE_ENDINGS: Ending[] = [
  { ending: '"cases":[', cut: 0, add: ']}', next: 'case' },
  { ending: '"cases":[]},', cut: 1, add: '', next: 'suite' },
  { ending: '"cases":[]}', cut: 0, add: '', next: 'end' },
];
const CASE_ENDINGS: Ending[] = [
  { ending: ',', cut: 1, add: '', next: 'case' },
  { ending: ']},', cut: 3, add: '', next: 'suite' },
  { ending: ']}', cut: 2, add: '', next: 'end' },
];

/** A line that leaves the writer's layout (not necessarily invalid JSON as a whole). */
class OffLayout extends Error {
  readonly error: ConfigError;

  constructor(error: ConfigError) {
    super(error.message);
    this.error = error;
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** The state of one streamed read: the document so far and what the next line must be. */
class ResultsLines {
  private results: ResultsFile | undefined;
  private suite: SuiteResult | undefined;
  private scales = new Map<string, Scale>();
  private expect: Expect = 'suite-or-end';

  private readonly label: string;

  constructor(label: string) {
    this.label = label;
  }

  /** Line 1; false when it is not the writer's head of a current-version file. */
  head(line: string): boolean {
    if (!line.endsWith('"suites":[')) return false;
    const parsed = parseJson(`${line}]}`);
    if (!parsed.ok || checkedVersion(parsed.value, { file: this.label, line: 1 }) === 1) return false;
    const problem = schemaProblem('document', parsed.value);
    if (problem) throw invalid(problem, { file: this.label, line: 1 });
    this.results = parsed.value as ResultsFile;
    return true;
  }

  next(line: string, lineNumber: number): void {
    const { expect } = this;
    if (expect === 'done') {
      if (line.trim()) this.offLayout('text after the end of the results', lineNumber);
    } else if (line === ']}' && (expect === 'end' || expect === 'suite-or-end')) {
      this.expect = 'done';
    } else if (expect === 'case') {
      this.addCase(this.piece(line, lineNumber, CASE_ENDINGS), lineNumber);
    } else if (expect !== 'end') {
      this.addSuite(this.piece(line, lineNumber, SUITE_ENDINGS), lineNumber);
    } else {
      this.offLayout(`expected ${EXPECTED[expect]}`, lineNumber);
    }
  }

  /** The whole document once the last line is read. */
  finish(lastLine: number): ResultsFile {
    if (this.expect !== 'done' || !this.results) {
      this.offLayout(`the file ends early, where ${EXPECTED[this.expect]} should follow (is it truncated?)`, lastLine);
    }
    return this.results as ResultsFile;
  }

  /** The line as one JSON value, by the first of its possible endings that parses. */
  private piece(line: string, lineNumber: number, endings: Ending[]): unknown {
    const whole = endings.some(({ ending }) => line.endsWith(ending)) ? undefined : parseJson(line);
    let failure = whole && !whole.ok ? `not valid JSON (${whole.message})` : `expected ${EXPECTED[this.expect]}, on a line ending in ${endings.map(({ ending }) => JSON.stringify(ending)).join(' or ')}`;
    for (const { ending, cut, add, next } of endings) {
      if (!line.endsWith(ending)) continue;
      const parsed = parseJson(`${line.slice(0, line.length - cut)}${add}`);
      if (parsed.ok) {
        this.expect = next;
        return parsed.value;
      }
      failure = `not valid JSON (${parsed.message})`;
    }
    return this.offLayout(failure, lineNumber);
  }

  private addSuite(value: unknown, lineNumber: number): void {
    const suites = (this.results as ResultsFile).suites;
    this.check(schemaProblem('suite', value, `suites.${suites.length}`), lineNumber);
    this.suite = value as SuiteResult;
    this.scales = metricScales(this.suite);
    suites.push(this.suite);
  }

  private addCase(value: unknown, lineNumber: number): void {
    const suite = this.suite as SuiteResult;
    const at = `suites.${(this.results as ResultsFile).suites.length - 1}.cases.${suite.cases.length}`;
    this.check(schemaProblem('case', value, at), lineNumber);
    this.check(caseRangeProblem(value as CaseResult, this.scales, at), lineNumber);
    suite.cases.push(value as CaseResult);
  }

  private check(problem: string | undefined, lineNumber: number): void {
    if (problem) throw invalid(problem, { file: this.label, line: lineNumber });
  }

  private offLayout(message: string, lineNumber: number): never {
    throw new OffLayout(new ConfigError(message, { file: this.label, line: lineNumber }, REGENERATE));
  }
}

/**
 * Reads `path` line by line (a line is never longer than one string can be: a longer first line
 * means another layout); ConfigError for a piece that is invalid (see StreamedRead for the rest).
 */
export async function readResultsStream(path: string, label: string): Promise<StreamedRead> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const reader = new ResultsLines(label);
  let lineNumber = 0;
  /** One line to the reader; false when line 1 is not the writer's head. */
  const take = (line: string): boolean => {
    lineNumber += 1;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (lineNumber === 1) return reader.head(text);
    reader.next(text, lineNumber);
    return true;
  };
  let partial = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let start = 0;
      for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
        if (!take(partial + chunk.slice(start, end))) return { kind: 'not-streamed' };
        partial = '';
        start = end + 1;
      }
      partial += chunk.slice(start);
    }
    if (partial && !take(partial)) return { kind: 'not-streamed' };
    return lineNumber ? { kind: 'read', results: reader.finish(lineNumber) } : { kind: 'not-streamed' };
  } catch (error) {
    if (error instanceof OffLayout) return { kind: 'off-layout', error: error.error };
    if (error instanceof ConfigError) throw error;
    if (error instanceof RangeError && lineNumber === 0) return { kind: 'not-streamed' };
    if (error instanceof RangeError) throw new ConfigError('a line too long to read (one line per case is expected)', { file: label, line: lineNumber + 1 }, REGENERATE);
    throw new ConfigError('cannot read the results file', { file: label }, 'check the path');
  } finally {
    input.destroy();
  }
}
