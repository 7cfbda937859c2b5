/**
 * The debrief's pictures as a facilitator uses them after a session four computer delegations
 * played: the charts with their text alternatives, the replay scrubber moving the map and the
 * indicators, a what-if with its progress bar and distribution, the figures' download with the
 * what-if in it, the printed handout, and the same page in Ukrainian and on a small laptop. Every
 * state is checked with axe-core and photographed into test-results/screens/.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, newPage, shot, watchPage } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { hostSession, sleep, waitForScreen } from './support/ui.ts';

const available = browserAvailable();
/** Each replay step is a request to a server that may be busy: allow it time. */
const POLL = { timeout: 15_000 };
const ALL_COMPUTER = {
  Ukraine: 'Computer',
  Russia: 'Computer',
  'United States': 'Computer',
  Europe: 'Computer',
} as const;

/** The indicators the replay lists beside the map, as text. */
const indicators = (page: Page) => page.locator('.replay-indicators tbody').textContent();
/** The map's text view (the canvas's words): the zones and lines the map draws at that step. */
const mapText = (page: Page) => page.locator('.replay-section .map-text').textContent();

describe.skipIf(!available)('debrief pictures in the browser', () => {
  const suite = useBrowserSuite();

  it('shows the charts, replays the session and runs a what-if', async () => {
    const page: Page = await newPage(suite.browser);
    const watch = watchPage(page);
    await hostSession(page, suite.server.url, ALL_COMPUTER);
    await waitForScreen(page, 'debrief', 240_000);

    // The pictures load with the debrief: every chart is an image named by its title and description.
    await page.locator('.deal-section svg.chart').waitFor({ timeout: 30_000 });
    await page.locator('.months-section svg.chart').first().waitFor();
    for (const chart of await page.locator('svg.chart').all()) {
      const labelledBy = (await chart.getAttribute('aria-labelledby')) ?? '';
      expect(await chart.getAttribute('role')).toBe('img');
      const [title, desc] = labelledBy.split(' ');
      expect((await page.locator(`[id="${title}"]`).textContent())?.length).toBeGreaterThan(5);
      expect((await page.locator(`[id="${desc}"]`).textContent())?.length).toBeGreaterThan(20);
    }
    // ... and its data is a table for screen readers (and for anyone who opens it).
    expect(await page.locator('.deal-section .chart-table table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.months-section .chart-table table tbody tr').count()).toBeGreaterThan(0);
    // The deal table: one row per delegation, the explanation a student reads.
    expect(await page.locator('.deal-table tbody tr').count()).toBe(4);
    expect((await page.locator('.deal-section .explanation').textContent())?.length).toBeGreaterThan(100);
    await shot(page, 'debrief-pictures');
    await expectAccessible(page, 'debrief pictures');

    // Another pair of delegations redraws the chart.
    const chartBefore = await page.locator('.deal-section svg.chart').innerHTML();
    await page.locator('.pair-pickers select').last().selectOption('europe');
    await expect.poll(() => page.locator('.deal-section svg.chart').innerHTML(), POLL).not.toBe(chartBefore);

    // The replay opens at the end; scrubbing to the start moves the map and the indicators.
    const slider = page.locator('#replay-step');
    const steps = Number(await slider.getAttribute('max'));
    expect(steps).toBeGreaterThan(20);
    await expect.poll(() => page.locator('.replay-where').textContent(), POLL).toContain(`${steps}`);
    await expect.poll(() => indicators(page), POLL).not.toBe('');
    const endIndicators = await indicators(page);
    const endMap = await mapText(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => indicators(page), POLL).not.toBe(endIndicators);
    await expect.poll(() => mapText(page), POLL).not.toBe(endMap);
    await expect.poll(() => page.locator('#replay-step').inputValue(), POLL).toBe('0');
    // The slider, as a person drags it, to the middle of the talks.
    const middle = Math.floor(steps / 2);
    await slider.fill(String(middle));
    await expect.poll(() => page.locator('.replay-where').textContent(), POLL).toContain(`${middle}`);
    await expect.poll(() => page.locator('.whatif-moment').textContent(), POLL).toContain(`${middle}`);
    await sleep(1500); // the stage redraws the table and map of that step
    await shot(page, 'debrief-replay');

    // What would usually have happened from here: a batch with a progress bar, then its distribution.
    await page.locator('#whatif-games').fill('400');
    await page.getByRole('button', { name: 'Play the games' }).click();
    await page.locator('.whatif-progress progress').waitFor();
    await page.locator('.whatif-result').waitFor({ timeout: 120_000 });
    const result = page.locator('.whatif-result').first();
    expect(await result.getAttribute('data-games')).toBe('400');
    expect(await result.locator('svg.chart').count()).toBe(2);
    const shares = await result.locator('table.chart-data').first().locator('td').allTextContents();
    const total = shares.reduce((sum, s) => sum + Number.parseInt(s, 10), 0);
    expect(total).toBeGreaterThanOrEqual(97); // rounded percentages of every outcome
    expect(total).toBeLessThanOrEqual(103);
    expect(await result.locator('table.chart-data').last().locator('tbody tr').count()).toBe(4);
    await shot(page, 'debrief-whatif');
    await expectAccessible(page, 'debrief what-if');

    // The figures download with the what-if in it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the figures (JSON)' }).click(),
    ]);
    const figures = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(figures.whatIfs).toHaveLength(1);
    expect(figures.whatIfs[0].games).toBe(400);
    expect(figures.deal.rows).toHaveLength(4);

    // The handout: the charts print, the controls do not.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.deal-section svg.chart').isVisible()).toBe(true);
    expect(await page.locator('.whatif-result svg.chart').first().isVisible()).toBe(true);
    expect(await page.locator('.replay-controls').isVisible()).toBe(false);
    expect(await page.locator('.pair-pickers').isVisible()).toBe(false);
    await shot(page, 'debrief-print');
    await page.emulateMedia({ media: 'screen' });

    // In Ukrainian, on a small classroom laptop.
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect.poll(() => page.locator('main h1').first().textContent(), POLL).toBe('Підсумки');
    await page.locator('.deal-section svg.chart').waitFor({ timeout: 30_000 });
    await page.locator('.replay-indicators').waitFor();
    await sleep(1500);
    // The replay stays where it was, on the same step.
    await expect.poll(() => page.locator('#replay-step').inputValue(), POLL).toBe(String(middle));
    await expect.poll(() => page.locator('.replay-where').textContent(), POLL).toContain(`${middle}`);
    // The what-if run in English is still there, now in Ukrainian, and still in the figures.
    await expect.poll(() => page.locator('.whatif-result').count(), POLL).toBe(1);
    expect(await page.locator('.whatif-result').first().getAttribute('data-games')).toBe('400');
    expect(await page.locator('.whatif-result h4').first().textContent()).toMatch(/^Крок \d+, 400 партій/);
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Завантажити показники (JSON)' }).click(),
    ]);
    expect(JSON.parse(await readFile((await again.path()) as string, 'utf8')).whatIfs).toHaveLength(1);
    await shot(page, 'debrief-pictures-uk-1024');
    await expectAccessible(page, 'debrief pictures (uk)');
    expect(watch.errors).toEqual([]);

    // A page whose charts cannot load (the server was updated since it opened, or the network
    // dropped) says so and offers a reload, instead of showing nothing.
    await page.getByRole('button', { name: 'English' }).click();
    await page.route(/pictures-[^/]*\.js$/, (route) => route.abort());
    await page.reload();
    await waitForScreen(page, 'debrief', 60_000);
    const failed = page.locator('.debrief-pictures-slot [role="status"]', {
      hasText: 'The charts could not be loaded',
    });
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.getByRole('button', { name: 'Reload the page' }).count()).toBe(1);
    await page.unroute(/pictures-[^/]*\.js$/);
  }, 420_000);
});
