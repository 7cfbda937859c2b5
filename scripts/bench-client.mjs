// `npm run bench:client`: how light and fast the browser client is.
//
// 1. The first screen's JavaScript: the gzipped size of every script index.html loads at start-up
//    (its entry module and modulepreloads), against a 60 KB budget for a slow school link; the
//    chunks loaded when needed (the session's screens and network, Phaser, the other language, the
//    guide) are listed separately with their total.
// 2. Time to first render of the table and the map: a projector tab reopening a running session
//    (the same path as a reload) in headless Chromium on loopback, from navigation start to the
//    "peace-table:table" and "peace-table:map" marks the scenes set after their first real frame.
//    Target: the table in under 1.5 s.
// 3. Map pan and zoom: frames per second while the pointer drags and wheels over the map for three
//    seconds (Chromium without a GPU renders in software, so a laptop with one does better).
// Exits non-zero when a budget is missed, so CI can run it as a check.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, ensureClientBuilt, ROOT, startGameServer } from './lib/gameServer.mjs';

const DIST = path.join(ROOT, 'client', 'dist');
const BUDGET = { initialKb: 60, tableMs: 1500, fps: 30 };
const RUNS = 5;

const kb = (bytes) => (bytes / 1024).toFixed(1);
const gz = (file) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;

/** Scripts index.html loads before anything else: its module entry and the modules it preloads. */
export function initialScripts(html) {
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)];
  return [...new Set(refs.map((m) => m[1]))];
}

function sizes() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const initial = initialScripts(html);
  const initialGz = initial.reduce((sum, f) => sum + gz(f), 0);
  const lazy = readdirSync(path.join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
    .map((f) => ({ file: f, gz: gz(`assets/${f}`) }));
  return { initial, initialGz, lazy };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measureRenders(browser, url, code) {
  // What a projector tab that watched this session has saved (see client/src/net/seatStore.ts).
  const seat = { code, role: 'spectator', scenarioId: 'ukraine-2026', savedAt: Date.now() };
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // A projector that was watching this session before: the page rejoins on load, as after a reload.
  await context.addInitScript(
    ([entry, current]) => {
      localStorage.setItem('peace-table.seats', JSON.stringify({ [entry.code]: entry }));
      sessionStorage.setItem('peace-table.current', current);
    },
    [seat, code],
  );
  const page = await context.newPage();
  // A page that throws never renders: say why instead of only timing out.
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page
    .waitForFunction(
      () =>
        performance.getEntriesByName('peace-table:table').length > 0 &&
        performance.getEntriesByName('peace-table:map').length > 0,
      undefined,
      { timeout: 30_000 },
    )
    .catch((error) => {
      throw errors.length > 0 ? new Error(`the page threw: ${errors.join('; ')}`) : error;
    });
  const times = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(`peace-table:${name}`)[0]?.startTime ?? Number.NaN;
    return { table: at('table'), map: at('map'), phaser: at('stage-start'), boot: at('stage-ready') };
  });
  return { times, page, context };
}

async function measurePanZoom(page) {
  const box = await page.locator('.stage-slot canvas').boundingBox();
  // The map is the right half of the projector's split stage.
  const x = box.x + box.width * 0.75;
  const y = box.y + box.height * 0.5;
  const frames = page.evaluate(
    () =>
      new Promise((resolve) => {
        const stamps = [];
        const start = performance.now();
        const tick = (now) => {
          stamps.push(now);
          if (now - start < 3000) requestAnimationFrame(tick);
          else resolve(stamps);
        };
        requestAnimationFrame(tick);
      }),
  );
  await page.mouse.move(x, y);
  const until = Date.now() + 3000;
  for (let i = 0; Date.now() < until; i += 1) {
    await page.mouse.wheel(0, i % 2 === 0 ? -120 : 120);
    await page.mouse.down();
    await page.mouse.move(x + ((i % 10) - 5) * 12, y + ((i % 6) - 3) * 10, { steps: 4 });
    await page.mouse.up();
  }
  const stamps = await frames;
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  const fps = (stamps.length - 1) / ((stamps.at(-1) - stamps[0]) / 1000);
  const p95 = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.95)];
  return { fps, p95 };
}

async function main() {
  ensureClientBuilt();
  const { initial, initialGz, lazy } = sizes();
  console.log(
    `first screen JS: ${kb(initialGz)} KB gzipped in ${initial.length} file(s) (budget ${BUDGET.initialKb} KB)`,
  );
  const lazyGz = lazy.reduce((sum, chunk) => sum + chunk.gz, 0);
  console.log(`loaded when needed: ${kb(lazyGz)} KB gzipped in ${lazy.length} file(s)`);
  for (const chunk of lazy) console.log(`  ${chunk.file} ${kb(chunk.gz)} KB gzipped`);
  const failures = [];
  if (initialGz / 1024 > BUDGET.initialKb) failures.push('first screen JS over budget');

  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('render timings skipped: no Chromium (set CHROMIUM_PATH or install the Debian package "chromium")');
    process.exitCode = failures.length > 0 ? 1 : 0;
    return;
  }
  const server = await startGameServer({ BOT_DELAY_MS: '1000' });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scenario: 'ukraine-2026',
        // Ukraine's seat waits for a person who never comes, so the session holds still while measured.
        seats: { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'bot' },
      }),
    });
    if (!response.ok) throw new Error(`could not create a session: ${await response.text()}`);
    const { code } = await response.json();
    const runs = [];
    let last;
    for (let i = 0; i < RUNS; i += 1) {
      if (last) await last.context.close();
      last = await measureRenders(browser, server.url, code);
      runs.push(last.times);
    }
    const table = median(runs.map((r) => r.table));
    const map = median(runs.map((r) => r.map));
    console.log(
      `first render, median of ${RUNS} loads: table ${table.toFixed(0)} ms (budget ${BUDGET.tableMs} ms), map ${map.toFixed(0)} ms`,
    );
    const phaser = median(runs.map((r) => r.phaser));
    const boot = median(runs.map((r) => r.boot));
    console.log(`  of which: Phaser evaluated at ${phaser.toFixed(0)} ms, its renderer ready at ${boot.toFixed(0)} ms`);
    if (table > BUDGET.tableMs) failures.push('table render over budget');
    const { fps, p95 } = await measurePanZoom(last.page);
    console.log(
      `map pan/zoom: ${fps.toFixed(1)} fps, 95th percentile frame ${p95.toFixed(1)} ms (software rendering, no GPU)`,
    );
    if (fps < BUDGET.fps) failures.push(`map pan/zoom below ${BUDGET.fps} fps`);
  } finally {
    await browser.close();
    await server.stop();
  }
  if (failures.length > 0) {
    console.log(`FAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts', 'bench-client.mjs')) {
  main().catch((error) => {
    console.error(`bench:client failed: ${error?.message ?? error}`);
    process.exit(1);
  });
}
