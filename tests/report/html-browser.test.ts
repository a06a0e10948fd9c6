import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html/index.js';
import { parse } from 'csv-parse/sync';
import { compare } from '../../src/compare/index.js';
import type { ResultsFile, SuiteResult } from '../../src/results/types.js';
import { HOSTILE, hostileRuns, PLAIN } from './hostile-corpus.js';
import { screenshotPage, showRegressedCase } from './screenshot-page.js';

/**
 * The HTML report in real headless Chromium (Debian's `chromium`, which .ci/run installs),
 * driven by playwright-core: it loads nothing, the hostile corpus stays inert text, and the
 * filters, sorting and case details work. It also renders the page of docs/reports.md's
 * screenshot (into the temporary folder: `npm run screenshot` rewrites docs/html-report.png).
 */
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

  it("shows each metric's reason — a judge's explanation — for this run and the baseline", async () => {
    const opened = await open(screenshotPage(), 'reasons.html');
    const { page } = opened;
    await showRegressedCase(page);
    const table = page.locator('.detail-row .case-metrics');
    expect(await table.locator('th').allTextContents()).toEqual(['metric', 'baseline', 'this run', 'change (pts)', 'why (this run)', 'why (baseline)']);
    const tone = table.locator('tr', { hasText: 'tone' });
    expect(await tone.locator('td.reason').allTextContents()).toEqual(['The answer hedges ("I think") where the reference is certain.', 'Friendly and direct.']);
  });

  it('downloads the selected cases as CSV and JSON, in the order shown, formulas defused', async () => {
    const plain = hostileRuns(PLAIN);
    const rename = (file: ResultsFile): ResultsFile => ({ ...file, suites: file.suites.map((one) => ({ ...one, cases: one.cases.map((testCase) => (testCase.id === 'case-09' ? { ...testCase, id: '=HYPERLINK("http://x","y")' } : testCase)) })) });
    const [prRun, baseRun] = [rename(plain.pr), rename(plain.baseline)];
    const opened = await open(renderHtmlReport({ comparison: compare(baseRun, prRun), pr: prRun, baseline: baseRun }), 'export.html');
    const { page } = opened;
    await page.locator('#f-status').selectOption('regressed');
    const shownIds = await rowTexts(page, 2);
    const saved = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      const path = join(folder, download.suggestedFilename());
      await download.saveAs(path);
      return readFileSync(path, 'utf8');
    };
    const json = JSON.parse(await saved('#export-json')) as { format: string; cases: { id: string; status: string; metrics: Record<string, { baseline: string; pr: string; reason: string | null }> }[] };
    expect(json.format).toBe('evalgate-cases');
    expect(json.cases.map((row) => row.id)).toEqual(shownIds);
    expect(json.cases.every((row) => row.status === 'regressed')).toBe(true);
    expect(json.cases[0]?.metrics.tone?.reason).toContain('hedges');
    const csv = parse(await saved('#export-csv'), { bom: true, relaxQuotes: false }) as string[][];
    expect(csv[0]?.slice(0, 4)).toEqual(['suite', 'case', 'status', 'change (pts)']);
    expect(csv.slice(1).map((row) => row[1])).toEqual(shownIds.map((id) => (id.startsWith('=') ? `'${id}` : id)));
    expect(shownIds).toContain('=HYPERLINK("http://x","y")');
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
  });

  it('puts suites that ran the same cases side by side, one column per variant, hostile text inert', async () => {
    const { comparison: hostileComparison, pr: hostilePr, baseline: hostileBaseline } = hostileRuns();
    const first = hostilePr.suites[0] as SuiteResult;
    const variants: ResultsFile = { ...hostilePr, suites: [...hostilePr.suites, { ...first, name: `${first.name} × ${HOSTILE.img}` }] };
    const opened = await open(renderHtmlReport({ comparison: hostileComparison, pr: variants, baseline: hostileBaseline }), 'variants.html');
    const { page } = opened;
    const matrix = page.locator('section.variants table.matrix');
    expect(await matrix.locator('tr').first().locator('th').allTextContents()).toEqual(['case', 'input', first.name, `${first.name} × ${HOSTILE.img}`]);
    expect(await matrix.locator('tr').count()).toBe(1 + first.cases.length);
    expect(await page.locator('section.variants h3').textContent()).toBe(`${first.name} — 2 variants, ${first.cases.length} cases`);
    expect(await matrix.locator('tr', { hasText: 'case-05' }).locator('td.variant .scores').first().textContent()).toMatch(/exact 0%/);
    expect(opened.dialogs).toEqual([]);
    expect(await page.evaluate('window.__pwned ?? null')).toBeNull();
    expect(opened.requests).toEqual([opened.url]);
  });

  it('renders the screenshot of docs/reports.md from plain runs with their history', async () => {
    const opened = await open(screenshotPage(), 'plain.html');
    const { page } = opened;
    await showRegressedCase(page);
    expect(await page.locator('svg.trend').count()).toBeGreaterThan(0);
    expect(opened.requests).toEqual([opened.url]);
    expect(opened.errors).toEqual([]);
    const png = await page.screenshot({ path: join(folder, 'html-report.png'), fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
