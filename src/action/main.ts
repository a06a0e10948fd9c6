import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { onSecretRegistered, registerSecret, registerSecretVariables } from '../core/secrets.js';
import { glob } from 'tinyglobby';
import { runEvaluation } from '../engine/run-evaluation.js';
import type { EvaluationOptions } from '../engine/options.js';
import { DEFAULTS } from '../core/defaults.js';
import { ConfigError, isConfigError } from '../core/errors.js';
import { renderTrendMarkdown } from '../report/trend-mermaid.js';
import type { RenderContext } from '../report/formats.js';
import { VERDICT_WORD } from '../report/format.js';
import { checkOutputPath } from '../core/output-path.js';
import { readResultsFile, writeResultsFile } from '../results/io.js';
import { mergeShards } from '../results/merge-shards.js';
import { checkShardMerge } from './shard-merge-check.js';
import type { ResultsFile } from '../results/types.js';
import { log } from './log.js';
import type { EventInfo } from './event.js';
import { readEvent } from './event.js';
import type { GitHubApi } from './github-api.js';
import { createGitHubApi } from './github-api.js';
import { alertOnDrift, isDriftRun } from './drift/monitor.js';
import type { ActionInputs } from './inputs.js';
import { parseInputs } from './inputs.js';
import { appendPublishingNotes, reportPaths, writeReports } from './report-files.js';
import { setOutputs } from './outputs.js';
import { restoreResponseCache, saveResponseCache } from './response-cache.js';
import { publishComment, storeBaseline } from './publish.js';
import { baselineRef, occasionOf, qualifyMissing, readBaseline } from './baseline-read.js';
import type { BaselineRead } from '../compare/outcome.js';
import { afterBaselineCommit, decideOutcome } from '../compare/outcome.js';
import { readTrend } from './trend.js';
import { checkResultsCommit, publishingTarget } from './workflow-run.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Events EvalGate refuses, before anything runs. */
function refuseUnsafeEvent(delivered: EventInfo, inputs: ActionInputs): void {
  if (delivered.name === 'pull_request_target') {
    throw new ConfigError(
      'EvalGate does not run on pull_request_target: that would execute the PR’s code with a privileged token',
      {},
      'run it on pull_request, and post comments for forks with the two-stage pull_request → workflow_run pattern (see docs/github.md)',
    );
  }
  if (delivered.name === 'workflow_run' && !inputs.publishResults) {
    throw new ConfigError(
      'on workflow_run, EvalGate publishes the results of the pull_request run; it does not run suites there',
      {},
      'set `publish-results:` to the results.json downloaded from that run (docs/github.md: fork PRs)',
    );
  }
}

/**
 * A pull request compared with its base's stored baseline may stop its suites once the verdict
 * is known (the order seeded by the base commit); pushes, schedules and shards run every case.
 */
function sequentialFor(event: EventInfo, inputs: ActionInputs, read: BaselineRead | undefined): EvaluationOptions['sequential'] {
  if (occasionOf(event) !== 'pull-request' || read?.kind !== 'stored' || !event.pullRequest) return undefined;
  return { base: read.file, seed: event.pullRequest.baseSha, ...(inputs.sequential === undefined ? {} : { requested: inputs.sequential }) };
}

/** Runs the suites — or, when publishing, reads another run's results as untrusted data. */
async function obtainResults(inputs: ActionInputs, event: EventInfo, env: Env, cwd: string, read?: BaselineRead): Promise<ResultsFile> {
  if (inputs.publishResults) {
    const path = resolve(cwd, inputs.publishResults);
    const results = await readResultsFile(path);
    if (event.workflowRun) checkResultsCommit(results, event.workflowRun, inputs.publishResults);
    return results;
  }
  if (inputs.mergeResults) return readShards(inputs.mergeResults, cwd);
  const sequential = sequentialFor(event, inputs, read);
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
    ...(sequential ? { sequential } : {}),
    log: (line) => log.info(line),
  });
}

/** A matrix job: this shard's partial results, for the merge job to combine; nothing compared or gated. */
async function runShard(inputs: ActionInputs, event: EventInfo, env: Env, cwd: string): Promise<void> {
  const unchecked = checkShardMerge(env, cwd, `${inputs.shard?.index}/${inputs.shard?.count}`);
  if (unchecked) log.warning(unchecked);
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

/** Decide once (compare/outcome.ts), then carry it out: the baseline commit first, the reports once, the comment and the drift issue last. */
async function gate(api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, run: { read: BaselineRead; results: ResultsFile; resultsPath: string; cwd: string }, env: Env): Promise<void> {
  const { read, results, resultsPath, cwd } = run;
  const occasion = occasionOf(event);
  const refreshes = occasion === 'push' && inputs.updateBaseline === 'commit' && event.defaultBranch !== undefined;
  const blocked = api ? undefined : 'no github-token: the push cannot commit its baseline — keep the default `github-token: ${{ github.token }}` and grant `permissions: contents: write`';
  let outcome = decideOutcome({
    occasion,
    baseline: read,
    results,
    requested: { failOn: inputs.failOn, suites: inputs.suites, baseline: inputs.baseline, ...(inputs.sequential === undefined ? {} : { sequential: inputs.sequential }) },
    comment: inputs.comment,
    driftIssue: inputs.alert === 'issue',
    ...(refreshes ? { refresh: { previous: read, dropUnrun: true, ...(blocked ? { blocked } : {}) } } : {}),
  });
  const reportNotes = [...outcome.notes];
  const store = outcome.effects.baseline;
  // What could be measured is stored (previous values kept for the rest) even when the push fails for the rest.
  if (api && store) outcome = afterBaselineCommit(outcome, await storeBaseline(api, inputs, store.merge, event.defaultBranch as string, reportNotes));
  const { comparison } = outcome;
  const baseline = read.kind === 'stored' ? read.file : null;
  const history = await readTrend(api, inputs.baseline, baselineRef(event), results);
  const trend = renderTrendMarkdown(history);
  const ctx: RenderContext = { color: false, results, baseline, failOn: outcome.failOn, history, notes: reportNotes, ...(event.runUrl ? { runUrl: event.runUrl } : {}), ...(trend ? { trend } : {}) };
  const files = await writeReports(comparison, ctx, cwd, env);
  const outputs = { verdict: outcome.verdict, results: resultsPath, ...files, 'comment-url': '', regressions: String(comparison.regressions) };
  setOutputs(outputs);

  // What publishing the comment and the drift issue ran into, added to the reports already written.
  const publishingNotes: string[] = [];
  const commentUrl = outcome.effects.comment ? await publishComment(api, event, inputs, comparison, publishingNotes, trend) : undefined;
  await alertOnDrift(api, inputs, outcome.effects.drift, { date: results.run.date, commit: event.sha, ...(event.runUrl ? { runUrl: event.runUrl } : {}), comparison }, publishingNotes);
  if (commentUrl) setOutputs({ ...outputs, 'comment-url': commentUrl });
  await appendPublishingNotes(comparison, ctx, publishingNotes, cwd, env);

  const line = `EvalGate ${VERDICT_WORD[outcome.verdict]}: ${comparison.headline}`;
  if (!outcome.failsStep) log.info(line);
  else log.fail(outcome.verdict === 'error' ? `${line} — this is not a quality regression` : line);
}

export async function run(env: Env = process.env): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const secrets = [inputs.apiKey, inputs.githubToken, ...Object.values(inputs.headers ?? {})];
    for (const secret of secrets) if (secret) core.setSecret(secret);
    // A suite's header values read from the environment, a Prompty file's secret-looking values…: masked in the log too.
    onSecretRegistered((value) => core.setSecret(value));
    registerSecretVariables(env);
    for (const secret of secrets) registerSecret(secret);
    const delivered = readEvent(env);
    refuseUnsafeEvent(delivered, inputs);
    const cwd = resolve(inputs.workingDirectory);
    const api = inputs.githubToken ? createGitHubApi(inputs.githubToken, delivered) : undefined;
    // The event the run reports on: the delivered one, or for a workflow_run the pull request whose results it publishes.
    const event = delivered.name === 'workflow_run' ? await publishingTarget(api, delivered) : delivered;
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
    const read = await readBaseline(api, event, inputs, cwd);
    log.info(read.kind === 'stored' ? `baseline: ${inputs.baseline} (${read.file.run.commit?.slice(0, 7) ?? read.file.run.date})` : read.kind === 'unreadable' ? read.reason : `no baseline at ${inputs.baseline}`);
    const resultsPath = join(cwd, DEFAULTS.results);
    checkOutputPath(resultsPath, 'the results file', cwd);
    reportPaths(cwd);
    const results = await obtainResults(inputs, event, env, cwd, read);
    await writeResultsFile(resultsPath, results);
    if (runsSuites && inputs.cache) await saveResponseCache(cwd, env, event);
    await gate(api, event, inputs, { read: await qualifyMissing(read, api, event, inputs, results), results, resultsPath, cwd }, env);
  } catch (error) {
    if (isConfigError(error)) {
      log.fail(`EvalGate configuration error: ${error.format()}`);
      process.exitCode = 2;
      return;
    }
    log.fail(`EvalGate internal error: ${(error as Error)?.message ?? String(error)}`);
  }
}
