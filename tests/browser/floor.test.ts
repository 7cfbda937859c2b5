/**
 * The floor in the browser (issue 15): a solo player presses "Ready for drafts", waits ten seconds
 * (no computer draft closes tabling meanwhile), tables a draft of its own, answers the computer's
 * draft with its score, walk-away value and home conditions in front of it, and sees its own draft
 * answered by all three computer delegations, each with a reason. The opening statements are in
 * Plenary. Screens are checked with axe-core and photographed at two sizes, in both languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, newPage, shot, watchPage } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { chooseClauses, makeStatement, openTab, phaseOf, pressIfNot, sleep, soloToOpening } from './support/ui.ts';

const available = browserAvailable();

/** Photographs the page at a laptop's and a small classroom laptop's size. */
async function shotAtSizes(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, `${name}-${width}`);
  }
}
const OWN_DRAFT = { ceasefire: 'line-of-contact', guarantees: 'us-backstop', prisoners: 'all-for-all' };

describe.skipIf(!available)('the floor in the browser', () => {
  const suite = useBrowserSuite();

  it('a solo player tables its own draft after ten seconds and every computer delegation answers it with a reason', async () => {
    const page: Page = await newPage(suite.browser);
    const watch = watchPage(page);
    await soloToOpening(page, suite.server.url, 'Olena', 'ukraine', 'standard');
    await makeStatement(page, 'Ukraine wants a just and lasting peace.');
    await page.locator('main[data-phase="talks"]').waitFor({ timeout: 60_000 });

    // The opening statements, ours and the computer's, are in Plenary.
    await openTab(page, 'Channels');
    await expect
      .poll(() => page.locator('.messages').textContent())
      .toContain('Ukraine wants a just and lasting peace.');
    await expect.poll(() => page.locator('.messages li').count()).toBeGreaterThanOrEqual(4);

    await openTab(page, 'Proposal');
    await pressIfNot(page, 'Ready for drafts');
    await page.locator('main[data-phase="tabling"]').waitFor({ timeout: 60_000 });
    await sleep(10_000);
    // Nobody is out-raced: tabling waits for us.
    expect(await phaseOf(page)).toBe('tabling');
    await expect.poll(() => page.locator('.on-table').textContent()).toContain('Still to table or pass');
    await shotAtSizes(page, 'floor-tabling');
    await expectAccessible(page, 'tabling (the floor open)');
    await chooseClauses(page, OWN_DRAFT);
    await page.getByRole('button', { name: 'Table this draft' }).click();
    // The computer's delegations had tabled or passed: ours closes tabling, and every draft of the
    // round is revealed and answered in turn.
    await expect.poll(() => phaseOf(page), { timeout: 30_000 }).not.toBe('tabling');

    // Answer the computer's drafts (the chair's first) with the numbers in front of us; nothing preselected.
    let ownId: string | null = null;
    let answeredOne = false;
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const respondForm = page.locator('form.respond');
      if ((await phaseOf(page)) === 'responses' && (await respondForm.isVisible())) {
        expect(await respondForm.locator('input[type="radio"]:checked').count()).toBe(0);
        const figures = page.locator('.choice-figures');
        await expect.poll(() => figures.textContent()).toContain('Your score for this draft');
        const text = (await figures.textContent()) ?? '';
        expect(text).toContain('Your walk-away value now');
        expect(text).toContain('Difference');
        expect(text).toContain('Your home conditions');
        expect(text).toMatch(/passes|fails/);
        if (!answeredOne) {
          // The top of the panel says we are needed; its button brings the figures and the form into view.
          const callout = page.locator('.on-table .your-turn');
          expect(await callout.textContent()).toContain('Your answer is needed on this draft.');
          await callout.getByRole('button', { name: 'Go to your answer' }).click();
          await expect.poll(() => figures.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
          await shot(page, 'floor-answer-figures');
          await expectAccessible(page, 'answer panel');
          await page.getByRole('button', { name: 'Українська' }).click();
          await expect.poll(() => page.locator('.choice-figures').textContent()).toContain('Ваша оцінка проєкту');
          await shot(page, 'floor-answer-figures-uk');
          await page.getByRole('button', { name: 'English' }).click();
        }
        answeredOne = true;
        await respondForm.getByLabel('Reject', { exact: true }).check();
        await respondForm.locator('input[type="text"]').first().fill('Not while our land is occupied.');
        await respondForm
          .getByRole('button', { name: 'Send the response' })
          .click({ timeout: 5000 })
          .catch(() => undefined);
      }
      // Our draft, once answered, shows each answer with a reason (on the table, or as the last answered).
      const own = page
        .locator('.answers-block')
        .filter({ has: page.locator('li[data-answer="author"] [data-delegation="ukraine"]') });
      if ((await own.count()) > 0) {
        const lines = own.first().locator('.answer-lines > li');
        const states = await lines.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.answer));
        if (states.filter((s) => s === 'accept' || s === 'reject' || s === 'counter').length === 3) {
          for (const d of ['russia', 'us', 'europe']) {
            const line = own
              .first()
              .locator('.answer-lines > li')
              .filter({ has: page.locator(`[data-delegation="${d}"]`) });
            expect(await line.locator('.reasons li').count(), `${d} gives a reason`).toBeGreaterThan(0);
          }
          ownId = 'answered';
          break;
        }
      }
      if ((await phaseOf(page)) === 'signing') {
        await page
          .getByRole('button', { name: 'Decline to sign' })
          .click({ timeout: 2000 })
          .catch(() => undefined);
      }
      await sleep(500);
    }
    expect(ownId, 'our draft was answered by all three computer delegations').toBe('answered');
    expect(answeredOne, 'we answered a computer draft').toBe(true);
    await shotAtSizes(page, 'floor-answered');
    await page.getByRole('button', { name: 'Українська' }).click();
    await shot(page, 'floor-answered-uk');
    await expectAccessible(page, 'answers (Ukrainian)');
    await page.getByRole('button', { name: 'English' }).click();
    expect(watch.errors).toEqual([]);
  });
});
