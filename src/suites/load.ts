import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULTS } from '../core/defaults.js';
import { ConfigError } from '../core/errors.js';
import { readDataFile, inlineCases } from './data.js';
import { flowKind } from '../flows/registry.js';
import type { FlowSpec } from '../flows/registry.js';
import { fromPromptYml, isPromptYml } from './prompt-yml.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import { checkTemplates } from './check-templates.js';
import type { EvaluatorSpec, GateConfig, MetricGate, Suite } from './types.js';
import type { Case } from '../core/case.js';
import { checkMetricNames, validateSuiteDocument } from './validate.js';
import type { YamlSource } from '../core/yaml-source.js';
import { parseYaml } from '../core/yaml-source.js';


/** load suites: globs → parsed, validated, normalised suites with their cases. */
export async function loadSuites(patterns: readonly string[], options: { cwd: string }): Promise<Suite[]> {
  const files = (await glob([...patterns], { cwd: options.cwd, onlyFiles: true })).sort();
  if (files.length === 0) {
    throw new ConfigError(`no suite files match ${patterns.join(', ')}`, {}, `suites are *.eval.yaml or GitHub *.prompt.yml files (looked in ${options.cwd})`);
  }
  const suites: Suite[] = [];
  for (const file of files) suites.push(await loadSuite(file, options.cwd));
  const names = new Map<string, string>();
  for (const suite of suites) {
    const other = names.get(suite.name);
    if (other) throw new ConfigError(`suite name "${suite.name}" is also used by ${other}`, { file: suite.file }, 'set a unique `name:`');
    names.set(suite.name, suite.file);
  }
  return suites;
}

export async function loadSuite(file: string, cwd: string): Promise<Suite> {
  const path = resolve(cwd, file);
  const parsed = parseYaml(await readFile(path, 'utf8'), file);
  const source = isPromptYml(file) ? fromPromptYml(parsed) : parsed;
  const doc = source.value as Record<string, unknown> | null;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError('a suite must be a YAML mapping (name, flow, data, evaluators, gate)', { file, line: 1 });
  }
  if ((doc.data === undefined) === (doc.cases === undefined)) {
    throw new ConfigError('a suite needs exactly one of `data:` (a cases file) or `cases:` (inline)', { file, line: 1 });
  }
  checkMetricNames(source, doc.evaluators);
  validateSuiteDocument(source);

  const dir = dirname(path);
  const evaluators = normaliseEvaluators(doc.evaluators as Record<string, unknown>[], source);
  const flowDoc = doc.flow as Record<string, unknown>;
  const kind = flowKind(flowDoc.kind as string);
  if (!kind) throw new ConfigError(`unknown flow kind ${JSON.stringify(flowDoc.kind)}`, { file, line: source.lineOf(['flow', 'kind']) }, 'see the flow kinds in README');
  const flow = (await kind.normalise(flowDoc, { file, line: source.lineOf(['flow']), dir, cwd })) as FlowSpec;
  const cases: Case[] =
    typeof doc.data === 'string'
      ? await readDataFile(doc.data, dir, file, source.lineOf(['data']), cwd)
      : inlineCases(doc.cases as unknown[], file, (index) => source.lineOf(['cases', index]));
  if (cases.length === 0) throw new ConfigError('the suite has no cases', { file, line: source.lineOf(['data']) });
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
    hash: sha256(canonicalJson({ flow, evaluators, repeat })).slice(0, 16),
  };
  checkTemplates(suite);
  return suite;
}

function normaliseEvaluators(raw: Record<string, unknown>[], source: YamlSource): EvaluatorSpec[] {
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const { metric, name, ...options } = entry as { metric: string; name?: string };
    const key = name ?? metric;
    if (seen.has(key)) {
      throw new ConfigError(
        `two evaluators are called "${key}"`,
        { file: source.file, line: source.lineOf(['evaluators', index]) },
        'give one of them a `name:`',
      );
    }
    seen.add(key);
    return { name: key, metric, options };
  });
}

function normaliseGate(raw: Record<string, unknown> | undefined, evaluators: EvaluatorSpec[], source: YamlSource): GateConfig {
  const { alpha, tolerance, ...perMetric } = raw ?? {};
  const names = evaluators.map((evaluator) => evaluator.name);
  for (const key of Object.keys(perMetric)) {
    if (!names.includes(key)) {
      throw new ConfigError(`gate.${key} names no evaluator`, { file: source.file, line: source.lineOf(['gate', key]) }, `evaluators: ${names.join(', ')}`);
    }
  }
  return {
    alpha: (alpha as number | undefined) ?? DEFAULTS.alpha,
    tolerance: (tolerance as number | undefined) ?? DEFAULTS.tolerance,
    metrics: perMetric as Record<string, MetricGate>,
  };
}
