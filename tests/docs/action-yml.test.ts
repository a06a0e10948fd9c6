import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../../src/action/inputs.js';
import { ACTION_OUTPUTS } from '../../src/action/outputs.js';

const text = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const action = parse(text('action.yml')) as { runs: { using: string; main: string }; inputs: Record<string, { description: string }>; outputs: Record<string, unknown> };
/** The GitHub setup page documents the action's inputs and outputs. */
const setup = text('docs/github.md');

it('runs dist/index.js on node24', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
});

it('declares exactly the inputs the action reads, each described and listed in docs/github.md', () => {
  const read = new Set<string>();
  parseInputs((name) => {
    read.add(name);
    return '';
  });
  expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
  for (const [name, input] of Object.entries(action.inputs)) {
    expect(input.description.length, name).toBeGreaterThan(20);
    expect(setup, name).toContain(`| \`${name}\` |`);
  }
});

it('gives every input the default the code applies when it is unset', () => {
  const unset = parseInputs(() => '');
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, (input as { default?: string }).default ?? '']));
  const fromActionYml = parseInputs((name) => (name === 'github-token' ? '' : defaults[name] ?? ''));
  expect(fromActionYml).toEqual(unset);
});

it('declares the outputs the action sets, as docs/github.md lists them', () => {
  const set = [...ACTION_OUTPUTS];
  expect(Object.keys(action.outputs).sort()).toEqual([...set].sort());
  const outputsSection = setup.slice(setup.indexOf('### Outputs'), setup.indexOf('### Permissions'));
  for (const name of set) expect(outputsSection, name).toContain(`\`${name}\``);
});
