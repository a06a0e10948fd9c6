import { basename } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { YamlSource } from '../core/yaml-source.js';
import type { Dict } from '../core/dict.js';
import { isDict } from '../core/dict.js';

/**
 * GitHub's `.prompt.yml` prompt files (messages, model, modelParameters, testData, evaluators),
 * read as an EvalGate suite: translated into the suite document, with every path mapped back to
 * its line in the original file so validation errors point there.
 */
export const isPromptYml = (file: string) => /\.prompt\.ya?ml$/.test(file);

type Path = readonly (string | number)[];

/** GitHub Models ids carry a publisher (`openai/gpt-4o-mini`); OpenAI-compatible endpoints take the bare name. */
const modelName = (id: string) => id.replace(/^(azure-)?openai\//, '');

/** `uses: github/<name>` built-ins → our judges; they read `{{input}}`, `{{expected}}`. */
const BUILT_INS: Record<string, Dict> = {
  similarity: { metric: 'similarity-judge', expected: '{{expected}}' },
  coherence: { metric: 'coherence' },
  fluency: { metric: 'fluency' },
  relevance: { metric: 'relevance' },
  groundedness: { metric: 'groundedness', context: '{{expected}}' },
};
/** GitHub's runner lowercases both sides of every string check; so do these. */
const STRING_CHECKS: Record<string, Dict> = {
  equals: { metric: 'equals', 'ignore-case': true },
  contains: { metric: 'icontains' },
  startsWith: { metric: 'starts-with', 'ignore-case': true },
  endsWith: { metric: 'ends-with', 'ignore-case': true },
};
/** `modelParameters` (camelCase, as GitHub writes them) → chat-completions parameters. */
const MODEL_PARAMETERS: Record<string, string> = {
  maxTokens: 'max_tokens',
  maxCompletionTokens: 'max_completion_tokens',
  temperature: 'temperature',
  topP: 'top_p',
  frequencyPenalty: 'frequency_penalty',
  presencePenalty: 'presence_penalty',
  stop: 'stop',
  seed: 'seed',
};

/**
 * A GitHub prompt file without testData: nothing to evaluate. loadSuites skips it with this note
 * (`format()`); loading it alone is a configuration error saying the same.
 */
export class PromptOnlyFile extends ConfigError {
  constructor(file: string) {
    super('skipped — a prompt file without testData has nothing to evaluate (add testData and evaluators to gate on it)', { file });
    this.name = 'PromptOnlyFile';
  }
}

/** A mapping that reads like a GitHub prompt file (for a hint when it is not named *.prompt.yml). */
export const looksLikePromptYml = (doc: Dict) => Array.isArray(doc.messages) && (typeof doc.model === 'string' || 'testData' in doc || 'modelParameters' in doc);

function slug(name: unknown, index: number, taken: Set<string>): string {
  const base = (typeof name === 'string' ? name : '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  let candidate = /^[a-z]/.test(base) ? base : `check-${index + 1}`;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base || 'check'}-${suffix}`;
  taken.add(candidate);
  return candidate;
}

function evaluator(entry: unknown, index: number, taken: Set<string>, fail: (message: string, path: Path, fix?: string) => never): Dict {
  if (!isDict(entry)) fail('each evaluator must be a mapping', ['evaluators', index]);
  const name = slug(entry.name, index, taken);
  if (isDict(entry.string)) {
    const checks = Object.entries(entry.string).filter(([key]) => key in STRING_CHECKS);
    if (checks.length !== 1) fail(`string evaluator needs exactly one of ${Object.keys(STRING_CHECKS).join(', ')}`, ['evaluators', index, 'string']);
    const [[kind, value]] = checks as [[string, unknown]];
    return { name, ...STRING_CHECKS[kind], expected: value };
  }
  if (typeof entry.uses === 'string') {
    const builtIn = BUILT_INS[entry.uses.replace(/^github\//, '')];
    if (!builtIn) fail(`unknown evaluator "${entry.uses}"`, ['evaluators', index, 'uses'], `known: ${Object.keys(BUILT_INS).map((key) => `github/${key}`).join(', ')}`);
    return { name, ...builtIn };
  }
  if (isDict(entry.llm)) {
    const { prompt, systemPrompt, choices, modelId } = entry.llm;
    if (typeof prompt !== 'string' || !Array.isArray(choices)) fail('an llm evaluator needs `prompt` and `choices`', ['evaluators', index, 'llm']);
    const text = `${typeof systemPrompt === 'string' ? `${systemPrompt}\n\n` : ''}${prompt}`.replace(/\{\{\s*completion\s*\}\}/g, '{{ output }}');
    return {
      name,
      metric: 'rubric',
      prompt: text,
      choices: Object.fromEntries(choices.map((choice) => [String((choice as Dict).choice), (choice as Dict).score])),
      ...(typeof modelId === 'string' ? { 'judge-model': modelName(modelId) } : {}),
    };
  }
  return fail('an evaluator needs `string`, `uses` or `llm`', ['evaluators', index]);
}

function parameters(file: Dict, fail: (message: string, path: Path, fix?: string) => never): Dict {
  const given = isDict(file.modelParameters) ? file.modelParameters : {};
  const mapped: Dict = {};
  for (const [key, value] of Object.entries(given)) {
    const name = MODEL_PARAMETERS[key];
    if (!name) fail(`unknown modelParameters.${key}`, ['modelParameters', key], `known: ${Object.keys(MODEL_PARAMETERS).join(', ')}`);
    mapped[name] = value;
  }
  if (file.responseFormat === 'json_object') mapped.response_format = { type: 'json_object' };
  if (file.responseFormat === 'json_schema') {
    try {
      mapped.response_format = { type: 'json_schema', json_schema: JSON.parse(String(file.jsonSchema)) };
    } catch {
      fail('jsonSchema must be a JSON string with `name` and `schema`', ['jsonSchema']);
    }
  }
  return mapped;
}

/** Where a path of the translated suite came from in the .prompt.yml. */
function originalPath(path: Path): Path {
  const [head, ...rest] = path;
  if (head === 'flow') return rest[0] === 'messages' ? rest : ['model'];
  if (head === 'cases') return ['testData', ...rest];
  if (head === 'evaluators') return path.slice(0, 2);
  return path;
}

export function fromPromptYml(source: YamlSource): YamlSource {
  const fail = (message: string, path: Path, fix?: string): never => {
    throw new ConfigError(message, { file: source.file, line: source.lineOf(path) }, fix);
  };
  const file = source.value;
  if (!isDict(file)) return fail('a .prompt.yml must be a YAML mapping (model, messages, testData, evaluators)', []);
  if (typeof file.model !== 'string') fail('`model` is missing', []);
  if (file.testData === undefined) throw new PromptOnlyFile(source.file);
  if (!Array.isArray(file.testData) || file.testData.length === 0) fail('`testData` is empty: EvalGate needs cases to evaluate', ['testData'], 'add testData items with the template variables and `expected`');
  if (!Array.isArray(file.evaluators) || file.evaluators.length === 0) fail('`evaluators` is missing', [], 'add string checks or `uses: github/similarity`');
  const taken = new Set<string>();
  const value = {
    name: typeof file.name === 'string' ? file.name : basename(source.file).replace(/\.prompt\.ya?ml$/, ''),
    flow: { kind: 'prompt', model: modelName(file.model as string), messages: file.messages, parameters: parameters(file, fail) },
    cases: file.testData,
    evaluators: (file.evaluators as unknown[]).map((entry, index) => evaluator(entry, index, taken, fail)),
  };
  return { file: source.file, value, lineOf: (path) => source.lineOf(originalPath(path)) };
}
