import { readdirSync } from 'node:fs';
import { DEFAULTS } from '../src/core/defaults.js';
import { FLOW_KINDS } from '../src/flows/registry.js';
import { listMetrics } from '../src/metrics/registry.js';
import type { GatePolicy, MetricDefinition, Scale } from '../src/metrics/types.js';
import type { OutputFormat } from '../src/report/formats.js';
import { OUTPUT_FORMATS } from '../src/report/formats.js';
import { suiteSchema } from '../src/suites/schema.js';

/**
 * Files (or sections of README.md and docs/*.md) generated from the code, so docs cannot drift: `npm run generate`
 * writes them, and a test fails when a committed copy differs.
 */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function scaleText(scale: Scale): string {
  if (scale.kind === 'binary') return '0/1';
  if (scale.kind === 'unit') return '0–1';
  if (scale.kind === 'likert') return `${scale.min}–${scale.max} judge`;
  return scale.unit;
}

function gateText(policy: GatePolicy): string {
  if (policy.test === 'paired') return `paired, tolerance ${policy.tolerance === 'suite' ? 'suite' : policy.tolerance}`;
  return policy.statistics.map((rule) => `${rule.statistic} ×${(1 + rule.tolerance).toFixed(2)}${rule.canFail ? '' : ' (warn)'}`).join(', ');
}

function metricRow(metric: MetricDefinition): string {
  return [
    metric.family,
    `\`${metric.name}\``,
    scaleText(metric.scale),
    metric.direction === 'higher-is-better' ? '↑' : '↓',
    metric.requires.length ? metric.requires.map((name) => `\`${name}\``).join(', ') : '—',
    metric.needs ?? 'no',
    gateText(metric.policy),
    cell(metric.description),
  ].join(' | ');
}

export function metricsTable(): string {
  const rows = listMetrics().filter((metric) => !metric.name.startsWith('not-')).map((metric) => `| ${metricRow(metric)} |`);
  return ['| family | metric | scale | better | requires | model | gate | what it measures |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

export function flowKindsTable(): string {
  const rows = FLOW_KINDS.map((kind) => `| \`${kind.kind}\` | ${kind.schema.required.map((name) => `\`${name}\``).join(', ')} | ${cell(kind.description)} |`);
  return ['| kind | requires | what it runs |', '|---|---|---|', ...rows].join('\n');
}

export function formatsTable(): string {
  const rows = Object.entries(OUTPUT_FORMATS).map(([name, format]: [string, OutputFormat]) => {
    const file = format.reportFile ? `\`${format.reportFile.path}\`${format.reportFile.output ? ` (output \`${format.reportFile.output}\`)` : ''}` : '—';
    return `| \`${name}\` | ${format.kind} | ${file} | ${cell(format.description)} |`;
  });
  return ['| `--format` | kind | file the action writes on every run | what it prints |', '|---|---|---|---|', ...rows].join('\n');
}

export function defaultsTable(): string {
  const rows = Object.entries(DEFAULTS).map(([name, value]) => `| \`${name}\` | \`${Array.isArray(value) ? value.join(', ') : String(value)}\` |`);
  return ['| setting | default |', '|---|---|', ...rows].join('\n');
}

const SECTIONS: Record<string, () => string> = { 'flow-kinds': flowKindsTable, metrics: metricsTable, formats: formatsTable, defaults: defaultsTable };

/** The documentation, relative to the repository root: README.md and every page of docs/. */
export const DOC_FILES: readonly string[] = ['README.md', ...readdirSync(new URL('../docs', import.meta.url)).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/** A documentation file with every generated section (between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`) rewritten. */
export function withGeneratedSections(text: string): string {
  return text.replace(/(<!-- generated:([\w-]+) -->)[\s\S]*?(<!-- \/generated:\2 -->)/g, (_whole, open: string, name: string, close: string) => {
    const section = SECTIONS[name];
    if (!section) throw new Error(`the docs name an unknown generated section "${name}"`);
    return `${open}\n${section()}\n${close}`;
  });
}

export function suiteSchemaText(): string {
  return `${JSON.stringify(suiteSchema(), null, 2)}\n`;
}
