import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import { ConfigError } from '../../core/errors.js';
import type { YamlSource } from '../../core/yaml-source.js';
import { toEvaluator } from './graders.js';
import { UnsupportedCriterion } from './templates.js';

type Path = readonly (string | number)[];

/** The eval object the OpenAI Evals API returns (`object: "eval"` with `testing_criteria`). */
export const isOpenAiEval = (value: unknown): value is Dict => isDict(value) && value.object === 'eval' && Array.isArray(value.testing_criteria);

/** The data convention: `eval.json` runs over the rows of `eval.jsonl` next to it. */
export const dataFileOf = (file: string) => file.replace(/\.json$/i, '') + '.jsonl';

/** Replays the row's recorded answer (`sample.output_text`) when the eval names no model. */
const REPLAY = "const v=JSON.parse(require('node:fs').readFileSync(0,'utf8')||'{}');process.stdout.write(JSON.stringify({output:v.sample.output_text}));";

/** Every row is `{ id?, item: {...}, sample?: { output_text } }`; a replayed eval needs every sample and an id. */
function checkRows(dataFile: string, cwd: string, replay: boolean): void {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, dataFile), 'utf8');
  } catch {
    throw new ConfigError(`no data file ${dataFile}`, { file: dataFile }, `put the eval's rows next to it as ${basename(dataFile)}, one { "item": { … } } per line`);
  }
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const where = { file: dataFile, line: index + 1 };
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new ConfigError('this line is not JSON', where, 'write one JSON object per line: { "item": { … } }');
    }
    if (!isDict(row) || !isDict(row.item)) throw new ConfigError('a row must be { "item": { … } } (optionally with "sample")', where, 'wrap the row\'s fields in "item", as the OpenAI Evals API expects');
    if (replay && !(isDict(row.sample) && typeof row.sample.output_text === 'string')) {
      throw new ConfigError('this row has no sample.output_text, and the eval names no model to produce one', where, 'add "sample": { "output_text": "…" } to every row, or set metadata.model in the eval to run a model on {{ item.input }}');
    }
    if (replay && typeof row.id !== 'string' && typeof row.id !== 'number') {
      throw new ConfigError('a replayed row needs an "id": without one its identity is a hash of the row, recorded answer included, so a changed answer would be a new case with nothing to compare', where, 'add "id": "<stable name>" to every row');
    }
  });
}

/** The flow under test: `metadata.model` answering `{{ item.input }}`, else the rows' recorded samples. */
function flowOf(evalObject: Dict): Dict {
  const model = isDict(evalObject.metadata) ? evalObject.metadata.model : undefined;
  if (typeof model === 'string' && model) return { kind: 'prompt', model, messages: [{ role: 'user', content: '{{ item.input }}' }] };
  return { kind: 'command', command: ['node', '-e', REPLAY] };
}

/**
 * An OpenAI eval object (+ its `<name>.jsonl` rows) → an EvalGate suite document. Every testing
 * criterion becomes an evaluator or a ConfigError naming it, why, and what to do.
 */
export function fromOpenAiEval(source: YamlSource, cwd: string): YamlSource {
  const evalObject = source.value as Dict;
  const sourceType = isDict(evalObject.data_source_config) ? evalObject.data_source_config.type : undefined;
  if (sourceType !== undefined && sourceType !== 'custom') {
    throw new ConfigError(
      `data_source_config type "${String(sourceType)}" is not supported: its rows live in OpenAI's stored completions or logs, not in a file EvalGate can read`,
      { file: source.file, line: source.lineOf(['data_source_config', 'type']) },
      'export the rows to eval.jsonl ({ "item": { … } } per line) and set data_source_config.type to "custom"',
    );
  }
  const flow = flowOf(evalObject);
  const criteria = evalObject.testing_criteria as unknown[];
  if (criteria.length === 0) throw new ConfigError('the eval has no testing_criteria', { file: source.file, line: source.lineOf(['testing_criteria']) }, 'add at least one grader');
  const evaluators = criteria.map((criterion, index) => {
    try {
      return toEvaluator(criterion);
    } catch (error) {
      if (!(error instanceof UnsupportedCriterion)) throw error;
      const label = isDict(criterion) ? ` ("${String(criterion.name)}", ${String(criterion.type)})` : '';
      throw new ConfigError(`testing_criteria[${index}]${label}: ${error.message}`, { file: source.file, line: source.lineOf(['testing_criteria', index]) }, error.fix);
    }
  });
  const dataFile = dataFileOf(source.file);
  checkRows(dataFile, cwd, flow.kind === 'command');
  const name = typeof evalObject.name === 'string' && evalObject.name ? evalObject.name : basename(source.file).replace(/\.json$/i, '');
  const value = { name, flow, data: basename(dataFile), evaluators };
  const lineOf = (path: Path) => {
    const [head, index] = path;
    if (head === 'evaluators' && typeof index === 'number') return source.lineOf(['testing_criteria', index]);
    if (head === 'flow') return source.lineOf(['metadata', 'model']);
    return source.lineOf([]);
  };
  return { file: source.file, value, lineOf };
}
