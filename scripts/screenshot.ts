import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { screenshotPage, showRegressedCase } from '../tests/report/screenshot-page.js';

/** `npm run screenshot`: rewrites docs/html-report.png in headless Chromium (/usr/bin/chromium). Tests never write it. */
const target = fileURLToPath(new URL('../docs/html-report.png', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'evalgate-screenshot-'));
const file = join(folder, 'report.html');
writeFileSync(file, screenshotPage());
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await showRegressedCase(page);
  await page.screenshot({ path: target, fullPage: true });
  console.log(`wrote ${target}`);
} finally {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
}
