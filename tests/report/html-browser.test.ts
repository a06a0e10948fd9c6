import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeries } from '../../src/history/series.js';
import { renderHtmlReport } from '../../src/report/html/index.js';
import { demoHistory, HOSTILE, hostileRuns, PLAIN } from './hostile-corpus.js';

/**
 * The HTML report in real headless Chromium (Debian's `chromium`, which .ci/run installs),
 * driven by playwright-core: it loads nothing, the hostile corpus stays inert text, and the
 * filters, sorting and case details work. It also takes the screenshot of docs/reports.md.
 */
const SCREENSHOT = new URL('../../docs/html-report.png', import.meta.url);
let browser: Browser;
let folder: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
  folder = mkdtempSync(join(tmpdir(), 'evalgate-html-'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

async function open(html: string, name: string): Promise<Opened> {
  const file = join(folder, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const opened: Opened = { page, url, requests: [], dialogs: [], errors: [] };
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  return opened;
}

const rowTexts = (page: Page, column: number) => page.locator(`#case-rows tr.case td:nth-child(${column})`).allTextContents();
const changes = async (page: Page) => (await rowTexts(page, 4)).filter(Boolean).map((text) => Number(text.replace('−', '-').replace('±', '')));

describe('the HTML report in headless Chromium', () => {
  let hostile: Opened;
  const { comparison, pr, baseline } = hostileRuns();
  beforeAll(async () => {
    hostile = await open(renderHtmlReport({ comparison, pr, baseline }), 'hostile.html');
  });

  it('makes no network request, runs its own script without errors, and the hostile corpus never executes', async () => {
    const { page } = hostile;
    await page.locator('#f-text').fill('onerror');
    await page.locator('#case-rows button.toggle').first().click();
    await page.waitForTimeout(200);
    expect(hostile.requests).toEqual([hostile.url]);
    expect(hostile.dialogs).toEqual([]);
    expect(hostile.errors).toEqual([]);
    // Evaluated in the page (a string: the project's TypeScript has no DOM types).
    const injected = await page.evaluate(`({
      pwned: window.__pwned ?? null,
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      handlers: [...document.querySelectorAll('*')].filter((node) => [...node.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
      comments: (() => {
        const walker = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
        let found = 0;
        while (walker.nextNode()) found += 1;
        return found;
      })(),
    })`);
    expect(injected).toEqual({ pwned: null, scripts: 2, images: 0, svgOnload: 0, handlers: 0, comments: 0 });
  });

  it('shows untrusted text literally: markup, the hidden marker, bidi overrides made visible, no raw \\r', async () => {
    const { page } = hostile;
    const heading = await page.locator('section.suite h2').first().textContent();
    expect(heading).toContain(`faq ${HOSTILE.script}`);
    await page.locator('#f-text').fill('');
    const ids = await rowTexts(page, 2);
    expect(ids).toContain(`case-${HOSTILE.closeScript}`);
    expect(ids).toContain(HOSTILE.marker);
    expect(ids).toContain('added price ⟨U+202E⟩evil⟨U+202C⟩ ⟨U+2066⟩isolate⟨U+2069⟩');
    expect(await page.locator('.errors li').first().textContent()).toContain(`HTTP 500 from the model ${HOSTILE.script} ${HOSTILE.mention}`);
    await page.locator('#case-rows button.toggle', { hasText: /^added/ }).click();
    expect(await page.locator('.detail-row .input pre').textContent()).toBe('question: first\nsecond');
  });

  it('filters by status, metric and text, and sorts by change', async () => {
    const { page } = hostile;
    expect(await page.locator('#case-count').textContent()).toBe('42 of 42 cases');
    await page.locator('#f-status').selectOption('regressed');
    const statuses = await rowTexts(page, 3);
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set(['regressed']));
    const worstFirst = await changes(page);
    expect(worstFirst).toEqual([...worstFirst].sort((a, b) => a - b));
    await page.locator('#f-sort').selectOption('-change');
    await page.locator('#f-status').selectOption('');
    const bestFirst = await changes(page);
    expect(bestFirst).toEqual([...bestFirst].sort((a, b) => b - a));
    expect(bestFirst[0]).toBeGreaterThan(0);
    await page.locator('#f-metric').selectOption('exact');
    const moved = await rowTexts(page, 5);
    // The ten reworded answers; the case whose flow failed is not a drop of the metric.
    expect(moved.length).toBe(10);
    for (const text of moved) expect(text).toMatch(/exact −100\.0/);
    await page.locator('#f-metric').selectOption('');
    await page.locator('#f-text').fill('CASE-13');
    expect(await rowTexts(page, 2)).toEqual(['case-13']);
    expect(await page.locator('#case-count').textContent()).toBe('1 of 42 cases');
  });

  it('expands a case: input, both outputs side by side and a word-level diff', async () => {
    const { page } = hostile;
    await page.locator('#f-text').fill('case-13');
    await page.locator('#case-rows button.toggle').click();
    const detail = page.locator('.detail-row');
    expect(await detail.locator('.sides pre').allTextContents()).toEqual(['The meeting is on Tuesday at noon.', 'The meeting might be on Tuesday at noon, I think.']);
    expect(await detail.locator('.diff del').allTextContents()).toEqual(['is']);
    expect(await detail.locator('.diff ins').allTextContents()).toEqual(['might', 'be ', ', I think']);
    expect(await detail.locator('.diff pre').textContent()).toBe('The meeting ismight be on Tuesday at noon, I think.');
    expect(await detail.locator('.case-metrics tr.worse td:first-child').allTextContents()).toEqual(['exact', 'f1']);
    await page.locator('#case-rows button.toggle').click();
    expect(await page.locator('.detail-row').count()).toBe(0);
  });

  it('renders the screenshot of docs/reports.md from plain runs with their history', async () => {
    const plain = hostileRuns(PLAIN);
    const history = buildSeries([...demoHistory(plain.baseline), { commit: 'this run', date: plain.pr.run.date, results: plain.pr }]);
    const opened = await open(renderHtmlReport({ ...plain, history }), 'plain.html');
    const { page } = opened;
    await page.locator('#f-status').selectOption('regressed');
    await page.locator('#case-rows button.toggle').first().click();
    expect(await page.locator('svg.trend').count()).toBeGreaterThan(0);
    expect(opened.requests).toEqual([opened.url]);
    expect(opened.errors).toEqual([]);
    mkdirSync(new URL('.', SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT.pathname, fullPage: true });
  });
});
