/**
 * A partial deal in the browser: a solo Ukraine tables a prisoner exchange and the return of
 * deported children, the computer's delegations accept it, Ukraine signs, and once it is ratified
 * the table keeps it, as "Agreed and in force", on the canvas's screen-reader text and in the On the
 * table panel, through the next month's phases. Photographed in both languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, newPage, shot, watchPage } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { chooseClauses, makeStatement, openTab, phaseOf, pressIfNot, sleep, soloToOpening } from './support/ui.ts';

const available = browserAvailable();
const PARTIAL = { prisoners: 'all-for-all', children: 'return-verified' };

describe.skipIf(!available)('a partial deal in the browser', () => {
  const suite = useBrowserSuite();

  it('a signed and ratified prisoner exchange stays on the table as agreed and in force', async () => {
    const page: Page = await newPage(suite.browser);
    const watch = watchPage(page);
    await soloToOpening(page, suite.server.url, 'Olena', 'ukraine', 'standard');
    await makeStatement(page, 'Bring our people home first.');
    await page.locator('main[data-phase="talks"]').waitFor({ timeout: 60_000 });
    await openTab(page, 'Proposal');
    await pressIfNot(page, 'Ready for drafts');
    await page.locator('main[data-phase="tabling"]').waitFor({ timeout: 60_000 });
    await chooseClauses(page, PARTIAL);
    await page.getByRole('button', { name: 'Table this draft' }).click();

    // Answer the computer's drafts (reject), sign ours when it is accepted, until the next month's talks.
    const inForce = page.locator('.on-table .in-force');
    const deadline = Date.now() + 180_000;
    let signed = false;
    while (Date.now() < deadline && (await inForce.count()) === 0) {
      const respondForm = page.locator('form.respond');
      if ((await phaseOf(page)) === 'responses' && (await respondForm.isVisible())) {
        await respondForm.getByLabel('Reject', { exact: true }).check();
        await respondForm
          .getByRole('button', { name: 'Send the response' })
          .click({ timeout: 5000 })
          .catch(() => undefined);
      }
      if ((await phaseOf(page)) === 'signing') {
        const callout = page.locator('.on-table .your-turn');
        if ((await callout.count()) > 0) {
          expect(await callout.textContent()).toContain('Your signature is needed on this draft.');
          await shot(page, 'partial-signing');
          await page
            .getByRole('button', { name: 'Sign', exact: true })
            .click({ timeout: 2000 })
            .then(() => {
              signed = true;
            })
            .catch(() => undefined);
        }
      }
      await sleep(400);
    }
    expect(signed, 'we signed our draft').toBe(true);
    await expect.poll(() => inForce.textContent(), { timeout: 30_000 }).toContain('Agreed and in force:');
    const line = await inForce.locator('li').first().textContent();
    expect(line).toContain('Prisoners of war: All-for-all exchange');
    expect(line).toContain('Deported children: Verified return');
    expect(line).toMatch(/\(March 2026\)$/);
    // The canvas says the same to a screen reader (the table's text view).
    await expect.poll(() => page.locator('.stage-text').textContent()).toContain('Agreed and in force:');
    await shot(page, 'partial-in-force');
    await expectAccessible(page, 'a partial deal in force');

    // Through the next tabling too, beside whatever is drafted then.
    await pressIfNot(page, 'Ready for drafts');
    await page.locator('main[data-phase="tabling"]').waitFor({ timeout: 60_000 });
    expect(await inForce.textContent()).toContain('Prisoners of war: All-for-all exchange');
    await page.getByRole('button', { name: 'Українська' }).click();
    await expect.poll(() => inForce.textContent()).toContain('Погоджено й чинне:');
    await shot(page, 'partial-in-force-uk');
    await page.getByRole('button', { name: 'English' }).click();

    // Walking out asks first, in the app's own dialog with the reason in it; staying changes nothing.
    await page.getByRole('button', { name: 'Walk out of the talks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Walk out of the talks? This cannot be undone.' });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: /Why do you walk out/ }).count()).toBe(1);
    await expectAccessible(page, 'the walk-out dialog');
    await dialog.getByRole('button', { name: 'Stay at the table' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await phaseOf(page)).toBe('tabling');
    expect(watch.errors).toEqual([]);
  }, 300_000);
});
