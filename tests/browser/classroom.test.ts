/// <reference lib="dom" />
/**
 * A class without dead ends, in the browser as a teacher and students meet it: two games in a row
 * in the same tab, a join link that opens its own session although the tab holds a seat of another,
 * the console's join link on the machine's network address with a QR code that decodes to it, a
 * projector showing both large, a confirmation before an event that ends the talks, and the main
 * action of each screen inside a classroom laptop's 1024×700 window.
 *
 * The network address the server prints is read and compared, never connected to: every page here
 * is opened on the loopback address.
 */
import { networkInterfaces } from 'node:os';
import type { Page } from 'playwright-core';
import { decodeQR } from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { networkAddresses } from '../../server/src/net/roomAddress.ts';
import { browserAvailable, expectAccessible, newPage, shot, watchPage } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { hostSession, playSolo, pressIfNot, waitForPhase, waitForScreen } from './support/ui.ts';

const available = browserAvailable();

/** Fails unless the element is entirely inside the window: the main action needs no scrolling. */
async function expectInViewport(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  const size = page.viewportSize();
  expect(box, selector).not.toBeNull();
  if (!box || !size) return;
  expect(box.y, `${selector} top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${selector} bottom`).toBeLessThanOrEqual(size.height);
  expect(box.x + box.width, `${selector} right`).toBeLessThanOrEqual(size.width);
}

/** A session made through the API (as another teacher's console would), with its join code. */
async function createSession(url: string, seats: Record<string, 'human' | 'bot'>): Promise<string> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'ukraine-2026', seats }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

/** The QR code as the browser draws it: the SVG painted onto a canvas, its pixels decoded here. */
async function decodeShownQr(page: Page, selector: string): Promise<string> {
  const image = await page.locator(selector).evaluate(async (svg) => {
    const source = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
    await img.decode();
    const size = 400;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.drawImage(img, 0, 0, size, size);
    return { width: size, height: size, data: [...g.getImageData(0, 0, size, size).data] };
  });
  return decodeQR({ width: image.width, height: image.height, data: new Uint8Array(image.data) }, { format: 'RGBA' });
}

describe.skipIf(!available)('a class without dead ends, in the browser', () => {
  const suite = useBrowserSuite();

  it('plays two games in a row in one tab, and a join link opens its own session over a held seat', async () => {
    const page = await newPage(suite.browser, 1024, 700);
    const watch = watchPage(page);
    await page.goto(suite.server.url);
    const start = page.locator('form[aria-labelledby="solo-title"] button[type="submit"]');
    await start.and(page.locator(':enabled')).waitFor();
    // Once the scenario has loaded (its summary and the chosen delegation's position shown), too.
    await expect
      .poll(() => page.locator('fieldset:has(input[name="solo-delegation"]) .chosen-hint').textContent(), {
        timeout: 10_000,
      })
      .not.toBe('');
    await expectInViewport(page, 'form[aria-labelledby="solo-title"] button[type="submit"]');
    await expectInViewport(page, 'form[aria-labelledby="join-title"] button[type="submit"]');
    await shot(page, 'classroom-home-1024');

    // First game: solo, then "Leave the session".
    await playSolo(page, suite.server.url, 'Olena', 'ukraine', 'standard');
    await waitForScreen(page, 'lobby');
    await expectInViewport(page, '.ready-toggle button');
    await page.getByRole('button', { name: 'Leave the session' }).click();
    // Leaving gives up the place in the delegation: the game asks first.
    await page.getByRole('dialog', { name: 'Leave the session?' }).getByRole('button', { name: 'Leave' }).click();
    await waitForScreen(page, 'home');

    // Second game in the same tab, without a reload: it must reach the lobby (it hung on "connecting").
    const form = page.locator('form[aria-labelledby="solo-title"]');
    await form.getByLabel('Your name').fill('Olena');
    await form.getByRole('button', { name: 'Start the talks' }).click();
    await waitForScreen(page, 'lobby', 15_000);
    await pressIfNot(page, 'We are ready');
    await waitForScreen(page, 'briefing');
    await pressIfNot(page, 'We have read it: ready');
    await waitForScreen(page, 'game');
    await shot(page, 'classroom-second-game-1024');
    await expectAccessible(page, 'game at 1024×700');

    // A link to another session, opened in this tab while it holds a seat here: the new session's join form.
    const other = await createSession(suite.server.url, { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'bot' });
    await page.goto(`${suite.server.url}/?join=${other}`);
    await waitForScreen(page, 'home');
    const join = page.locator('form[aria-labelledby="join-title"]');
    expect((await join.getByLabel('Join code').inputValue()).replace(/\s/g, '')).toBe(other);
    await join.getByLabel('Your name').fill('Olena');
    await join.getByLabel('Ukraine', { exact: true }).check();
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForScreen(page, 'lobby');
    await expect
      .poll(() => page.locator('.code-line').textContent(), { timeout: 10_000 })
      .toContain(`${other.slice(0, 3)} ${other.slice(3)}`);
    // A reload stays in the session the link named.
    await page.reload();
    await waitForScreen(page, 'lobby');
    await expect.poll(() => page.locator('.code-line').textContent(), { timeout: 10_000 }).toContain(other.slice(3));
    // "Connection restored" is news: it goes away.
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 10_000 }).toBe('');
    expect(watch.errors).toEqual([]);
  }, 240_000);

  it('shows students a network address and its QR code, and lets a breakthrough in without ending the talks', async () => {
    // What `npm start` printed: every non-loopback IPv4 address of this machine, read, never opened.
    const printed = [...suite.server.output().matchAll(/^ {2}(?:Students open:)? +(http:\/\/[\d.]+:\d+\/) +\(/gm)].map(
      (m) => m[1],
    );
    const expected = networkAddresses(suite.server.port, networkInterfaces()).map((a) => a.url);
    expect(printed).toEqual(expected);
    expect(suite.server.output()).toContain(`Projector:          http://localhost:${suite.server.port}/?watch`);

    const desk = await newPage(suite.browser, 1024, 700);
    const watch = watchPage(desk);
    const code = await hostSession(
      desk,
      suite.server.url,
      // Russia's people never come: the session waits for the facilitator at every phase.
      { Ukraine: 'People', Russia: 'People', 'United States': 'Computer', Europe: 'Computer' },
      2,
    );
    await expectInViewport(desk, '.controls button:nth-child(3)');
    expect(await desk.locator('.controls button').nth(2).textContent()).toBe('Start the talks now');

    // The join link: on a network address when the machine has one, else this computer (with a warning).
    const link = desk.locator('.join-link a');
    const wanted =
      expected.length > 0 ? expected.map((u) => `${u}?join=${code}`) : [`${suite.server.url}/?join=${code}`];
    await expect.poll(() => link.getAttribute('href'), { timeout: 10_000 }).toBe(wanted[0]);
    const href = (await link.getAttribute('href')) ?? '';
    // Without a network address, the console says students cannot reach this one.
    expect(await desk.locator('.join-warning').isVisible()).toBe(expected.length === 0);
    expect(await decodeShownQr(desk, '.join-banner svg.qr')).toBe(href);
    await shot(desk, 'classroom-console-1024');
    await expectAccessible(desk, 'console at 1024×700');

    // The projector: the code and the QR code, large.
    const projector = await newPage(suite.browser, 1920, 1080);
    await projector.goto(`${suite.server.url}/?watch=${code}`);
    await waitForScreen(projector, 'projector');
    const qr = projector.locator('.join-banner.large svg.qr');
    await qr.waitFor();
    await expect.poll(async () => (await qr.boundingBox())?.width ?? 0, { timeout: 10_000 }).toBeGreaterThan(250);
    expect(await decodeShownQr(projector, '.join-banner.large svg.qr')).toBe(href);
    expect((await projector.locator('.join-code').textContent())?.replace(/\s/g, '')).toBe(code);
    await shot(projector, 'classroom-projector-1920');
    await expectAccessible(projector, 'projector');

    // A student on a 1024×700 laptop: ready, the button then offers the way back, the state in words.
    const student = await newPage(suite.browser, 1024, 700);
    watch.errors.push(...watchPage(student).errors);
    await student.goto(`${suite.server.url}/?join=${code}`);
    const join = student.locator('form[aria-labelledby="join-title"]');
    await join.getByLabel('Your name').fill('Olena');
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForScreen(student, 'lobby');
    await expectInViewport(student, '.ready-toggle button');
    await student.getByRole('button', { name: 'We are ready', exact: true }).click();
    await expect
      .poll(() => student.locator('.ready-toggle button').textContent(), { timeout: 10_000 })
      .toBe('Cancel: we are not ready yet');
    expect(await student.locator('.ready-state').textContent()).toBe(
      'Your delegation is ready. The talks start when every delegation is ready.',
    );
    await shot(student, 'classroom-lobby-ready-1024');
    await expectAccessible(student, 'lobby, ready, at 1024×700');

    // Start, then end the briefing and the opening by hand.
    await desk.getByRole('button', { name: 'Start the talks now' }).click();
    await waitForPhase(desk, 'briefing');
    await desk.getByRole('button', { name: 'End this phase now' }).click();
    await waitForPhase(desk, 'opening');
    await desk.getByRole('button', { name: 'End this phase now' }).click();
    await waitForPhase(desk, 'talks');
    // The student's main action in the talks is on screen without scrolling.
    await waitForPhase(student, 'talks');
    await expectInViewport(student, '.phase-actions .ready-toggle button');
    await shot(student, 'classroom-talks-1024');
    const menu = desk.locator('.inject select');
    // ukraine-2026 has no event that ends the talks: a breakthrough is a crisis the talks go on through.
    expect(await menu.locator('optgroup[label="Ends the talks"] option').count()).toBe(0);
    await desk.getByRole('button', { name: 'Pause', exact: true }).click();
    await menu.selectOption('breakthrough-pokrovsk');
    await desk.getByRole('button', { name: 'Inject the event' }).click();
    await desk.locator('.notices', { hasText: 'Breakthrough at Pokrovsk' }).waitFor();
    expect(await desk.getByRole('dialog').count()).toBe(0);
    expect(await desk.locator('main').getAttribute('data-phase')).toBe('talks');
    await shot(desk, 'classroom-breakthrough-1024');
    await expectAccessible(desk, 'the console after a breakthrough');
    expect(watch.errors).toEqual([]);
  }, 240_000);
});
