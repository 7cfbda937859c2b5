/**
 * A solo game played through the UI as a new user would, from Home to the Debrief, against three
 * computer delegations: join, read the briefing, speak, table a draft with the builder, answer the
 * computer's drafts clause by clause, pull a lever, until the talks end. Every screen is checked
 * with axe-core and photographed into test-results/screens/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, newPage, shot, watchPage } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import {
  chooseClauses,
  makeStatement,
  openTab,
  phaseOf,
  playSolo,
  pressIfNot,
  sleep,
  waitForScreen,
} from './support/ui.ts';

const available = browserAvailable();

describe.skipIf(!available)('solo game in the browser', () => {
  const suite = useBrowserSuite();

  it('goes from Home to the Debrief against three computer delegations', async () => {
    const page: Page = await newPage(suite.browser);
    const watch = watchPage(page);
    await page.goto(suite.server.url);
    await page.getByRole('button', { name: 'Start the talks' }).and(page.locator(':enabled')).waitFor();
    await shot(page, 'home');
    await expectAccessible(page, 'home');

    await playSolo(page, suite.server.url, 'Olena', 'ukraine', 'novice');
    await waitForScreen(page, 'lobby');
    await shot(page, 'lobby');
    await expectAccessible(page, 'lobby');
    await pressIfNot(page, 'We are ready');

    await waitForScreen(page, 'briefing');
    await expect.poll(() => page.locator('.utility-sheet tbody tr').count()).toBeGreaterThan(10);
    await shot(page, 'briefing');
    await expectAccessible(page, 'briefing');
    await pressIfNot(page, 'We have read it: ready');

    await waitForScreen(page, 'game');
    await makeStatement(page, 'Ukraine wants a just and lasting peace.');
    await page.locator('main[data-phase="talks"]').waitFor({ timeout: 30_000 });
    await page.locator('.stage-slot canvas').waitFor();
    await shot(page, 'game-table');
    await expectAccessible(page, 'game (table)');

    await openTab(page, 'Levers');
    const usable = page.locator('.lever').filter({ has: page.getByRole('button', { name: 'Use', disabled: false }) });
    const leverId = await usable.first().getAttribute('data-lever');
    const lever = page.locator(`.lever[data-lever="${leverId}"]`);
    await lever.getByRole('button', { name: 'Use' }).click();
    await expect.poll(() => lever.textContent()).toContain('Used this round');
    await shot(page, 'levers');
    await expectAccessible(page, 'levers');

    await openTab(page, 'Channels');
    await shot(page, 'channels');
    await expectAccessible(page, 'channels');
    await page.getByRole('button', { name: 'Map' }).click();
    await sleep(1500);
    await shot(page, 'game-map');
    await page.getByRole('button', { name: 'Table' }).click();

    await openTab(page, 'Proposal');
    await pressIfNot(page, 'Ready for drafts');

    // Play on as a person would until the talks end: table one draft built with the builder when
    // it is our turn, answer every draft clause by clause, pass, decline to sign.
    const deadline = Date.now() + 240_000;
    let tabled = false;
    let responded = false;
    while ((await page.locator('main').getAttribute('data-screen')) !== 'debrief') {
      expect(Date.now(), 'the talks should end before the test times out').toBeLessThan(deadline);
      const phase = await phaseOf(page);
      const respondForm = page.locator('form.respond');
      const tableButton = page.getByRole('button', { name: 'Table this draft' });
      if (phase === 'tabling' && !tabled) {
        // A small humanitarian draft: the hints show its score and who must sign it.
        await chooseClauses(page, { prisoners: 'all-for-all', children: 'return-verified' });
        await expect
          .poll(() => page.locator('.hints').textContent())
          .toContain('Must be signed by: Ukraine and Russia');
        await shot(page, 'builder');
        await expectAccessible(page, 'builder');
        if (await tableButton.isEnabled()) await tableButton.click();
        tabled = true;
      } else if (phase === 'responses' && (await respondForm.isVisible())) {
        if (!responded) await shot(page, 'respond');
        responded = true;
        await respondForm.getByLabel('Reject', { exact: true }).check();
        await respondForm.locator('input[type="text"]').first().fill('Not while our land is occupied.');
        await respondForm
          .getByRole('button', { name: 'Send the response' })
          .click({ timeout: 2000 })
          .catch(() => undefined);
      } else if (phase === 'talks') {
        await pressIfNot(page, 'Ready for drafts').catch(() => undefined);
      } else if (phase === 'tabling') {
        await page
          .getByRole('button', { name: 'Pass this round' })
          .click({ timeout: 2000 })
          .catch(() => undefined);
      } else if (phase === 'signing') {
        await page
          .getByRole('button', { name: 'Decline to sign' })
          .click({ timeout: 2000 })
          .catch(() => undefined);
      }
      await sleep(400);
    }
    await page.locator('.outcome h2').waitFor();
    expect(await page.locator('table.scores tbody tr').count()).toBe(4);
    // The timeline is folded under the months' chart: a student opens it.
    await page.locator('details.timeline summary').click();
    await page.locator('.timeline li').first().waitFor();
    await shot(page, 'debrief');
    await expectAccessible(page, 'debrief');
    expect(watch.errors).toEqual([]);
  }, 360_000);
});
