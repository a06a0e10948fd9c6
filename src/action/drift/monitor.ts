import type { DriftEffect } from '../../compare/outcome.js';
import { log } from '../log.js';
import { escapeMarkdownText } from '../../report/escape.js';
import { VERDICT_WORD } from '../../report/format.js';
import type { EventInfo } from '../event.js';
import type { GitHubApi } from '../github-api.js';
import { httpStatus } from '../github-api.js';
import type { ActionInputs } from '../inputs.js';
import type { DriftOutcome } from './drift-issue.js';
import { closeRecovered, reportDrift } from './drift-issue.js';
import { driftMarker } from './issue-body.js';
import type { DriftRun } from './run-entry.js';
import { renderDriftRun } from './run-entry.js';

/** Scheduled and manually dispatched runs watch for drift; their flows are never served from a cache. */
export function isDriftRun(event: Pick<EventInfo, 'name'>): boolean {
  return event.name === 'schedule' || event.name === 'workflow_dispatch';
}

function outcomeLine(outcome: DriftOutcome): string | undefined {
  if (outcome.action === 'opened' || outcome.action === 'updated') return `Drift issue #${outcome.issue.number} ${outcome.action}: ${outcome.issue.url}`;
  if (outcome.action === 'closed') return `Scores recovered: drift issue ${outcome.issues.map((issue) => `#${issue.number}`).join(', ')} closed.`;
  return undefined;
}

function recoveredMessage(run: DriftRun): string {
  const where = [run.commit ? `commit \`${run.commit.replace(/[^0-9a-f]/gi, '').slice(0, 7)}\`` : '', run.runUrl ? `[workflow run](${encodeURI(run.runUrl)})` : ''].filter(Boolean).join(', ');
  return `✅ Scores recovered: the run of ${escapeMarkdownText(run.date)}${where ? ` (${where})` : ''} is ${VERDICT_WORD[run.comparison.verdict]} against the baseline. Closing this issue.`;
}

/**
 * `alert: issue` on schedule / workflow_dispatch, as the outcome decided (compare/outcome.ts): a
 * drift opens or updates one issue, a run that compared everything and passed closes it, any
 * other run leaves it. Anything going wrong with the issue (a read-only token above all) becomes
 * a note in the summary and a warning — never a failed step.
 */
export async function alertOnDrift(api: GitHubApi | undefined, inputs: ActionInputs, effect: DriftEffect | null, run: DriftRun, notes: string[]): Promise<void> {
  if (!effect) return;
  if (effect.action === 'leave') {
    notes.push(effect.why);
    return;
  }
  if (!api) {
    notes.push('No github-token: the drift issue could not be opened, updated or closed; this summary has the full report.');
    return;
  }
  const target = { marker: driftMarker(inputs.suites.join(',')), labels: inputs.alertLabels, baseline: inputs.baseline };
  const drifted = effect.action === 'report';
  try {
    const outcome = drifted ? await reportDrift(api, target, renderDriftRun(run)) : await closeRecovered(api, target, recoveredMessage(run));
    const line = outcomeLine(outcome);
    if (line) {
      notes.push(line);
      log.info(line);
    }
  } catch (error) {
    const status = httpStatus(error);
    const why = status === 401 || status === 403 || status === 404
      ? `HTTP ${status}: the token cannot write issues — give the workflow \`permissions: issues: write\``
      : status ? `HTTP ${status}: ${(error as Error).message}` : String((error as Error)?.message ?? error);
    const what = drifted ? 'The drift issue could not be opened or updated' : 'The recovered drift issue could not be closed';
    notes.push(`${what} (${why}). This summary has the full report.`);
    log.warning(`EvalGate: ${what.charAt(0).toLowerCase()}${what.slice(1)} (${why})`);
  }
}
