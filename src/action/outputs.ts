import * as core from '@actions/core';
import { OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS } from '../report/formats.js';
import type { OutputFormat } from '../report/formats.js';

const RUN_OUTPUTS = ['verdict', 'results', 'comment-url', 'regressions'] as const;

/** The outputs naming report files: one per output format whose report file declares one. */
const REPORT_OUTPUTS = OUTPUT_FORMAT_NAMES.flatMap((name) => {
  const format: OutputFormat = OUTPUT_FORMATS[name];
  return format.reportFile?.output ? [format.reportFile.output] : [];
});

/** The action's outputs, as action.yml declares them. */
export const ACTION_OUTPUTS: readonly string[] = [...RUN_OUTPUTS, ...REPORT_OUTPUTS];
type ActionOutputs = Record<(typeof RUN_OUTPUTS)[number], string> & Readonly<Record<string, string>>;

/** Sets every output at once (empty when this run has none), so none can be forgotten on any path. */
export function setOutputs(outputs: ActionOutputs): void {
  for (const name of ACTION_OUTPUTS) core.setOutput(name, outputs[name] ?? '');
}
