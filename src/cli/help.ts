import { VERSION } from '../version.js';

const MAIN = `evalgate ${VERSION} — put your LLM app's quality under version control

Usage:
  evalgate run [suites…]             run suites, write results, compare with the baseline
  evalgate compare <base> <results>  compare two results files and print the metric diff
  evalgate import promptflow|promptfoo PATH   write .eval.yaml files for a PromptFlow flow or a promptfoo config
  evalgate help [command]            this help, or a command's flags
  evalgate version

Exit codes: 0 pass or warn · 1 gate failed · 2 configuration or usage error · 3 evaluation could not run
The model API key comes from OPENAI_API_KEY (or EVALGATE_API_KEY).`;

const RUN = `Usage: evalgate run [suites…]   (globs of *.eval.yaml, GitHub *.prompt.yml or promptfooconfig.yaml files; default: evals/**/*.eval.yaml)

  -o, --output FILE        results file (default .evalgate/results.json)
      --report FILE        Markdown report (default .evalgate/report.md)
  -b, --baseline FILE      baseline to compare with (default evals/baseline.json; skipped if absent)
      --no-compare         only run and print the scores
      --update-baseline    also write the results to the baseline path (what main's refresh does)
      --model NAME         override the model of every prompt and prompty flow
      --judge-model NAME   model for LLM-judge metrics (default gpt-4o-mini)
      --base-url URL       any OpenAI-compatible endpoint (Azure OpenAI, vLLM, Ollama, LiteLLM…)
  -c, --concurrency N      cases in flight per suite (default 4)
      --timeout SECONDS    per flow invocation (default 60)
      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      text (default) | markdown | json
      --cwd DIR            run as if started in DIR`;

const COMPARE = `Usage: evalgate compare <baseline.json> <results.json>

      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      text (default) | markdown | json`;

const IMPORT = `Usage: evalgate import promptflow|promptfoo PATH [--out DIR]

  PATH is a PromptFlow flow folder (flow.dag.yaml / flow.flex.yaml) or a promptfooconfig.yaml.
  Writes one .eval.yaml per suite (a promptfoo prompt × provider matrix gives several).
  (\`evalgate run\` also runs promptfooconfig.yaml files directly, without importing.)

      --out DIR            where to write (default: the folder holding PATH)
      --cwd DIR            run as if started in DIR`;

export function helpText(topic?: string): string {
  if (topic === 'import') return IMPORT;
  if (topic === 'run') return RUN;
  if (topic === 'compare') return COMPARE;
  return MAIN;
}
