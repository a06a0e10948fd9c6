import * as core from '@actions/core';

/** The action's outputs, as action.yml declares them. */
export const ACTION_OUTPUTS = ['verdict', 'results', 'report', 'html-report', 'junit', 'comment-url', 'regressions'] as const;
export type ActionOutputs = Record<(typeof ACTION_OUTPUTS)[number], string>;

/** Sets every output at once, so none can be forgotten on any path. */
export function setOutputs(outputs: ActionOutputs): void {
  for (const name of ACTION_OUTPUTS) core.setOutput(name, outputs[name]);
}
