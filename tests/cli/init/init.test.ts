import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initCommand, parseInitArgs } from '../../../src/cli/init/init-command.js';
import { CLI, runNode } from '../../support/run-node.js';
import { docText } from '../../support/docs.js';

/** `evalgate init` through the bundled CLI under Node 24, with no API key and stdin not a TTY. */
const emptyDir = () => mkdtempSync(join(tmpdir(), 'evalgate-init-'));
const cli = (dir: string, ...args: string[]) => runNode(CLI, args, { cwd: dir });
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('evalgate init', () => {
  it('scaffolds a command-flow suite, its app and data and the workflow, asking nothing; `run` then passes offline', async () => {
    const dir = emptyDir();
    const init = await cli(dir, 'init');
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('replace OWNER with the owner of the EvalGate repository you use');
    expect(init.stdout).toContain('created evals/starter/starter.eval.yaml');
    expect(init.stdout).toContain('added .evalgate/ to .gitignore');
    expect(read(dir, '.gitignore')).toBe('# EvalGate: results, reports and the response cache of local runs\n.evalgate/\n');
    for (const path of ['evals/starter/cases.jsonl', 'evals/starter/app.mjs', 'evals/starter/facts.json', '.github/workflows/evalgate.yml']) expect(init.stdout).toContain(`created ${path}`);

    const run = await cli(dir, 'run', '--update-baseline');
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/icontains\s+—\s+100\.0%/);
    const again = await cli(dir, 'run');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/PASS/);
  });

  it('scaffolds a prompt-flow suite that runs green with no API key (skipped with a note)', async () => {
    const dir = emptyDir();
    expect((await cli(dir, 'init', '--flow', 'prompt')).code).toBe(0);
    expect(read(dir, 'evals/starter/starter.eval.yaml')).toContain('kind: prompt');
    const run = await cli(dir, 'run');
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toContain('needs a model API key');
  });

  it('refuses to overwrite existing files (exit 2, nothing written) unless --force', async () => {
    const dir = emptyDir();
    await cli(dir, 'init');
    writeFileSync(join(dir, 'evals/starter/cases.jsonl'), 'my own cases\n');
    const refused = await cli(dir, 'init', '--flow', 'prompt');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^evalgate: init would overwrite evals\/starter\/starter\.eval\.yaml, evals\/starter\/cases\.jsonl, .* — pass --force/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(read(dir, 'evals/starter/cases.jsonl')).toBe('my own cases\n');
    expect(read(dir, 'evals/starter/starter.eval.yaml')).toContain('kind: command');

    const forced = await cli(dir, 'init', '--force');
    expect(forced.code).toBe(0);
    expect(read(dir, 'evals/starter/cases.jsonl')).toContain('"id":"returns"');
  });

  it('adds .evalgate/ to an existing .gitignore once, keeping what it holds', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n*.log');
    expect((await cli(dir, 'init')).code).toBe(0);
    expect(read(dir, '.gitignore')).toBe('node_modules/\n*.log\n# EvalGate: results, reports and the response cache of local runs\n.evalgate/\n');
    const again = await cli(dir, 'init', '--force');
    expect(again.stdout).not.toContain('.gitignore');
    expect(read(dir, '.gitignore').match(/\.evalgate\//g)).toHaveLength(1);
  });

  it('the workflow uploads the HTML report and the JUnit file whatever the verdict, and names the action to use', async () => {
    const dir = emptyDir();
    await cli(dir, 'init');
    const placeholder = read(dir, '.github/workflows/evalgate.yml');
    expect(placeholder).toMatch(/# ⚠ Replace OWNER with the owner of the EvalGate repository you use[\s\S]*uses: OWNER\/evalgate@v1/);
    type Step = { uses?: string; if?: string; with?: Record<string, string> };
    const steps = (parse(placeholder) as { jobs: { evals: { steps: Step[] } } }).jobs.evals.steps;
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.path?.trim().split('\n')).toEqual(['.evalgate/report.html', '.evalgate/junit.xml']);

    const named = await cli(dir, 'init', '--force', '--action', 'contoso/evalgate@v1.2.3');
    expect(named.stderr).toBe('');
    const workflow = read(dir, '.github/workflows/evalgate.yml');
    expect(workflow).toContain('uses: contoso/evalgate@v1.2.3');
    expect(workflow).not.toContain('OWNER/');
    const bad = await cli(dir, 'init', '--force', '--action', 'evalgate');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('evalgate: --action must be owner/repo@ref (as in `uses:`), got "evalgate" — for example --action my-org/evalgate@v1');
  });

  it('is listed in help, with its flags under `help init`', async () => {
    const dir = emptyDir();
    expect((await cli(dir, 'help')).stdout).toMatch(/evalgate init\s+scaffold a starter suite/);
    expect((await cli(dir, 'help', 'init')).stdout).toMatch(/--flow KIND[\s\S]*--force/);
  });

  it('rejects an unknown flow kind with one clear line', async () => {
    const result = await cli(emptyDir(), 'init', '--flow', 'http');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('evalgate: --flow must be command or prompt, got "http" — pass --flow command (offline) or --flow prompt (a model)');
  });

  it.each(['README.md', 'docs/github.md'])('writes the workflow %s shows, which uses the action on pull requests and pushes', async (page) => {
    const dir = emptyDir();
    await cli(dir, 'init');
    const workflow = parse(read(dir, '.github/workflows/evalgate.yml')) as Record<string, unknown>;
    const shown = /```yaml\n# \.github\/workflows\/evals\.yml\n([\s\S]*?)```/.exec(docText(page))?.[1] ?? '';
    const documented = parse(shown) as Record<string, unknown>;
    expect(workflow.jobs).toEqual(documented.jobs);
    expect(workflow.on).toEqual(documented.on);
    expect(workflow.permissions).toEqual(documented.permissions);
  });

  it('on a terminal asks which flow kind once (and only then)', async () => {
    const dir = emptyDir();
    const questions: string[] = [];
    const io = { cwd: dir, env: {}, stdout: () => undefined, stderr: () => undefined, interactive: true, ask: async (question: string) => (questions.push(question), 'p') };
    expect(await initCommand(parseInitArgs([], dir), io)).toBe(0);
    expect(questions).toHaveLength(1);
    expect(read(dir, 'evals/starter/starter.eval.yaml')).toContain('kind: prompt');
    expect(await initCommand(parseInitArgs(['--flow', 'command', '--force'], dir), io)).toBe(0);
    expect(questions).toHaveLength(1);
  });
});
