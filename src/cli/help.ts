import { VERSION } from '../version.js';

const MAIN = `evalgate ${VERSION} — put your LLM app's quality under version control

Usage:
  evalgate run [suites…]             run suites, write results, compare with the baseline
  evalgate compare <base> <results>  compare two results files and print the metric diff
  evalgate merge <shards…> [-o OUT]  combine the results of --shard runs into one results file
  evalgate help [command]            this help, or a command's flags
  evalgate version

Exit codes: 0 pass or warn · 1 gate failed · 2 configuration or usage error · 3 evaluation could not run
The model API key comes from OPENAI_API_KEY (or EVALGATE_API_KEY).`;

const RUN = `Usage: evalgate run [suites…]   (globs of *.eval.yaml or GitHub *.prompt.yml files; default: evals/**/*.eval.yaml)

  -o, --output FILE        results file (default .evalgate/results.json)
      --report FILE        Markdown report (default .evalgate/report.md)
  -b, --baseline FILE      baseline to compare with (default evals/baseline.json; skipped if absent)
      --no-compare         only run and print the scores
      --update-baseline    also write the results to the baseline path (what main's refresh does)
      --model NAME         override the model of every prompt and prompty flow
      --judge-model NAME   model for LLM-judge metrics (default gpt-4o-mini)
      --base-url URL       any OpenAI-compatible endpoint (Azure OpenAI, vLLM, Ollama, LiteLLM…)
  -c, --concurrency N      flow invocations and model calls in flight, over all suites (default 16)
      --timeout SECONDS    per flow invocation (default 60)
      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      text (default) | markdown | json
      --no-cache           send every model call (judges are otherwise answered from .evalgate/cache)
      --shard I/N          run part I of N of every suite's cases; write partial results for merge
      --batch              send flows' chat calls through the OpenAI Batch API (half price, slow)
      --cwd DIR            run as if started in DIR`;

const MERGE = `Usage: evalgate merge <results…> [-o FILE]

  Combines the partial results of \`evalgate run --shard I/N\` (every shard of one run) into the
  results file an unsharded run writes; then run \`evalgate compare <baseline> FILE\`.

  -o, --output FILE        merged results (default .evalgate/results.json)`;

const COMPARE = `Usage: evalgate compare <baseline.json> <results.json>

      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      text (default) | markdown | json`;

export function helpText(topic?: string): string {
  if (topic === 'run') return RUN;
  if (topic === 'compare') return COMPARE;
  if (topic === 'merge') return MERGE;
  return MAIN;
}
