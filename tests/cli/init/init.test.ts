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
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('created evals/starter/starter.eval.yaml');
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
