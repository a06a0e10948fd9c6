import { DEFAULTS } from '../core/defaults.js';
import { OUTPUT_FORMATS } from '../report/formats.js';
import { VERSION } from '../core/version.js';
import { HISTORY_HELP } from './history-command.js';
import { INIT_HELP } from './init/init-command.js';

const FORMATS = Object.entries(OUTPUT_FORMATS).map(([name, format]) => `                           ${name}: ${format.description}`).join('\n');

const MAIN = `evalgate ${VERSION} — put your LLM app's quality under version control

Usage:
  evalgate run [suites…]             run suites, write results, compare with the baseline
  evalgate compare <base> <results>  compare two results files and print the metric diff
  evalgate history                   each metric's trend over the baseline's last commits (git log)
  evalgate init                      scaffold a starter suite, its data and the workflow
  evalgate import promptflow|promptfoo|openai-evals PATH   write .eval.yaml files for a PromptFlow flow, a promptfoo config or an OpenAI eval
  evalgate merge <shards…> [-o OUT]  combine the results of --shard runs into one results file
  evalgate help [command]            this help, or a command's flags
  evalgate version

Exit codes:
  0   pass or warn          1   the gate failed (a real regression)
  2   configuration or usage error (file:line, what is wrong — how to fix it)
  3   the evaluation could not run (provider down, every case errored)
  70  internal error (a bug in EvalGate: please report it)

Environment:
  OPENAI_API_KEY           the model API key (also EVALGATE_API_KEY, AZURE_OPENAI_API_KEY)
  OPENAI_API_VERSION       api-version for classic Azure OpenAI endpoints (default 2024-10-21)
  NO_COLOR                 no colours on a terminal`;

const RUN = `Usage: evalgate run [suites…]   (globs of *.eval.yaml, GitHub *.prompt.yml or promptfooconfig.yaml files; default: ${DEFAULTS.suites.join(', ')})

  -o, --output FILE        results file (default ${DEFAULTS.results})
      --report FILE        Markdown report (default ${DEFAULTS.report})
  -b, --baseline FILE      baseline to compare with (default ${DEFAULTS.baseline}; skipped if absent)
      --no-compare         only run and print the scores
      --update-baseline    also write the results to the baseline path (what main's refresh does)
      --model NAME         override the model of every prompt and prompty flow
      --judge-model NAME   model for LLM-judge metrics (default ${DEFAULTS.judgeModel})
      --base-url URL       any OpenAI-compatible endpoint (Azure OpenAI, vLLM, Ollama, LiteLLM…)
      --header 'NAME: VALUE'  extra header on every model call (repeatable; a gateway's key or config; masked)
  -c, --concurrency N      flow invocations and model calls in flight, over all suites (default ${DEFAULTS.concurrency})
      --timeout SECONDS    per flow invocation without a timeout: of its own (default ${DEFAULTS.timeoutSeconds})
      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      what to print:
${FORMATS}
      --explain            also print how the gate decided (error budget, what each suite can detect)
      --html FILE          also write the self-contained HTML report (e.g. .evalgate/report.html)
      --no-cache           send every model call (judges are otherwise answered from .evalgate/cache)
      --shard I/N          run part I of N of every suite's cases; write partial results for merge
      --batch              send flows' chat calls through the OpenAI Batch API (half price, slow)
      --no-sequential      run every case (default with a baseline: a suite stops once its verdict is known;
                           --sequential asks for it; the baseline's own setting wins when it is off)
      --cwd DIR            run as if started in DIR

Narrower runs (compared with the same part of the baseline; not with --update-baseline):
      --filter GLOB        only cases whose id matches (repeatable), e.g. --filter "refund-*"
      --metric NAME        only these evaluators (repeatable), e.g. --metric f1
      --limit N            the first N cases of each suite
      --sample N           N cases of each suite, drawn by a stable seeded order (--seed S, default 1)
      --repeat K           K samples per case, overriding every suite's repeat:`;

const MERGE = `Usage: evalgate merge <results…> [-o FILE]

  Combines the partial results of \`evalgate run --shard I/N\` (every shard of one run) into the
  results file an unsharded run writes; then run \`evalgate compare <baseline> FILE\`.

  -o, --output FILE        merged results (default .evalgate/results.json)`;

const COMPARE = `Usage: evalgate compare <baseline.json> <results.json>

      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      what to print:
${FORMATS}
      --explain            also print how the gate decided (error budget, what each suite can detect)
      --html FILE          also write the self-contained HTML report`;

const IMPORT = `Usage: evalgate import promptflow|promptfoo|openai-evals PATH [--out DIR]

  PATH is a PromptFlow flow folder (flow.dag.yaml / flow.flex.yaml), a promptfooconfig.yaml, or an
  OpenAI eval object saved as eval.json (its rows in eval.jsonl next to it).
  Writes one .eval.yaml per suite (a promptfoo prompt × provider matrix gives several).
  (\`evalgate run\` also runs promptfooconfig.yaml and OpenAI eval .json files directly, without importing.)

      --out DIR            where to write (default: the folder holding PATH)
      --cwd DIR            run as if started in DIR`;

export function helpText(topic?: string): string {
  if (topic === 'import') return IMPORT;
  if (topic === 'run') return RUN;
  if (topic === 'compare') return COMPARE;
  if (topic === 'history') return HISTORY_HELP;
  if (topic === 'init') return INIT_HELP;
  if (topic === 'merge') return MERGE;
  return MAIN;
}
