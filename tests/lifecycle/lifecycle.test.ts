import { afterAll, describe, expect, it } from 'vitest';
import type { Cause, Outcome, Scenario } from './scenarios.js';
import { SCENARIOS } from './scenarios.js';
import type { RepoSpec, World } from './world.js';
import { BASELINE, copyRepo, makeRepo, publishBase, runStep, startWorld } from './world.js';

/**
 * The life-cycle battery (issue 18): every scenario of the table in scenarios.ts, through
 * dist/index.js as the runner runs it, against loopback GitHub and OpenAI servers. Besides each
 * scenario's own expectation, two promises hold everywhere: no PR with a regression or an
 * uncompared part ends green, and no push that failed to store its baseline ends green.
 */
const worlds: World[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((world) => world.close()));
});

/** Baselines made by a clean push of a base commit, shared by every scenario with the same base. */
const baselines = new Map<string, Promise<string>>();
function cleanBaseline(scenario: Scenario): Promise<string> {
  const key = JSON.stringify([scenario.base.repo, scenario.base.model ?? {}]);
  const made = baselines.get(key) ?? makeBaseline(scenario.base.repo, scenario);
  baselines.set(key, made);
  return made;
}

async function makeBaseline(repo: RepoSpec, scenario: Scenario): Promise<string> {
  const world = await startWorld(scenario.base.model);
  worlds.push(world);
  const dir = makeRepo(appUrlIn(repo, world));
  publishBase(world, dir, undefined);
  const result = await runStep(world, dir, { event: 'push' });
  const commit = world.github.commits.find((entry) => entry.path === BASELINE);
  if (!commit) throw new Error(`the clean push of ${JSON.stringify(repo)} stored no baseline (exit ${result.code}):\n${result.stdout.slice(-3000)}`);
  return commit.content;
}

/** The HTTP suite points at this world's app (served by its loopback provider). */
const appUrlIn = (repo: RepoSpec, world: World): RepoSpec => (repo.suites.includes('http') ? { ...repo, appUrl: world.model.url.replace(/\/v1$/, '/app') } : repo);

async function play(scenario: Scenario): Promise<Outcome> {
  const world = await startWorld(scenario.base.model);
  worlds.push(world);
  const repo = appUrlIn(scenario.base.repo, world);
  const base = makeRepo(repo);
  const kind = scenario.base.baseline ?? 'stored';
  if (kind === 'no-suites') publishBase(world, undefined, undefined);
  else {
    // An HTTP suite's baseline is made against this world's app; others are shared.
    const clean = kind === 'stored' ? (repo.suites.includes('http') ? await baselineHere(world, base) : await cleanBaseline(scenario)) : undefined;
    const stored = clean === undefined ? undefined : scenario.base.transform ? JSON.stringify(scenario.base.transform(JSON.parse(clean))) : clean;
    publishBase(world, base, stored);
  }
  for (const step of scenario.before ?? []) {
    const dir = copyRepo(base);
    step.change?.(dir);
    world.answer(step.model ?? scenario.base.model);
    await runStep(world, dir, step.run);
  }
  world.answer(scenario.model);
  scenario.github?.(world);
  const dir = copyRepo(base);
  scenario.change?.(dir);
  const commitsBefore = world.github.commits.length;
  const result = await runStep(world, dir, scenario.run);
  const commit = world.github.commits.slice(commitsBefore).find((entry) => entry.path === BASELINE);
  return { ...result, world, committed: commit ? JSON.parse(commit.content) : undefined };
}

async function baselineHere(world: World, dir: string): Promise<string> {
  publishBase(world, dir, undefined);
  await runStep(world, copyRepo(dir), { event: 'push' });
  const commit = world.github.commits.find((entry) => entry.path === BASELINE);
  world.github.commits.length = 0;
  if (!commit) throw new Error('the clean push of the HTTP suite stored no baseline');
  return commit.content;
}

const CAUSES: Cause[] = ['control', 'baseline-never-stored', 'skipped-counts-as-pass', 'nothing-comparable', 'transient-read-deletes', 'app-failure-guessed-infrastructure', 'everything-failed', 'warn-names-nothing', 'pr-loosens-gate', 'drift-issue-closed-keyless'];

describe('the life cycle of the gate (dist/index.js, loopback GitHub and provider)', () => {
  it('has at least 40 scenarios, and every cause of issue 18 has at least two', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    for (const cause of CAUSES) expect(SCENARIOS.filter((scenario) => scenario.cause === cause).length, cause).toBeGreaterThanOrEqual(2);
    expect(new Set(SCENARIOS.map((scenario) => scenario.name)).size).toBe(SCENARIOS.length);
  });

  describe.each(CAUSES)('%s', (cause) => {
    it.concurrent.each(SCENARIOS.filter((scenario) => scenario.cause === cause).map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
      const outcome = await play(scenario);
      const { expect: expected } = scenario;
      const log = `exit ${outcome.code}, verdict ${outcome.outputs.verdict ?? '(none)'}\n${outcome.stdout.slice(-4000)}\n--- summary ---\n${outcome.summary.slice(0, 3000)}`;
      expect(outcome.code === 0, `green?\n${log}`).toBe(expected.green);
      if (expected.code !== undefined) expect(outcome.code, log).toBe(expected.code);
      if (expected.verdict) expect(expected.verdict, log).toContain(outcome.outputs.verdict);
      if (expected.stored !== undefined) expect(outcome.committed !== undefined, `stored?\n${log}`).toBe(expected.stored);
      for (const pattern of expected.says ?? []) expect(`${outcome.stdout}\n${outcome.summary}`, log).toMatch(pattern);
      expected.check?.(outcome);
      // The promises of the gate, whatever the scenario.
      if (scenario.run.event === 'pull_request' && !expected.green) expect(['pass', 'warn'], log).not.toContain(outcome.outputs.verdict);
      if (scenario.run.event === 'push' && outcome.code === 0) expect(outcome.committed ?? outcome.outputs.verdict === 'pass', `a green push stored its baseline\n${log}`).toBeTruthy();
      expect(outcome.stdout, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(outcome.world.github.violations, 'GitHub calls match its OpenAPI description').toEqual([]);
    }, 240_000);
  });
});
