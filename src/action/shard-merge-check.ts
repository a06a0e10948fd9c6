import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../core/errors.js';

type Env = Readonly<Record<string, string | undefined>>;
type Job = { needs?: unknown; steps?: unknown };

/** The running workflow's file in the checkout: GITHUB_WORKFLOW_REF is `owner/repo/.github/workflows/x.yml@ref`. */
function workflowPath(env: Env): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF;
  const repository = env.GITHUB_REPOSITORY;
  if (!ref || !repository || !ref.startsWith(`${repository}/`)) return undefined;
  return ref.slice(repository.length + 1).replace(/@[^@]*$/, '');
}

const needsOf = (job: Job): string[] => (typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs.filter((need): need is string => typeof need === 'string') : []);

const mergesResults = (job: Job): boolean =>
  Array.isArray(job.steps) && job.steps.some((step) => typeof step === 'object' && step !== null && typeof (step as { with?: Record<string, unknown> }).with?.['merge-results'] === 'string');

/**
 * A `shard:` job compares and gates nothing: only a merge job (`merge-results:`) that runs after
 * every shard does. Without one, the workflow's check ends green with nothing gated and a push
 * stores no baseline. The rule, read from the running workflow's own file in the checkout
 * (GITHUB_WORKFLOW_REF): some job must run EvalGate with `merge-results:` and list this job
 * (GITHUB_JOB) in its `needs:`. A workflow file that is not in the checkout cannot be checked:
 * that is said as a warning, and the merge job is then the user's to provide.
 * Returns the warning, or throws the ConfigError.
 */
export function checkShardMerge(env: Env, cwd: string, shard: string): string | undefined {
  const file = workflowPath(env);
  const job = env.GITHUB_JOB;
  let text: string | undefined;
  try {
    text = file ? readFileSync(join(env.GITHUB_WORKSPACE ?? cwd, file), 'utf8') : undefined;
  } catch {
    text = undefined;
  }
  if (text === undefined || !job) return `EvalGate could not read this workflow's file${file ? ` (${file})` : ''} to check that a merge job follows the shards: a \`shard:\` job gates nothing by itself`;
  const jobs = (parse(text) as { jobs?: Record<string, Job> } | null)?.jobs ?? {};
  const mergers = Object.entries(jobs).filter(([, candidate]) => candidate && mergesResults(candidate));
  const fix = `add a job with \`needs: [${job}]\` that downloads every shard's results and runs EvalGate with \`merge-results:\` (README: sharding)`;
  if (mergers.length === 0) {
    throw new ConfigError(`input \`shard: ${shard}\` with no merge job: no job of this workflow runs EvalGate with \`merge-results:\`, so the shards' results are never compared, gated or stored as the baseline — the check would be green with nothing gated`, { file: file ?? 'workflow' }, fix);
  }
  if (!mergers.some(([, merger]) => needsOf(merger).includes(job))) {
    const names = mergers.map(([name]) => name).join(', ');
    throw new ConfigError(`input \`shard: ${shard}\`: the merge job (${names}) does not list \`${job}\` in its \`needs:\`, so it can run before the shards finish or without them`, { file: file ?? 'workflow' }, fix);
  }
  return undefined;
}
