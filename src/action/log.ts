import * as core from '@actions/core';
import { scrubSecrets } from '../core/secrets.js';
import { escapeAnnotation, escapeLogLine } from '../report/escape.js';

/**
 * The action's workflow log, the only module that writes it: every line scrubbed of known
 * secrets and made inert (one line, no workflow command in either of the runner's syntaxes, no
 * invisible characters). Annotations go through @actions/core, which escapes their data as
 * workflow-command messages; their text is made inert the same way, line breaks kept.
 */
export const log = {
  info: (text: string) => core.info(escapeLogLine(scrubSecrets(text))),
  notice: (text: string) => core.notice(escapeAnnotation(scrubSecrets(text))),
  warning: (text: string) => core.warning(escapeAnnotation(scrubSecrets(text))),
  fail: (text: string) => core.setFailed(escapeAnnotation(scrubSecrets(text))),
};
