import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULTS } from '../core/defaults.js';
import { ConfigError } from '../core/errors.js';
import { readDataFile, inlineCases } from './data.js';
import { flowKind } from '../flows/registry.js';
import type { FlowSpec } from '../flows/registry.js';
import { fromPromptYml, isPromptYml, looksLikePromptYml, PromptOnlyFile } from './prompt-yml.js';
import { fromPromptfoo, isPromptfooConfig } from './promptfoo/translate.js';
import { fromOpenAiEval, isOpenAiEval } from './openai-evals/translate.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import { caseEvaluators, evaluatorEntry } from './case-asserts.js';
import { checkTemplates } from './check-templates.js';
import type { HeaderSpec, SuiteHeaders } from './request-headers.js';
import { checkHeaderSpec } from './request-headers.js';
import type { EvaluatorSpec, GateConfig, MetricGate, Suite } from './types.js';
import type { Case } from '../core/case.js';
import { checkMetricNames, validateSuiteDocument } from './validate.js';
import type { YamlSource } from '../core/yaml-source.js';
import { parseYaml } from '../core/yaml-source.js';
import { findMetric } from '../metrics/registry.js';


/**
 * load suites: globs → parsed, validated, normalised suites with their cases. GitHub prompt files
 * without testData are skipped with a note through `log` (an error only when nothing else is left).
 */
/** `modelOverride` (`--model`): a flow file that names no model is then not an error. */
interface LoadContext {
  modelOverride?: string;
}

export async function loadSuites(patterns: readonly string[], options: { cwd: string; log?: (line: string) => void } & LoadContext): Promise<Suite[]> {
  const files = (await glob([...patterns], { cwd: options.cwd, onlyFiles: true })).sort();
  if (files.length === 0) {
    throw new ConfigError(`no suite files match ${patterns.join(', ')}`, {}, `suites are *.eval.yaml or GitHub *.prompt.yml files (looked in ${options.cwd})`);
  }
  const suites: Suite[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    try {
      suites.push(...(await loadSuiteFile(file, options.cwd, options.modelOverride ? { modelOverride: options.modelOverride } : {})));
    } catch (error) {
      if (!(error instanceof PromptOnlyFile)) throw error;
      skipped.push(file);
      options.log?.(error.format());
    }
  }
  if (suites.length === 0) {
    throw new ConfigError(`no suites to run: ${skipped.join(', ')} ${skipped.length === 1 ? 'is a prompt file' : 'are prompt files'} without testData`, {}, 'add testData and evaluators to a .prompt.yml to evaluate it');
  }
  const names = new Map<string, string>();
  for (const suite of suites) {
    const other = names.get(suite.name);
    if (other) throw new ConfigError(`suite name "${suite.name}" is also used by ${other}`, { file: suite.file }, 'set a unique `name:`');
    names.set(suite.name, suite.file);
  }
  return suites;
}

/** One file → its suites: a promptfoo config gives one per prompt × provider, any other file one (an OpenAI eval .json too). */
export async function loadSuiteFile(file: string, cwd: string, context: LoadContext = {}): Promise<Suite[]> {
  if (/\.json$/i.test(file) && !isPromptfooConfig(file)) {
    const parsed = parseYaml(await readSuiteText(file, cwd), file);
    if (isOpenAiEval(parsed.value)) return [await suiteFromSource(fromOpenAiEval(parsed, cwd), cwd, context)];
  }
  if (!isPromptfooConfig(file)) return [await loadSuite(file, cwd, context)];
  const parsed = parseYaml(await readSuiteText(file, cwd), file);
  return Promise.all(fromPromptfoo(parsed, cwd).map((source) => suiteFromSource(source, cwd, context)));
}

function readSuiteText(file: string, cwd: string): Promise<string> {
  return readFile(resolve(cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot read the suite file (${error.code ?? error.message})`, { file }, 'check the file’s permissions');
  });
}

export async function loadSuite(file: string, cwd: string, context: LoadContext = {}): Promise<Suite> {
  const parsed = parseYaml(await readSuiteText(file, cwd), file);
  return suiteFromSource(isPromptYml(file) ? fromPromptYml(parsed) : parsed, cwd, context);
}

async function suiteFromSource(source: YamlSource, cwd: string, context: LoadContext): Promise<Suite> {
  const file = source.file;
  const path = resolve(cwd, file);
  const doc = source.value as Record<string, unknown> | null;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError('a suite must be a YAML mapping (name, flow, data, evaluators, gate)', { file, line: 1 }, 'start from the example suite in docs/suites.md');
  }
  if ((doc.data === undefined) === (doc.cases === undefined)) {
    const hint = looksLikePromptYml(doc)
      ? 'this looks like a GitHub prompt file (model, messages, testData): name it *.prompt.yml to run it as one'
      : 'point `data:` at a cases file (.jsonl, .csv, .yaml) or list the cases under `cases:`';
    throw new ConfigError('a suite needs exactly one of `data:` (a cases file) or `cases:` (inline)', { file, line: 1 }, hint);
  }
  checkMetricNames(source, doc.evaluators);
  validateSuiteDocument(source);

  const dir = dirname(path);
  const evaluators = normaliseEvaluators((doc.evaluators as Record<string, unknown>[] | undefined) ?? [], source);
  const { headers: flowHeaders, ...flowDoc } = doc.flow as Record<string, unknown>;
  const kind = flowKind(flowDoc.kind as string);
  if (!kind) throw new ConfigError(`unknown flow kind ${JSON.stringify(flowDoc.kind)}`, { file, line: source.lineOf(['flow', 'kind']) }, 'see the flow kinds in docs/suites.md');
  const flow = (await kind.normalise(kind.modelHeaders ? flowDoc : (doc.flow as Record<string, unknown>), { file, line: source.lineOf(['flow']), dir, cwd, ...context })) as FlowSpec;
  const headers = suiteHeaders(kind.modelHeaders ? flowHeaders : undefined, (doc.judge as { headers?: unknown } | undefined)?.headers, source);
  const written: Case[] =
    typeof doc.data === 'string'
      ? await readDataFile(doc.data, dir, file, source.lineOf(['data']), cwd)
      : inlineCases(doc.cases as unknown[], file, (index) => source.lineOf(['cases', index]));
  const { cases, evaluators: perCase } = caseEvaluators(written, evaluators);
  evaluators.push(...perCase);
  if (evaluators.length === 0) throw new ConfigError('the suite has no evaluators', { file, line: 1 }, 'add `evaluators:` (or an `assert:` list to cases)');
  if (cases.length === 0) throw new ConfigError('the suite has no cases', { file, line: source.lineOf(['data']) }, 'add at least one case');
  const repeat = (doc.repeat as number | undefined) ?? DEFAULTS.repeat;
  const suite: Suite = {
    name: (doc.name as string | undefined) ?? basename(file).replace(/\.eval\.ya?ml$/, ''),
    file,
    dir,
    flow,
    cases,
    evaluators,
    gate: normaliseGate(doc.gate as Record<string, unknown> | undefined, evaluators, source),
    repeat,
    cache: doc.cache === true,
    mode: doc.mode === 'batch' ? 'batch' : 'online',
    ...(headers.flow || headers.judge ? { headers } : {}),
    hash: sha256(canonicalJson({ flow, evaluators, repeat, ...headerValues(headers) })).slice(0, 16),
  };
  checkTemplates(suite);
  return suite;
}

/** `flow.headers` and `judge.headers`, checked (their `${env:}` references are read when the run starts). */
function suiteHeaders(flow: unknown, judge: unknown, source: YamlSource): SuiteHeaders {
  const spec = (values: unknown, path: ['flow' | 'judge', 'headers']): HeaderSpec | undefined => {
    if (values === undefined) return undefined;
    const line = source.lineOf(path);
    const checked: HeaderSpec = { values: values as Record<string, string>, key: path.join('.'), file: source.file, ...(line ? { line } : {}) };
    checkHeaderSpec(checked);
    return checked;
  };
  const flowSpec = spec(flow, ['flow', 'headers']);
  const judgeSpec = spec(judge, ['judge', 'headers']);
  return { ...(flowSpec ? { flow: flowSpec } : {}), ...(judgeSpec ? { judge: judgeSpec } : {}) };
}

/** The headers as written, in the suite's hash (a new gateway config is a changed suite; a rotated key read from the environment is not). */
const headerValues = (headers: SuiteHeaders) =>
  headers.flow || headers.judge ? { headers: { flow: headers.flow?.values ?? {}, judge: headers.judge?.values ?? {} } } : {};

function normaliseEvaluators(raw: Record<string, unknown>[], source: YamlSource): EvaluatorSpec[] {
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const { metric, name } = entry as { metric: string; name?: string };
    const key = name ?? metric;
    if (seen.has(key)) {
      throw new ConfigError(
        `two evaluators are called "${key}"`,
        { file: source.file, line: source.lineOf(['evaluators', index]) },
        'give one of them a `name:`',
      );
    }
    seen.add(key);
    const spec = evaluatorEntry(entry, key);
    try {
      findMetric(metric)?.checkOptions?.(spec.options);
    } catch (error) {
      throw new ConfigError(
        `evaluator "${key}" (${metric}): ${(error as Error).message}`,
        { file: source.file, line: source.lineOf(['evaluators', index]) },
        error instanceof ConfigError && error.hint ? error.hint : 'fix the option (regex: a JavaScript regular expression; json-schema: JSON Schema 2020-12)',
      );
    }
    return spec;
  });
}

function normaliseGate(raw: Record<string, unknown> | undefined, evaluators: EvaluatorSpec[], source: YamlSource): GateConfig {
  const { alpha, tolerance, sequential, ...perMetric } = raw ?? {};
  const names = evaluators.map((evaluator) => evaluator.name);
  for (const key of Object.keys(perMetric)) {
    if (!names.includes(key)) {
      throw new ConfigError(`gate.${key} names no evaluator`, { file: source.file, line: source.lineOf(['gate', key]) }, `evaluators: ${names.join(', ')}`);
    }
  }
  return {
    alpha: (alpha as number | undefined) ?? DEFAULTS.alpha,
    tolerance: (tolerance as number | undefined) ?? DEFAULTS.tolerance,
    ...(typeof sequential === 'boolean' ? { sequential } : {}),
    metrics: perMetric as Record<string, MetricGate>,
  };
}
