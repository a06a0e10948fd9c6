import * as core from '@actions/core';
import { scrubSecrets } from '../core/secrets.js';
import { escapeLogLine } from '../report/escape.js';

/**
 * The action's workflow log: every line scrubbed of known secrets and made inert (one line,
 * never a `::command::`). Warnings and failures go through @actions/core, which escapes their
 * data as workflow-command messages.
 */
export const log = {
  info: (text: string) => core.info(escapeLogLine(scrubSecrets(text))),
  notice: (text: string) => core.notice(scrubSecrets(text)),
  warning: (text: string) => core.warning(scrubSecrets(text)),
  fail: (text: string) => core.setFailed(scrubSecrets(text)),
};
