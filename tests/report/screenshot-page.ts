import type { Page } from 'playwright-core';
import { buildSeries } from '../../src/history/series.js';
import { renderHtmlReport } from '../../src/report/html/index.js';
import { demoHistory, hostileRuns, PLAIN } from './hostile-corpus.js';

/** The page of docs/html-report.png: plain runs with their history (the browser test renders it, `npm run screenshot` photographs it). */
export function screenshotPage(): string {
  const plain = hostileRuns(PLAIN);
  const history = buildSeries([...demoHistory(plain.baseline), { commit: 'this run', date: plain.pr.run.date, results: plain.pr }]);
  return renderHtmlReport({ ...plain, history });
}

/** What the screenshot shows: the regressed cases, the first one expanded. */
export async function showRegressedCase(page: Page): Promise<void> {
  await page.locator('#f-status').selectOption('regressed');
  await page.locator('#case-rows button.toggle').first().click();
}
