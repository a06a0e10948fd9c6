import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../../src/action/inputs.js';

const text = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const action = parse(text('action.yml')) as { runs: { using: string; main: string }; inputs: Record<string, { description: string }>; outputs: Record<string, unknown> };
const readme = text('README.md');

it('runs dist/index.js on node24', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
});

it('declares exactly the inputs the action reads, each described and listed in README', () => {
  const read = new Set<string>();
  parseInputs((name) => {
    read.add(name);
    return '';
  });
  expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
  for (const [name, input] of Object.entries(action.inputs)) {
    expect(input.description.length, name).toBeGreaterThan(20);
    expect(readme, name).toContain(`| \`${name}\` |`);
  }
});

it('declares the outputs the action sets, as README lists them', () => {
  const main = text('src/action/main.ts');
  const set = [...main.matchAll(/core\.setOutput\('([\w-]+)'/g)].map((match) => match[1]);
  expect(Object.keys(action.outputs).sort()).toEqual([...set].sort());
  const outputsSection = readme.slice(readme.indexOf('### Outputs'), readme.indexOf('### Permissions'));
  for (const name of set) expect(outputsSection, name).toContain(`\`${name}\``);
});
