import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { glob } from 'tinyglobby';
import { compare } from '../compare/index.js';
import { runEvaluation } from '../engine/run-evaluation.js';
import { failsGate } from '../engine/fail-policy.js';
import { DEFAULTS } from '../core/defaults.js';
import { ConfigError, isConfigError } from '../core/errors.js';
import { renderSummary } from '../report/summary.js';
import { VERDICT_WORD } from '../report/format.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { readResultsFile, writeResultsFile } from '../results/io.js';
import { mergeShards } from '../results/merge-shards.js';
import type { ResultsFile } from '../results/types.js';
import { fetchBaseline } from './baseline-store.js';
import type { EventInfo } from './event.js';
import { isDefaultBranchPush, readEvent } from './event.js';
import type { GitHubApi } from './github-api.js';
import { createGitHubApi } from './github-api.js';
import type { ActionInputs } from './inputs.js';
import { parseInputs } from './inputs.js';
import { setOutputs } from './outputs.js';
import { restoreResponseCache, saveResponseCache } from './response-cache.js';
import { publishComment, refreshBaseline } from './publish.js';
import { checkResultsCommit, publishingTarget } from './workflow-run.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Events EvalGate refuses, before anything runs. */
function checkTrigger(trigger: EventInfo, inputs: ActionInputs): void {
  if (trigger.name === 'pull_request_target') {
    throw new ConfigError(
      'EvalGate does not run on pull_request_target: that would execute the PR’s code with a privileged token',
      {},
      'run it on pull_request, and post comments for forks with the two-stage pull_request → workflow_run pattern (see README)',
    );
  }
  if (trigger.name === 'workflow_run' && !inputs.publishResults) {
    throw new ConfigError(
      'on workflow_run, EvalGate publishes the results of the pull_request run; it does not run suites there',
      {},
      'set `publish-results:` to the results.json downloaded from that run (README: fork pull requests)',
    );
  }
}

/**
 * Where the baseline comes from. A PR compares with the baseline on its base commit (read
 * through the API, never from the working tree the PR can edit); a push to the default branch
 * with the one before the push; other events (release, schedule, dispatch) with the one at HEAD.
 */
async function loadBaseline(api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, cwd: string): Promise<ResultsFile | null> {
  const ref = event.pullRequest?.baseSha ?? (isDefaultBranchPush(event) ? event.before : event.sha);
  if (api && ref) return fetchBaseline(api, inputs.baseline, ref);
  if (event.pullRequest) {
    core.warning('No github-token: a pull request cannot read its base commit’s baseline, so nothing is compared.');
    return null;
  }
  const local = resolve(cwd, inputs.baseline);
  return existsSync(local) ? readResultsFile(local) : null;
}

/** Runs the suites — or, when publishing, reads another run's results as untrusted data. */
async function obtainResults(inputs: ActionInputs, event: EventInfo, env: Env, cwd: string): Promise<ResultsFile> {
  if (inputs.publishResults) {
    const path = resolve(cwd, inputs.publishResults);
    const results = await readResultsFile(path);
    if (event.workflowRun) checkResultsCommit(results, event.workflowRun, inputs.publishResults);
    return results;
  }
  if (inputs.mergeResults) return readShards(inputs.mergeResults, cwd);
  return runEvaluation({
    suites: inputs.suites,
    cwd,
    ...(inputs.apiKey ? { apiKey: inputs.apiKey } : {}),
    ...(inputs.baseUrl ? { baseUrl: inputs.baseUrl } : {}),
    ...(env.OPENAI_API_VERSION ? { azureApiVersion: env.OPENAI_API_VERSION } : {}),
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.judgeModel ? { judgeModel: inputs.judgeModel } : {}),
    concurrency: inputs.concurrency,
    cache: inputs.cache,
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    ...(event.name === 'schedule' ? { purpose: 'drift' as const } : {}),
    commit: event.pullRequest?.headSha ?? event.sha,
    ref: event.ref,
    log: (line) => core.info(line),
  });
}

/** A matrix job: this shard's partial results, for the merge job to combine; nothing compared or gated. */
async function runShard(inputs: ActionInputs, event: EventInfo, env: Env, cwd: string): Promise<void> {
  const results = await obtainResults(inputs, event, env, cwd);
  const resultsPath = join(cwd, DEFAULTS.results);
  await writeResultsFile(resultsPath, results);
  if (inputs.cache) await saveResponseCache(cwd, env, event, inputs.shard);
  const shard = `${inputs.shard?.index}/${inputs.shard?.count}`;
  setOutputs({ verdict: '', results: resultsPath, report: '', 'comment-url': '', regressions: '' });
  core.info(`EvalGate shard ${shard}: partial results in ${resultsPath}; upload them and merge with \`merge-results:\``);
}

/** The merge job: every shard's results (untrusted files) → one results document. */
async function readShards(pattern: string, cwd: string): Promise<ResultsFile> {
  const files = (await glob([pattern], { cwd, onlyFiles: true })).sort();
  if (files.length === 0) throw new ConfigError(`merge-results: no files match ${pattern}`, {}, 'download the shards\' results artifacts first (actions/download-artifact with a pattern and merge-multiple)');
  const parts = await Promise.all(files.map(async (file) => ({ label: file, results: await readResultsFile(resolve(cwd, file)) })));
  core.info(`merging ${files.length} shards: ${files.join(', ')}`);
  return mergeShards(parts);
}

export async function run(env: Env = process.env): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    if (inputs.apiKey) core.setSecret(inputs.apiKey);
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const trigger = readEvent(env);
    checkTrigger(trigger, inputs);
    const cwd = resolve(inputs.workingDirectory);
    const api = inputs.githubToken ? createGitHubApi(inputs.githubToken, trigger) : undefined;
    const event = trigger.name === 'workflow_run' ? await publishingTarget(api, trigger) : trigger;
    if (!event) {
      core.notice('EvalGate: the pull request has moved on to a newer commit since that run; nothing to publish.');
      return;
    }
    const runsSuites = !inputs.publishResults && !inputs.mergeResults;
    if (runsSuites && inputs.cache) await restoreResponseCache(cwd, env, inputs.shard);
    if (inputs.shard) {
      await runShard(inputs, event, env, cwd);
      return;
    }
    const baseline = await loadBaseline(api, event, inputs, cwd);
    core.info(baseline ? `baseline: ${inputs.baseline} (${baseline.run.commit?.slice(0, 7) ?? baseline.run.date})` : 'no baseline yet: this run reports and passes');

    const results = await obtainResults(inputs, event, env, cwd);
    const resultsPath = join(cwd, DEFAULTS.results);
    await writeResultsFile(resultsPath, results);
    if (runsSuites && inputs.cache) await saveResponseCache(cwd, env, event);
    const comparison = compare(baseline, results);

    const notes: string[] = [];
    const commentUrl = await publishComment(api, event, inputs, comparison, notes);
    if (isDefaultBranchPush(event)) await refreshBaseline(api, event, inputs, results, notes);

    const summary = renderSummary(comparison, { notes, ...(event.runUrl ? { runUrl: event.runUrl } : {}) });
    const reportPath = join(cwd, DEFAULTS.report);
    await writeFileAtomic(reportPath, summary);
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();

    setOutputs({
      verdict: comparison.verdict,
      results: resultsPath,
      report: reportPath,
      'comment-url': commentUrl ?? '',
      regressions: String(comparison.regressions),
    });

    // A push refreshes the baseline and a workflow_run only publishes: the PR's own run is the gate.
    const gated = !isDefaultBranchPush(event) && event.name !== 'workflow_run' && failsGate(comparison.verdict, inputs.failOn);
    const line = `EvalGate ${VERDICT_WORD[comparison.verdict]}: ${comparison.headline}`;
    if (gated) core.setFailed(comparison.verdict === 'error' ? `${line} — this is not a quality regression` : line);
    else core.info(line);
  } catch (error) {
    if (isConfigError(error)) {
      core.setFailed(`EvalGate configuration error: ${error.format()}`);
      process.exitCode = 2;
      return;
    }
    core.setFailed(`EvalGate internal error: ${(error as Error)?.message ?? String(error)}`);
  }
}
