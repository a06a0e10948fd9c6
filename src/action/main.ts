import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { registerSecret, registerSecretVariables } from '../core/secrets.js';
import { glob } from 'tinyglobby';
import { compare } from '../compare/index.js';
import { runEvaluation } from '../engine/run-evaluation.js';
import { failsGate } from '../compare/fail-policy.js';
import { DEFAULTS } from '../core/defaults.js';
import { ConfigError, isConfigError } from '../core/errors.js';
import { renderTrendMarkdown } from '../report/trend-mermaid.js';
import type { RenderContext } from '../report/formats.js';
import { VERDICT_WORD } from '../report/format.js';
import { checkOutputPath } from '../core/output-path.js';
import { readResultsFile, writeResultsFile } from '../results/io.js';
import { mergeShards } from '../results/merge-shards.js';
import type { ResultsFile } from '../results/types.js';
import type { Comparison } from '../compare/types.js';
import { httpStatus } from './github-retry.js';
import { log } from './log.js';
import { fetchBaseline } from './baseline-store.js';
import type { EventInfo } from './event.js';
import { isDefaultBranchPush, readEvent } from './event.js';
import type { GitHubApi } from './github-api.js';
import { createGitHubApi } from './github-api.js';
import { alertOnDrift, isDriftRun } from './drift/monitor.js';
import type { ActionInputs } from './inputs.js';
import { parseInputs } from './inputs.js';
import { addLateNotes, reportPaths, writeReports } from './report-files.js';
import { setOutputs } from './outputs.js';
import { restoreResponseCache, saveResponseCache } from './response-cache.js';
import { publishComment, refreshBaseline } from './publish.js';
import { readTrend } from './trend.js';
import { checkResultsCommit, publishingTarget } from './workflow-run.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Events EvalGate refuses, before anything runs. */
function checkTrigger(trigger: EventInfo, inputs: ActionInputs): void {
  if (trigger.name === 'pull_request_target') {
    throw new ConfigError(
      'EvalGate does not run on pull_request_target: that would execute the PR’s code with a privileged token',
      {},
      'run it on pull_request, and post comments for forks with the two-stage pull_request → workflow_run pattern (see docs/github.md)',
    );
  }
  if (trigger.name === 'workflow_run' && !inputs.publishResults) {
    throw new ConfigError(
      'on workflow_run, EvalGate publishes the results of the pull_request run; it does not run suites there',
      {},
      'set `publish-results:` to the results.json downloaded from that run (docs/github.md: fork PRs)',
    );
  }
}

/**
 * Where the baseline comes from. A PR compares with the baseline on its base commit (read
 * through the API, never from the working tree the PR can edit); a push to the default branch
 * with the one before the push; other events (release, schedule, dispatch) with the one at HEAD.
 */
const baselineRef = (event: EventInfo) => event.pullRequest?.baseSha ?? (isDefaultBranchPush(event) ? event.before : event.sha);

async function loadBaseline(api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, cwd: string): Promise<ResultsFile | null> {
  const ref = baselineRef(event);
  if (api && ref) return fetchBaseline(api, inputs.baseline, ref);
  if (event.pullRequest) {
    log.warning('No github-token: a pull request cannot read its base commit’s baseline, so nothing is compared.');
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
    ...(inputs.headers ? { headers: inputs.headers } : {}),
    ...(env.OPENAI_API_VERSION ? { azureApiVersion: env.OPENAI_API_VERSION } : {}),
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.judgeModel ? { judgeModel: inputs.judgeModel } : {}),
    concurrency: inputs.concurrency,
    cache: inputs.cache,
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    commit: event.pullRequest?.headSha ?? event.sha,
    ref: event.ref,
    ...(isDriftRun(event) ? { purpose: 'drift' as const } : {}),
    log: (line) => log.info(line),
  });
}

/** A matrix job: this shard's partial results, for the merge job to combine; nothing compared or gated. */
async function runShard(inputs: ActionInputs, event: EventInfo, env: Env, cwd: string): Promise<void> {
  const results = await obtainResults(inputs, event, env, cwd);
  const resultsPath = join(cwd, DEFAULTS.results);
  await writeResultsFile(resultsPath, results);
  if (inputs.cache) await saveResponseCache(cwd, env, event, inputs.shard);
  const shard = `${inputs.shard?.index}/${inputs.shard?.count}`;
  setOutputs({ verdict: '', results: resultsPath, 'comment-url': '', regressions: '' });
  log.info(`EvalGate shard ${shard}: partial results in ${resultsPath}; upload them and merge with \`merge-results:\``);
}

/** The merge job: every shard's results (untrusted files) → one results document. */
async function readShards(pattern: string, cwd: string): Promise<ResultsFile> {
  const files = (await glob([pattern], { cwd, onlyFiles: true })).sort();
  if (files.length === 0) throw new ConfigError(`merge-results: no files match ${pattern}`, {}, 'download the shards\' results artifacts first (actions/download-artifact with a pattern and merge-multiple)');
  const parts = await Promise.all(files.map(async (file) => ({ label: file, results: await readResultsFile(resolve(cwd, file)) })));
  log.info(`merging ${files.length} shards: ${files.join(', ')}`);
  return mergeShards(parts);
}

/** The baseline, or — when GitHub cannot serve it even after retries — why not (the run still reports). */
async function baselineOrProblem(api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, cwd: string): Promise<{ baseline: ResultsFile | null; problem?: string }> {
  try {
    return { baseline: await loadBaseline(api, event, inputs, cwd) };
  } catch (error) {
    if (isConfigError(error)) throw error;
    const status = httpStatus(error);
    return { baseline: null, problem: `the baseline ${inputs.baseline} could not be read from GitHub (${status ? `HTTP ${status}` : 'no answer'}: ${(error as Error)?.message ?? String(error)}), so nothing was compared` };
  }
}

export async function run(env: Env = process.env): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const secrets = [inputs.apiKey, inputs.githubToken, ...Object.values(inputs.headers ?? {})];
    for (const secret of secrets) if (secret) core.setSecret(secret);
    registerSecretVariables(env);
    for (const secret of secrets) registerSecret(secret);
    const trigger = readEvent(env);
    checkTrigger(trigger, inputs);
    const cwd = resolve(inputs.workingDirectory);
    const api = inputs.githubToken ? createGitHubApi(inputs.githubToken, trigger) : undefined;
    const event = trigger.name === 'workflow_run' ? await publishingTarget(api, trigger) : trigger;
    if (!event) {
      log.notice('EvalGate: the pull request has moved on to a newer commit since that run; nothing to publish.');
      return;
    }
    const runsSuites = !inputs.publishResults && !inputs.mergeResults;
    if (runsSuites && inputs.cache) await restoreResponseCache(cwd, env, inputs.shard);
    if (inputs.shard) {
      await runShard(inputs, event, env, cwd);
      return;
    }
    const { baseline, problem } = await baselineOrProblem(api, event, inputs, cwd);
    log.info(baseline ? `baseline: ${inputs.baseline} (${baseline.run.commit?.slice(0, 7) ?? baseline.run.date})` : problem ?? 'no baseline yet: this run reports and passes');

    const resultsPath = join(cwd, DEFAULTS.results);
    checkOutputPath(resultsPath, 'the results file', cwd);
    reportPaths(cwd);
    const results = await obtainResults(inputs, event, env, cwd);
    await writeResultsFile(resultsPath, results);
    if (runsSuites && inputs.cache) await saveResponseCache(cwd, env, event);
    const compared = compare(baseline, results);
    const comparison: Comparison = problem ? { ...compared, verdict: 'error', headline: `Could not compare: ${problem}.` } : compared;
    const history = await readTrend(api, inputs.baseline, baselineRef(event), results);
    const trend = renderTrendMarkdown(history);

    // Everything the user needs is written first; the comment, the drift issue and the baseline commit come last.
    const notes = problem ? [`The ${problem}.`] : [];
    const ctx: RenderContext = { color: false, results, baseline, failOn: inputs.failOn, history, notes, ...(event.runUrl ? { runUrl: event.runUrl } : {}), ...(trend ? { trend } : {}) };
    const files = await writeReports(comparison, ctx, cwd, env);
    const outputs = { verdict: comparison.verdict, results: resultsPath, ...files, 'comment-url': '', regressions: String(comparison.regressions) };
    setOutputs(outputs);

    const late: string[] = [];
    const commentUrl = await publishComment(api, event, inputs, comparison, late, trend);
    await alertOnDrift(api, event, inputs, { date: results.run.date, commit: event.sha, ...(event.runUrl ? { runUrl: event.runUrl } : {}), comparison }, late);
    if (isDefaultBranchPush(event) && !problem) await refreshBaseline(api, event, inputs, results, late);
    if (commentUrl) setOutputs({ ...outputs, 'comment-url': commentUrl });
    await addLateNotes(comparison, ctx, late, cwd, env);

    // A push refreshes the baseline and a workflow_run only publishes: the PR's own run is the gate.
    const gated = !isDefaultBranchPush(event) && event.name !== 'workflow_run' && failsGate(comparison.verdict, inputs.failOn);
    const line = `EvalGate ${VERDICT_WORD[comparison.verdict]}: ${comparison.headline}`;
    if (gated) log.fail(comparison.verdict === 'error' ? `${line} — this is not a quality regression` : line);
    else log.info(line);
  } catch (error) {
    if (isConfigError(error)) {
      log.fail(`EvalGate configuration error: ${error.format()}`);
      process.exitCode = 2;
      return;
    }
    log.fail(`EvalGate internal error: ${(error as Error)?.message ?? String(error)}`);
  }
}
