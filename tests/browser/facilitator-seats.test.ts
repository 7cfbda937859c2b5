/**
 * The facilitator's seat tools in the browser, checked on both sides: from the console's Seats tab
 * a facilitator hands Ukraine to the computer and back, moves a student to another delegation and
 * removes one from the session; each student's page says what happened to them and lets them do
 * only what they still may. Before that, the host form itself: seats chosen while the scenario is
 * still loading are the seats the session gets.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, newPage, shot, watchPage } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import {
  hostSession,
  joinWithCode,
  makeStatement,
  openTab,
  pressIfNot,
  waitForPhase,
  waitForScreen,
} from './support/ui.ts';

const available = browserAvailable();

/** The facilitator's row for one delegation on the Seats tab, and its status cell. */
const seatRow = (facilitator: Page, delegation: string) =>
  facilitator.locator(`table.roster tr[data-delegation="${delegation}"]`);
const seatStatus = (facilitator: Page, delegation: string) =>
  seatRow(facilitator, delegation).locator('td').nth(1).textContent();

const statusOf = (page: Page) => page.locator('.status').textContent();
const noticesOf = (page: Page) => page.locator('.notices').textContent();

/** Posts in the channel shown. */
async function write(page: Page, text: string) {
  await page.locator('form.post textarea').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

describe.skipIf(!available)('facilitator seat tools in the browser', () => {
  const suite = useBrowserSuite();

  it('hands a seat to the computer and back, moves a student and removes one, as both sides see it', async () => {
    const facilitator = await newPage(suite.browser);
    const watched = [watchPage(facilitator)];
    const code = await hostSession(facilitator, suite.server.url, {
      Ukraine: 'People',
      Russia: 'People',
      'United States': 'Computer',
      Europe: 'Computer',
    });
    const olena = await newPage(suite.browser);
    const ivan = await newPage(suite.browser);
    watched.push(watchPage(olena), watchPage(ivan));
    await joinWithCode(olena, suite.server.url, code, 'Olena', 'Ukraine');
    await joinWithCode(ivan, suite.server.url, code, 'Ivan', 'Russia');
    for (const page of [olena, ivan]) await waitForScreen(page, 'lobby');
    for (const page of [olena, ivan]) await pressIfNot(page, 'We are ready');
    for (const page of [olena, ivan]) await waitForScreen(page, 'briefing');
    for (const page of [olena, ivan]) await pressIfNot(page, 'We have read it: ready');
    await waitForPhase(olena, 'opening');
    await makeStatement(olena, 'Ukraine wants a just and lasting peace.');
    await waitForPhase(ivan, 'opening');
    await makeStatement(ivan, 'Russia wants its security interests heard.');
    for (const d of ['us', 'europe']) expect(await seatStatus(facilitator, d)).toBe('Played by the computer');
    // The talks hold until every delegation is ready for drafts; nobody here says so.
    for (const page of [olena, ivan, facilitator]) await waitForPhase(page, 'talks', 30_000);
    await expect.poll(() => seatRow(facilitator, 'russia').textContent()).toContain('Ivan');

    // 1. The facilitator hands Ukraine to the computer.
    await seatRow(facilitator, 'ukraine').getByRole('button', { name: 'Hand to the computer' }).click();
    await expect.poll(() => seatStatus(facilitator, 'ukraine')).toBe('Played by the computer');
    await seatRow(facilitator, 'ukraine').getByRole('button', { name: 'Give back to the people' }).waitFor();
    await expect.poll(() => noticesOf(olena)).toContain('The computer now plays Ukraine.');
    const botNote = olena.locator('.bot-note');
    await expect.poll(() => botNote.textContent()).toMatch(/^The computer is playing your delegation right now\./);
    // Olena tries to speak for her delegation anyway: the server refuses and her page says why.
    await openTab(olena, 'Channels');
    await write(olena, 'Can we still talk?');
    // (The wording is the client's translation of the server's `bot_controlled` refusal.)
    await expect.poll(() => olena.locator('form.post .refusal').textContent()).toMatch(/the computer/i);
    expect(await olena.locator('.messages').textContent()).not.toContain('Can we still talk?');
    await shot(olena, 'seat-to-computer-student');
    await shot(facilitator, 'seat-to-computer-console');
    await expectAccessible(olena, 'game (seat played by the computer)');
    await expectAccessible(facilitator, 'console (seat played by the computer)');

    // 2. ... and gives it back.
    await seatRow(facilitator, 'ukraine').getByRole('button', { name: 'Give back to the people' }).click();
    // Handing back also withdraws the computer's "ready" (the people start not ready): give the
    // loaded machine a little longer than the default second for both changes to arrive.
    await expect.poll(() => seatStatus(facilitator, 'ukraine'), { timeout: 10_000 }).not.toBe('Played by the computer');
    await seatRow(facilitator, 'ukraine').getByRole('button', { name: 'Hand to the computer' }).waitFor();
    await expect.poll(() => noticesOf(olena), { timeout: 10_000 }).toContain('Ukraine is back in human hands.');
    await botNote.waitFor({ state: 'hidden' });
    await write(olena, 'Back in our hands.');
    await olena.locator('.messages .text').filter({ hasText: 'Back in our hands.' }).waitFor();
    await olena.locator('form.post .refusal').waitFor({ state: 'hidden' });
    await openTab(facilitator, 'All channels');
    await expect.poll(() => facilitator.locator('.messages').textContent()).toContain('Back in our hands.');
    await openTab(facilitator, 'Seats');
    await shot(olena, 'seat-back-to-people-student');

    // 3. The facilitator moves Ivan from Russia to Ukraine.
    await facilitator.getByLabel('Move Ivan to').selectOption({ label: 'Ukraine' });
    await expect.poll(() => seatRow(facilitator, 'ukraine').locator('ul.people').textContent()).toContain('Ivan');
    await expect.poll(() => seatRow(facilitator, 'russia').locator('ul.people').textContent()).toBe('nobody yet');
    expect(await seatStatus(facilitator, 'russia')).toBe('Waiting for players');
    await expect.poll(() => noticesOf(ivan)).toContain('The facilitator moved you to Ukraine.');
    // The table Olena sees reads the emptied seat as just that: no activity, no "(offline)".
    const tableText = olena.locator('.table-text');
    await expect.poll(() => tableText.textContent()).toContain('Russia: nobody yet.');
    expect(await tableText.textContent()).not.toContain('Russia (nobody yet)');
    // His page now sits with Ukraine: its briefing, and its private channel shared with Olena.
    await openTab(ivan, 'Briefing');
    await expect.poll(() => ivan.locator('.briefing h2').textContent()).toBe('Briefing: Ukraine');
    await openTab(ivan, 'Channels');
    await ivan.getByRole('button', { name: /^Our delegation \(private\)/ }).click();
    await write(ivan, 'Ivan here: I sit with Ukraine now.');
    await olena.getByRole('button', { name: /^Our delegation \(private\)/ }).click();
    await expect.poll(() => olena.locator('.messages').textContent()).toContain('Ivan here: I sit with Ukraine now.');
    await shot(ivan, 'seat-moved-student');
    await shot(facilitator, 'seat-moved-console');

    // 4. The facilitator removes Ivan from the session (after confirming).
    const ivanEntry = seatRow(facilitator, 'ukraine').locator('ul.people > li').filter({ hasText: 'Ivan' });
    await ivanEntry.getByRole('button', { name: 'Remove' }).click();
    await facilitator.getByRole('dialog', { name: 'Remove Ivan?' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => ivanEntry.count()).toBe(0);
    expect(await seatRow(facilitator, 'ukraine').locator('ul.people').textContent()).toContain('Olena');
    await expect
      .poll(() => statusOf(ivan))
      .toBe('You have left the session: The facilitator removed you from this session.');
    await expect.poll(() => noticesOf(ivan)).toContain('The facilitator removed you from this session.');
    // His game stays on screen but takes no more input: the chat box cannot even be focused.
    expect(await ivan.locator('main').getAttribute('data-screen')).toBe('game');
    expect(await ivan.locator('main').getAttribute('inert')).not.toBeNull();
    const chatBox = ivan.locator('form.post textarea');
    await chatBox.focus();
    expect(await chatBox.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(false);
    // Olena's page is not touched.
    expect(await olena.locator('main').getAttribute('inert')).toBeNull();
    await shot(ivan, 'seat-removed-student');
    await shot(facilitator, 'seat-removed-console');
    await expectAccessible(ivan, 'removed from the session');
    // His browser forgot the seat: opening the game again goes to Home, tries no dead key and
    // offers no rejoin.
    await ivan.reload();
    await waitForScreen(ivan, 'home');
    expect(await statusOf(ivan)).toBe('');
    expect(await ivan.locator('section.rejoin').count()).toBe(0);
    await shot(ivan, 'seat-removed-reload');
    await expectAccessible(ivan, 'home (seat forgotten)');
    // Olena plays on, undisturbed.
    await write(olena, 'Ukraine continues.');
    await olena.locator('.messages .text').filter({ hasText: 'Ukraine continues.' }).waitFor();
    // Still connected (the "Connected." line itself goes away after a few seconds).
    expect(await olena.locator('.status').getAttribute('data-state')).toBe('connected');

    for (const w of watched) expect(w.errors).toEqual([]);
    // The removal was confirmed in the page's own dialog: no browser dialog opened anywhere.
    for (const w of watched) expect(w.dialogs).toEqual([]);
  }, 240_000);
  it('keeps the seats a facilitator chose while the scenario was still loading', async () => {
    const page = await newPage(suite.browser);
    const watch = watchPage(page);
    // A slow classroom network: the scenario's public data arrives after the form is usable.
    await page.route('**/api/scenarios/*', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(suite.server.url);
    const form = page.locator('form[aria-labelledby="host-title"]');
    await form.getByLabel('Russia', { exact: true }).selectOption({ label: 'Computer' });
    await form.getByLabel('Europe', { exact: true }).selectOption({ label: 'Computer' });
    await page.locator('input[name="solo-delegation"][value="russia"]').check();
    // The scenario arrives: the choice now shows the chosen delegation's public position ...
    await expect
      .poll(() => page.locator('fieldset:has(input[name="solo-delegation"]) .chosen-hint').textContent(), {
        timeout: 10_000,
      })
      .not.toBe('');
    // ... and still hold what was chosen.
    expect(await form.getByLabel('Russia', { exact: true }).inputValue()).toBe('bot');
    expect(await form.getByLabel('Europe', { exact: true }).inputValue()).toBe('bot');
    expect(await form.getByLabel('Ukraine', { exact: true }).inputValue()).toBe('human');
    expect(await page.locator('input[name="solo-delegation"][value="russia"]').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Create the session' }).click();
    await waitForScreen(page, 'console');
    await expect.poll(() => seatStatus(page, 'russia')).toBe('Played by the computer');
    expect(await seatStatus(page, 'europe')).toBe('Played by the computer');
    expect(await seatStatus(page, 'ukraine')).toBe('Waiting for players');
    expect(watch.errors).toEqual([]);
  }, 60_000);
});
