import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gt, minVersion } from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_REPOSITORY, SCHEMA_URL, scaffoldFiles } from '../../src/cli/init/templates.js';
import { LOWEST_NODE_MAJOR } from '../../src/cli/node-version.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';
import { DOCS } from '../support/docs.js';

/** What `npm i evalgate` / `npx evalgate` get, and the Node versions they are promised. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const text = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(text('package.json')) as {
  bin: Record<string, string>; files: string[]; engines: { node: string }; repository: { url: string }; homepage: string; bugs: { url: string }; keywords: string[]; license: string;
};
const lowestNode = minVersion(pkg.engines.node)?.version ?? '';

describe('the npm package', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
  const files = (packed?.files ?? []).map((file) => file.path);

  it('holds the CLI, the action bundle, the schemas, action.yml, README, LICENSE and CHANGELOG — no sources, tests or examples', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/cli/index.js', 'dist/index.js', 'dist/package.json', 'schema/suite.schema.json', 'schema/results.schema.json']));
    // python/: the worker that runs PromptFlow Python nodes (no PromptFlow install needed).
    expect(files).toEqual(expect.arrayContaining(['python/evalgate_pf/worker.py']));
    expect(files.filter((path) => !/^(dist|schema|python)\//.test(path)).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'action.yml', 'package.json']);
    expect(text('LICENSE')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
  });

  it('its bin is a packed file that runs under node', () => {
    expect(pkg.bin).toEqual({ evalgate: 'dist/cli/index.js' });
    const bin = pkg.bin.evalgate ?? '';
    expect(files).toContain(bin);
    expect(text(bin).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('names one repository everywhere: package.json, the docs’ `uses:`, the init workflow and the changelog links', () => {
    const url = `https://github.com/${ACTION_REPOSITORY}`;
    expect(pkg.repository.url).toBe(`git+${url}.git`);
    expect(pkg.homepage).toBe(`${url}#readme`);
    expect(pkg.bugs.url).toBe(`${url}/issues`);
    const uses = DOCS.flatMap((doc) => [...doc.text.matchAll(/uses: ([\w.-]+\/evalgate)@/g)].map((match) => match[1]));
    expect(new Set(uses)).toEqual(new Set([ACTION_REPOSITORY]));
    expect(text('CHANGELOG.md')).toContain(`${url}/compare/`);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['llm', 'evaluation', 'github-action']));
  });

  it('ships the suite schema at the path and stable URL docs/suites.md documents', () => {
    const path = new URL(SCHEMA_URL).pathname.replace(/^\/evalgate@\d+\//, '');
    expect(files).toContain(path);
    expect(text('docs/suites.md')).toContain('node_modules/evalgate/schema/suite.schema.json');
    expect(text('docs/suites.md')).toContain(SCHEMA_URL);
  });

  it('claims exactly the lowest Node version its runtime dependencies support (engines of every production dependency)', () => {
    const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').slice(1);
    const minimums = [...new Set(paths)].flatMap((dir) => {
      const range = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node;
      const minimum = range ? minVersion(range)?.version : undefined;
      return minimum ? [minimum] : [];
    });
    const highest = minimums.reduce((a, b) => (gt(a, b) ? a : b));
    expect(lowestNode).toBe(highest);
    expect(`${LOWEST_NODE_MAJOR}`).toBe(lowestNode.split('.')[0]);
    expect(text('README.md')).toContain(`Node ≥ ${lowestNode.split('.')[0]}`);
  });
});

describe('the release workflow', () => {
  type Step = { name?: string; run?: string; uses?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> };
  const workflow = parse(text('.github/workflows/release.yml')) as { on: { push: { tags: string[] } }; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = steps.map((step) => step.run ?? '');
  const index = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));

  it('runs on version tags with the permissions to publish with provenance and move a tag', () => {
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
    expect(workflow.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
  });

  it('checks the tag and a fresh dist/, tests, publishes with provenance, then moves the major tag — in that order', () => {
    const order = [index(/package\.json.*version.*GITHUB_REF_NAME/), index(/npm run bundle[\s\S]*git status --porcelain -- dist[\s\S]*exit 1/), index(/^npm test$/), index(/npm publish --provenance/), index(/git tag --force "\$major"[\s\S]*git push --force origin/)];
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const publish = steps[index(/npm publish/)];
    expect(publish?.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'registry-url': 'https://registry.npmjs.org' });
    expect(steps[index(/git tag --force/)]?.if).toContain("!contains(github.ref_name, '-')");
  });
});

function withoutApiKeys(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && !/API_KEY$/.test(entry[0])));
}

/** Runs `node` of the lowest supported version, from the npm `node` package (as node@24 comes from devDependencies). */
function runLowestNode(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', ['exec', '--yes', `--package=node@${lowestNode}`, '--', 'node', ...args], {
      cwd: options.cwd,
      // npm needs the machine's network settings (proxy, CA certificates); no API key leaks in.
      env: { ...withoutApiKeys(process.env), ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe(`the installed package on the lowest supported Node (${pkg.engines.node})`, () => {
  let project: string;
  let openai: OpenAIServer;
  const cli = 'node_modules/evalgate/dist/cli/index.js';

  beforeAll(async () => {
    // The packed tarball unpacked where npm would put it: dist/ is self-contained, so no install is needed.
    project = mkdtempSync(join(tmpdir(), 'evalgate-installed-'));
    const [tarball] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' })) as { filename: string }[];
    mkdirSync(join(project, 'node_modules'));
    execFileSync('tar', ['-xzf', join(project, tarball?.filename ?? ''), '-C', join(project, 'node_modules')]);
    renameSync(join(project, 'node_modules/package'), join(project, 'node_modules/evalgate'));
    const answers = new Map<string, string>();
    openai = await startOpenAIServer((request) => {
      const question = String((request.body.messages as { content: string }[]).at(-1)?.content ?? '');
      return chatReply(answers.get(question) ?? 'I do not know.');
    });
    const cases = scaffoldFiles('prompt')['evals/starter/cases.jsonl'] ?? '';
    for (const line of cases.trim().split('\n')) {
      const { question, answer } = JSON.parse(line) as { question: string; answer: string };
      answers.set(question, `The answer: ${answer}.`);
    }
  }, 120_000);
  afterAll(() => openai?.close());

  it('prints its version', async () => {
    const result = await runLowestNode([cli, 'version'], { cwd: project });
    expect(result.stderr).not.toMatch(/EBADENGINE|Error/);
    expect(result.stdout.trim()).toBe(JSON.parse(text('package.json')).version);
    expect((await runLowestNode(['--version'], { cwd: project })).stdout.trim()).toBe(`v${lowestNode}`);
  }, 180_000);

  it('scaffolds with init and runs the starter suite through the openai SDK, exit 0', async () => {
    expect((await runLowestNode([cli, 'init', '--flow', 'prompt'], { cwd: project })).code).toBe(0);
    expect(existsSync(join(project, 'node_modules/evalgate/schema/suite.schema.json'))).toBe(true);
    const result = await runLowestNode([cli, 'run', '--base-url', openai.url], { cwd: project, env: { OPENAI_API_KEY: 'sk-lowest-node' } });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/icontains\s+—\s+100\.0%/);
    expect(openai.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(20);
  }, 180_000);
});
