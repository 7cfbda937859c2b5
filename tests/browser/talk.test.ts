/**
 * The table talks back, in the browser: a solo Ukraine writes to Russia in their bilateral channel
 * and sees Russia typing, then Russia's answer in that channel; a structured move (ask about an
 * issue) gets an answer too; the channel reads in Ukrainian when the player switches language.
 * Every state is checked with axe-core and photographed into test-results/screens/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  expectAccessible,
  newPage,
  type RunningServer,
  SHOTS,
  shot,
  startServer,
  watchPage,
} from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { openTab, playSolo, pressIfNot, waitForScreen } from './support/ui.ts';

const available = browserAvailable();

/** The channel panel alone, whole (the side column scrolls, so a page shot cuts it). */
async function panelShot(page: Page, name: string) {
  await page.locator('section.channels').screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe.skipIf(!available)('the computer delegations talk back', () => {
  const suite = useBrowserSuite({ server: false });
  // The computer's pause as in a real session (the other suites shorten it), so its typing shows.
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ BOT_DELAY_MS: '1500' });
  }, 180_000);
  afterAll(() => server?.stop());

  it('a bilateral message to Russia gets a reply in that channel', async () => {
    const page: Page = await newPage(suite.browser);
    const watch = watchPage(page);
    await playSolo(page, server.url, 'Olena', 'ukraine', 'standard');
    await waitForScreen(page, 'lobby');
    await pressIfNot(page, 'We are ready');
    await waitForScreen(page, 'briefing');
    await pressIfNot(page, 'We have read it: ready');
    await waitForScreen(page, 'game');

    await openTab(page, 'Channels');
    await page
      .locator('.channel-list')
      .getByRole('button', { name: /^With Russia/ })
      .click();
    await expect.poll(() => page.locator('#channel-title').textContent()).toBe('With Russia');
    const russian = page.locator('.messages li[data-from="russia"]');
    await page.getByRole('textbox', { name: 'With Russia' }).fill('What do you need on Crimea?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // Russia takes a moment, as a person would, and says so.
    await expect
      .poll(() => page.locator('.channels .typing').textContent(), { timeout: 15_000 })
      .toBe('Russia is typing…');
    await shot(page, 'talk-typing');
    await russian.first().waitFor({ timeout: 30_000 });
    expect(await russian.first().locator('.text').textContent()).toContain('On Legal status of Crimea, we need');
    await expect.poll(() => page.locator('.channels .typing').textContent()).toBe('');
    await shot(page, 'talk-reply');
    await panelShot(page, 'talk-channel');
    await expectAccessible(page, 'channels with a reply');

    // A structured move: ask about an issue, answered from Russia's own model.
    const moves = page.locator('fieldset.moves');
    await moves.getByLabel('Issue').selectOption({ label: 'Ukraine and NATO' });
    await moves.getByRole('button', { name: 'Ask what they need' }).click();
    await expect.poll(() => russian.count(), { timeout: 30_000 }).toBe(2);
    await moves.scrollIntoViewIfNeeded();
    await moves.screenshot({ path: path.join(SHOTS, 'talk-moves.png') });
    expect(await russian.nth(1).locator('.text').textContent()).toContain('On Ukraine and NATO, we need');
    await expectAccessible(page, 'channels after a move');
    // Both answers were read as they came: leaving the channel brings no stale "new message" toast.
    await openTab(page, 'Proposal');
    await page.waitForTimeout(500);
    expect(await page.locator('.notice', { hasText: /new messages? .*from Russia/ }).count()).toBe(0);
    await openTab(page, 'Channels');
    // Announcements are read, not written, by a delegation: no box to write in, a line saying what comes there.
    const list = page.locator('.channel-list');
    await list.getByRole('button', { name: /^Announcements/ }).click();
    await expect.poll(() => page.locator('#channel-title').textContent()).toBe('Announcements');
    expect(await page.locator('.channels form.post').isVisible()).toBe(false);
    expect(await page.locator('.channel-view').textContent()).toContain("The world's events and the facilitator's");
    await list.getByRole('button', { name: /^With Russia/ }).click();
    await expect.poll(() => page.locator('#channel-title').textContent()).toBe('With Russia');

    // In Ukrainian, the same answers read in Ukrainian.
    await page.getByRole('button', { name: 'Українська' }).click();
    await expect.poll(() => russian.first().locator('.text').textContent()).toContain('Правовий статус Криму');
    await shot(page, 'talk-reply-uk');
    await panelShot(page, 'talk-channel-uk');
    await moves.scrollIntoViewIfNeeded();
    await moves.screenshot({ path: path.join(SHOTS, 'talk-moves-uk.png') });
    await expectAccessible(page, 'channels in Ukrainian');
    expect(watch.errors).toEqual([]);
  }, 180_000);
});
