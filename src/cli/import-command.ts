import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../core/atomic-write.js';
import { ConfigError } from '../core/errors.js';
import { isDict } from '../core/dict.js';
import { parseYaml } from '../core/yaml-source.js';
import { loadFlowFolder } from '../flows/promptflow/load.js';
import { fromPromptfoo } from '../suites/promptfoo/translate.js';
import { fromOpenAiEval, isOpenAiEval } from '../suites/openai-evals/translate.js';
import type { CliIO } from './io.js';

export interface ImportArgs {
  source: 'promptflow' | 'promptfoo' | 'openai-evals';
  path: string;
  /** Folder for the .eval.yaml files (default: next to the imported file). */
  out?: string;
  cwd: string;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'suite';
const posix = (path: string) => path.split('\\').join('/') || '.';

/** A promptfoo config's suites as EvalGate documents; `file://` javascript paths re-anchored to `out`. */
function promptfooSuites(path: string, cwd: string, out: string): { name: string; doc: Record<string, unknown> }[] {
  const file = relative(cwd, resolve(cwd, path));
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new ConfigError(`no promptfoo config at ${file}`, {}, 'give the path of a promptfooconfig.yaml');
  }
  const configDir = dirname(resolve(cwd, file));
  const reanchor = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('file://')) return `file://${posix(relative(out, resolve(configDir, value.slice(7))))}`;
    if (Array.isArray(value)) return value.map(reanchor);
    if (isDict(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'code' ? reanchor(item) : item]));
    return value;
  };
  return fromPromptfoo(parseYaml(text, file), cwd).map((source) => {
    const doc = source.value as Record<string, unknown>;
    const cases = (doc.cases as Record<string, unknown>[]).map((testCase) => (Array.isArray(testCase.assert) ? { ...testCase, assert: testCase.assert.map(reanchor) } : testCase));
    return { name: String(doc.name), doc: { ...doc, cases, ...(Array.isArray(doc.evaluators) ? { evaluators: doc.evaluators.map(reanchor) } : {}) } };
  });
}

/** An OpenAI eval object → one suite; its `data:` (the eval's .jsonl) re-anchored to `out`. */
function openAiEvalSuite(path: string, cwd: string, out: string): { name: string; doc: Record<string, unknown> } {
  const file = relative(cwd, resolve(cwd, path));
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new ConfigError(`no OpenAI eval at ${file}`, {}, 'give the path of the eval object saved as JSON (GET /v1/evals/{id})');
  }
  const parsed = parseYaml(text, file);
  if (!isOpenAiEval(parsed.value)) throw new ConfigError('this is not an OpenAI eval object', { file, line: 1 }, 'save the object the Evals API returns: { "object": "eval", "testing_criteria": [...] }');
  const doc = fromOpenAiEval(parsed, cwd).value as Record<string, unknown>;
  return { name: String(doc.name), doc: { ...doc, data: posix(relative(out, resolve(cwd, dirname(file), String(doc.data)))) } };
}

/** A PromptFlow flow folder → a `kind: promptflow` suite over the folder's data.jsonl (or its input defaults). */
async function promptflowSuite(path: string, cwd: string, out: string): Promise<{ name: string; doc: Record<string, unknown> }> {
  const flow = await loadFlowFolder(path, { baseDir: cwd, cwd, variant: undefined, where: { file: path }, checkModels: false });
  const folder = resolve(cwd, flow.dir);
  const name = basename(folder);
  const dataFile = ['data.jsonl', 'data.csv'].map((candidate) => join(folder, candidate)).find((candidate) => existsSync(candidate));
  const defaults = Object.fromEntries(Object.entries(flow.graph.inputs).flatMap(([input, spec]) => ('default' in spec ? [[input, spec.default]] : [])));
  const everyDefault = Object.keys(defaults).length > 0 && Object.keys(defaults).length === Object.keys(flow.graph.inputs).length;
  if (!dataFile && !everyDefault) {
    throw new ConfigError(`${flow.file}: the flow folder has no data.jsonl and not every input has a default`, {}, 'add a data.jsonl with one line per case, then import again');
  }
  return {
    name,
    doc: {
      name,
      flow: { kind: 'promptflow', path: posix(relative(out, folder)) },
      ...(dataFile ? { data: posix(relative(out, dataFile)) } : { cases: [defaults] }),
      evaluators: [{ metric: 'latency' }],
    },
  };
}

/** `evalgate import promptflow|promptfoo|openai-evals PATH [--out DIR]`: writes the equivalent .eval.yaml files. */
export async function importCommand(args: ImportArgs, io: CliIO): Promise<number> {
  const target = resolve(args.cwd, args.path);
  const out = resolve(args.cwd, args.out ?? dirname(target));
  const suites =
    args.source === 'promptfoo' ? promptfooSuites(args.path, args.cwd, out) : args.source === 'openai-evals' ? [openAiEvalSuite(args.path, args.cwd, out)] : [await promptflowSuite(args.path, args.cwd, out)];
  mkdirSync(out, { recursive: true });
  const header = `# Imported from ${posix(relative(out, target))} by \`evalgate import ${args.source}\`.\n`;
  const note = args.source === 'promptflow' ? '# Replace the latency evaluator with your metrics (e.g. metric: promptflow with your evaluation flow).\n' : '';
  const used = new Set<string>();
  for (const suite of suites) {
    let file = `${slug(suite.name)}.eval.yaml`;
    for (let index = 2; used.has(file); index += 1) file = `${slug(suite.name)}-${index}.eval.yaml`;
    used.add(file);
    await writeFileAtomic(join(out, file), `${header}${note}${stringify(suite.doc, { lineWidth: 0 })}`);
    io.stdout(`wrote ${posix(relative(io.cwd, join(out, file)))}\n`);
  }
  return 0;
}
