// `npm run bench:ui`: the window over a county-sized store, in a real Chromium at 1366×768 against the
// real backend over loopback. Builds (once, cached under os.tmpdir()) a store of 20,000 villages and
// 1.5 million persons by importing generated rosters as CSV files (ten batches through the backend's own
// import; CSV rather than .xlsx because writing and reading 1.5M rows of .xlsx took most of the build
// time), then prints: the time to the first overview,
// the filter and search response of the village list, and the longest frame while scrolling it.
// Aim (issue 8): overview ≤ 1 s, filter ≤ 100 ms, no frame over 50 ms. A script, not a test.
//   npm run bench:ui [-- --fresh] [--villages 20000] [--persons 1500000]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { Backend } from '../../electron/backend/service.ts';
import { startHttpServer } from '../../electron/backend/http.ts';
import { CHROMIUM_ARGS, buildRenderer } from '../e2e/harness.ts';
import { rosterRows } from './roster.ts';

const CHUNKS = 10;
const DIGITS = '一二三四五六七八九十';

const { values } = parseArgs({ options: { fresh: { type: 'boolean' }, villages: { type: 'string' }, persons: { type: 'string' } } });
const villages = Number(values.villages ?? 20_000);
const persons = Number(values.persons ?? 1_500_000);
const work = path.join(os.tmpdir(), `quota-watch-bench-ui-${villages}-${persons}`);
const db = path.join(work, 'county.sqlite');

const log = (s: string) => process.stdout.write(s + '\n');
const ms = (n: number) => `${Math.round(n)} ms`;

/** Rosters in CHUNKS files, each chunk's townships renamed (青山镇 → 青山三镇) so that no two chunks share a village. */
async function buildStore(): Promise<void> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const backend = Backend.open(db);
  const t0 = performance.now();
  try {
    for (let k = 0; k < CHUNKS; k++) {
      const { rows } = rosterRows(persons / CHUNKS, { seed: 1000 + k, perVillage: persons / villages });
      for (let r = 1; r < rows.length; r++) rows[r][0] = rows[r][0].replace(/(镇|乡|街道)$/, `${DIGITS[k]}$1`);
      // No field of the bench roster needs quoting.
      const file = path.join(work, `第${k + 1}批.csv`);
      fs.writeFileSync(file, rows.map((r) => r.join(',')).join('\n') + '\n');
      const r = await backend.handle('importFiles', { paths: [file] });
      if (!r.ok) throw new Error(r.error.message);
      fs.rmSync(file);
      log(`  store: batch ${k + 1}/${CHUNKS}: ${r.value.villages.length} villages, ${r.value.persons} persons (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await backend.close();
  }
}

async function main(): Promise<void> {
  if (values.fresh || !fs.existsSync(db)) {
    log(`Building a store of ${villages} villages and ${persons} persons in ${work} …`);
    await buildStore();
  } else log(`Using the store in ${work} (--fresh to build it again)`);
  const www = path.join(work, 'www');
  await buildRenderer(www);
  const backend = Backend.open(db);
  const server = await startHttpServer(backend, { staticDir: www });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // 1. The first overview: from opening the address to the figures on screen.
    let t = performance.now();
    await page.goto(server.pageUrl);
    await page.getByTestId('fig-reported').waitFor({ timeout: 120_000 });
    const overview = performance.now() - t;
    // Where the overview's time went, as the page saw it: its scripts, and the backend's answers.
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const api = res.filter((r) => r.name.includes('/api/')).map((r) => `${r.name.replace(/^.*\/api\//, '')} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)} ms`);
      const js = res.filter((r) => r.name.endsWith('.js'));
      return {
        dcl: nav.domContentLoadedEventEnd,
        scripts: js.length,
        scriptKb: Math.round(js.reduce((n, r) => n + r.encodedBodySize, 0) / 1024),
        api,
      };
    });

    // 2. The village list, then a filter (状态 → 不达标) and a search.
    await page.evaluate(() => (location.hash = '#/villages'));
    await page.getByTestId('village-row').first().waitFor({ timeout: 120_000 });
    const totalText = () => page.getByTestId('village-total').innerText();
    const before = await totalText();
    await page.getByRole('combobox', { name: '状态' }).click();
    const option = page.locator('.ant-select-item-option', { hasText: /^不达标$/ });
    await option.waitFor();
    t = performance.now();
    await option.click();
    await page.waitForFunction((b) => document.querySelector('[data-testid=village-total]')?.textContent !== b && !!document.querySelector('[data-testid=village-row]'), before, { polling: 'raf', timeout: 120_000 });
    const filter = performance.now() - t;

    const beforeSearch = await totalText();
    const box = page.getByPlaceholder('搜索村名');
    await box.fill('山');
    t = performance.now();
    await box.press('Enter');
    await page.waitForFunction((b) => document.querySelector('[data-testid=village-total]')?.textContent !== b, beforeSearch, { polling: 'raf', timeout: 120_000 });
    const search = performance.now() - t;
    const afterSearch = `${await totalText()}; ${await page.evaluate(() => decodeURIComponent(location.hash))}`;

    // 3. Scrolling the whole list (filters cleared): the longest frame, from requestAnimationFrame.
    await page.evaluate(() => (location.hash = '#/villages'));
    await page.waitForFunction(() => /共 \d{4,} 个村/.test(document.querySelector('[data-testid=village-total]')?.textContent ?? ''), null, { timeout: 120_000 });
    const frames = await page.evaluate(async () => {
      const list = document.querySelector('[data-testid=vlist]') as HTMLElement;
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 240; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
        list.scrollTop += 900;
      }
      return { max: Math.max(...deltas.slice(1)), mean: deltas.slice(1).reduce((a, b) => a + b, 0) / (deltas.length - 1), scrolled: list.scrollTop };
    });

    // Counted after the overview, so that the overview is timed on a backend that has kept nothing yet.
    const total = await backend.handle('status', {});
    if (total.ok) log(`store: ${total.value.villages.length} villages reported`);
    log('');
    log(`first overview        ${ms(overview)}   (aim ≤ 1000 ms)`);
    log(`  page: DOMContentLoaded at ${ms(timing.dcl)}, ${timing.scripts} scripts, ${timing.scriptKb} KB; calls: ${timing.api.join('; ')}`);
    log(`  load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    log(`filter 状态=不达标     ${ms(filter)}   (aim ≤ 100 ms; ${before} → ${beforeSearch})`);
    log(`search “山”           ${ms(search)}   (${beforeSearch} → ${afterSearch})`);
    log(`scroll 240 frames     longest frame ${ms(frames.max)}, mean ${frames.mean.toFixed(1)} ms, ${Math.round(frames.scrolled)} px   (aim: none over 50 ms)`);
  } finally {
    await browser.close();
    await server.close();
    await backend.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ui failed: ${(err as Error)?.stack ?? err}\n`);
  process.exitCode = 1;
});
