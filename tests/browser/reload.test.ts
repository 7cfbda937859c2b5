import { describe, expect, it } from 'vitest';
import { browserAvailable, newPage, shot, watchPage } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { makeStatement, openTab, playSolo, pressIfNot, waitForPhase, waitForScreen } from './support/ui.ts';

const available = browserAvailable();

const XSS = '<img src=x onerror=alert(1)>';
const NAME = '<b onmouseover=alert(2)>Olena</b>';

describe.skipIf(!available)('typed text and reloads in the browser', () => {
  const suite = useBrowserSuite();

  it('shows markup typed by players as text, and a reload keeps the seat', async () => {
    const page = await newPage(suite.browser);
    const watch = watchPage(page);
    await page.goto(suite.server.url);
    await page.getByRole('button', { name: 'Start the talks' }).and(page.locator(':enabled')).waitFor();
    await playSolo(page, suite.server.url, NAME, 'ukraine', 'standard');
    await waitForScreen(page, 'lobby');
    // The name appears as typed, and no element was created from it.
    await expect.poll(() => page.locator('table.roster').textContent()).toContain(NAME);
    expect(await page.locator('table.roster b').count()).toBe(0);
    await pressIfNot(page, 'We are ready');
    await waitForScreen(page, 'briefing');
    await pressIfNot(page, 'We have read it: ready');
    await waitForPhase(page, 'opening');
    await makeStatement(page, XSS);
    await waitForPhase(page, 'talks', 30_000);

    await openTab(page, 'Channels');
    await page.locator('form.post textarea').fill(XSS);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // The statement (shown in Plenary as it is made) and the message: both as typed, as text.
    const line = page.locator('.messages .text').filter({ hasText: XSS });
    await expect.poll(() => line.count()).toBe(2);
    expect(await line.allTextContents()).toEqual([XSS, XSS]);
    expect(await page.locator('.messages img').count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
    await shot(page, 'chat-markup-as-text');

    // Reload in the middle of the talks: the same seat, the same game, and the status line says so.
    const round = await page.locator('.phase-bar .month').textContent();
    const key = await page.evaluate(() => localStorage.getItem('peace-table.seats'));
    expect(key).toContain('"seatKey"');
    await page.reload();
    await waitForScreen(page, 'game');
    await expect
      .poll(() => page.locator('.status').textContent())
      .toBe('Connection restored: you are back in your seat.');
    expect(await page.locator('.phase-bar .month').textContent()).toBe(round);
    await openTab(page, 'Briefing');
    await expect.poll(() => page.locator('.briefing h2').textContent()).toBe('Briefing: Ukraine');
    await openTab(page, 'Channels');
    await expect.poll(() => line.count()).toBe(2);
    expect(await page.locator('main img').count()).toBe(0);
    await shot(page, 'after-reload');

    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 240_000);
});
