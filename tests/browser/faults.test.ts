/**
 * When things break in a classroom: a student's Wi-Fi drops in the middle of the talks, and the
 * server machine crashes (kill -9) and is started again. In both cases the players do nothing:
 * their pages say the connection is lost, then get back into the same seats by themselves and say
 * so, with the phase, the month and the chat history as they were, and the game goes on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  expectAccessible,
  launch,
  newPage,
  type RunningServer,
  shot,
  shotOpenPages,
  startServer,
  watchPage,
} from './support/browser.ts';
import { type NetworkLink, startNetworkLink } from './support/network.ts';
import {
  hostSession,
  joinWithCode,
  makeStatement,
  openTab,
  phaseOf,
  pressIfNot,
  sleep,
  waitForPhase,
  waitForScreen,
} from './support/ui.ts';

const available = browserAvailable();

const REJOINED = 'Connection restored: you are back in your seat.';
const LOST = /^Connection lost\./;
/** Ukraine played by people, the other three by the computer. */
const ONE_HUMAN_SEAT = {
  Ukraine: 'People',
  Russia: 'Computer',
  'United States': 'Computer',
  Europe: 'Computer',
} as const;

const statusOf = (page: Page) => page.locator('.status').textContent();
const monthOf = (page: Page) => page.locator('.phase-bar .month').textContent();

/** A facilitator hosts, Olena joins Ukraine (at `studentUrl`) and takes her delegation into the talks. */
async function intoTheTalks(browser: Browser, serverUrl: string, studentUrl: string) {
  const facilitator = await newPage(browser);
  const student = await newPage(browser);
  const watched = [watchPage(facilitator), watchPage(student)];
  const code = await hostSession(facilitator, serverUrl, ONE_HUMAN_SEAT);
  for (const d of ['russia', 'us', 'europe']) {
    await expect
      .poll(() => facilitator.locator(`table.roster tr[data-delegation="${d}"] td`).nth(1).textContent())
      .toBe('Played by the computer');
  }
  await joinWithCode(student, studentUrl, code, 'Olena', 'Ukraine');
  await waitForScreen(student, 'lobby');
  const joinedAt = Date.now();
  await pressIfNot(student, 'We are ready');
  await waitForScreen(student, 'briefing', 30_000);
  await pressIfNot(student, 'We have read it: ready');
  await waitForPhase(student, 'opening');
  await makeStatement(student, 'Ukraine wants a just and lasting peace.');
  // The computer delegations speak too; then the talks hold until Ukraine says it is ready for drafts.
  await waitForPhase(student, 'talks', 30_000);
  await waitForPhase(facilitator, 'talks');
  return { facilitator, student, code, watched, joinedAt };
}

/** Posts in the channel shown and waits until the line is in the student's own log. */
async function post(page: Page, text: string) {
  await page.locator('form.post textarea').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('.messages .text').filter({ hasText: text }).waitFor();
}

/** The roster entry of one person on the facilitator's Seats tab. */
const rosterEntry = (facilitator: Page, name: string) =>
  facilitator.locator('table.roster ul.people > li').filter({ hasText: name });

describe.skipIf(!available)('dropped connections and server restarts in the browser', () => {
  let browser: Browser;
  const cleanup: (() => Promise<void> | void)[] = [];
  /** The servers the running test started, for their logs when it fails. */
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    browser = await launch();
  }, 180_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await shotOpenPages(browser, task.name);
      for (const s of servers) console.error(`server log (end):\n${s.output().slice(-3000)}`);
    }
    servers.length = 0;
    // Pages left open would keep trying to reach a server that is gone.
    for (const context of browser.contexts()) await context.close();
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('brings a student whose network drops back into her seat by itself', async () => {
    const server = await startServer();
    servers.push(server);
    cleanup.push(() => server.stop());
    const link: NetworkLink = await startNetworkLink(server.url);
    cleanup.push(() => link.close());

    const { facilitator, student, watched, joinedAt } = await intoTheTalks(browser, server.url, link.url);
    await openTab(student, 'Channels');
    await post(student, 'Before the storm: we want the children back.');
    const month = await monthOf(student);
    expect(month).toMatch(/^Round 1 of \d+, /);
    const olena = rosterEntry(facilitator, 'Olena');
    await expect.poll(() => olena.getAttribute('data-connected')).toBe('true');

    // In class the drop comes minutes into the game; the SDK reconnects by itself only connections
    // older than 5 s (younger ones take the seat-key path, which the restart test covers).
    await sleep(Math.max(0, joinedAt + 6000 - Date.now()));
    // The Wi-Fi goes: open connections die and nothing new gets through.
    await student.context().setOffline(true);
    link.cut();
    await expect.poll(() => statusOf(student)).toMatch(LOST);
    await expect.poll(() => olena.getAttribute('data-connected')).toBe('false');
    expect(await olena.locator('.conn').textContent()).toBe('(offline)');
    // She keeps typing: the message waits for the connection.
    await student.locator('form.post textarea').fill('Written while offline.');
    await student.getByRole('button', { name: 'Send', exact: true }).click();
    await shot(student, 'fault-network-lost');
    await shot(facilitator, 'fault-network-lost-console');
    await expectAccessible(student, 'game (connection lost)');
    // A few seconds without network: the client keeps trying, and keeps saying so.
    await sleep(4000);
    expect(await statusOf(student)).toMatch(LOST);

    link.restore();
    await student.context().setOffline(false);
    await expect.poll(() => statusOf(student), { timeout: 30_000 }).toBe(REJOINED);
    await expect.poll(() => olena.getAttribute('data-connected')).toBe('true');
    expect(await olena.locator('.conn').textContent()).toBe('(online)');
    // The same seat, the same moment of the game, the whole chat.
    expect(await student.locator('main').getAttribute('data-phase')).toBe('talks');
    expect(await monthOf(student)).toBe(month);
    const lines = student.locator('.messages .text');
    await lines.filter({ hasText: 'Before the storm: we want the children back.' }).waitFor();
    await lines.filter({ hasText: 'Written while offline.' }).waitFor();
    await openTab(student, 'Briefing');
    await expect.poll(() => student.locator('.briefing h2').textContent()).toBe('Briefing: Ukraine');
    await openTab(student, 'Channels');
    await post(student, 'Back at the table.');
    await openTab(facilitator, 'All channels');
    await expect.poll(() => facilitator.locator('.messages').textContent()).toContain('Written while offline.');
    await expect.poll(() => facilitator.locator('.messages').textContent()).toContain('Back at the table.');
    await shot(student, 'fault-network-back');
    await expectAccessible(student, 'game (connection restored)');

    for (const w of watched) {
      expect(w.errors).toEqual([]);
      expect(w.dialogs).toEqual([]);
    }
  }, 240_000);

  it('brings the players back to their seats by themselves after the server crashes or is restarted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-restart-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { DATABASE_PATH: path.join(dir, 'game.db') };
    let server: RunningServer = await startServer(env);
    servers.push(server);
    cleanup.push(() => server.stop());

    const { facilitator, student, watched } = await intoTheTalks(browser, server.url, server.url);
    await openTab(student, 'Channels');
    await post(student, 'Before the crash: a ceasefire first.');
    const month = await monthOf(student);

    // The server machine crashes: no goodbye to anyone.
    await server.kill();
    await expect.poll(() => statusOf(student)).toMatch(LOST);
    await expect.poll(() => statusOf(facilitator)).toMatch(LOST);
    // Olena writes on, not knowing why nobody answers.
    await student.locator('form.post textarea').fill('Hello? Is anyone there?');
    await student.getByRole('button', { name: 'Send', exact: true }).click();
    await shot(student, 'fault-server-down');
    await expectAccessible(facilitator, 'console (connection lost)');

    // Started again on the same port and database, as `npm start` would be.
    server = await startServer({ ...env, PORT: String(server.port) });
    servers.push(server);
    await expect.poll(() => statusOf(student), { timeout: 60_000 }).toBe(REJOINED);
    await expect.poll(() => statusOf(facilitator), { timeout: 60_000 }).toBe(REJOINED);
    expect(server.output()).toContain('sessions restored');

    // The same moment of the game, the whole chat (with what she wrote meanwhile), and the talks go on.
    expect(await student.locator('main').getAttribute('data-phase')).toBe('talks');
    expect(await monthOf(student)).toBe(month);
    expect(await monthOf(facilitator)).toBe(month);
    const lines = student.locator('.messages .text');
    await lines.filter({ hasText: 'Before the crash: a ceasefire first.' }).waitFor();
    await lines.filter({ hasText: 'Hello? Is anyone there?' }).waitFor();
    await post(student, 'After the crash: still here.');
    await openTab(facilitator, 'All channels');
    const allChannels = () => facilitator.locator('.messages').textContent();
    await expect.poll(allChannels).toContain('Before the crash: a ceasefire first.');
    await expect.poll(allChannels).toContain('Hello? Is anyone there?');
    await expect.poll(allChannels).toContain('After the crash: still here.');
    await openTab(facilitator, 'Seats');
    const ukraineRow = facilitator.locator('table.roster tr[data-delegation="ukraine"]');
    await expect.poll(() => rosterEntry(facilitator, 'Olena').getAttribute('data-connected')).toBe('true');
    await expect.poll(() => ukraineRow.locator('td').nth(1).textContent()).toBe('Not ready yet');
    await shot(student, 'fault-server-restarted');
    await shot(facilitator, 'fault-server-restarted-console');

    // A clean restart (Ctrl-C, a deploy) in the middle of the round: the same again.
    await server.stop();
    await expect.poll(() => statusOf(student)).toMatch(LOST);
    server = await startServer({ ...env, PORT: String(server.port) });
    servers.push(server);
    await expect.poll(() => statusOf(student), { timeout: 60_000 }).toBe(REJOINED);
    await expect.poll(() => statusOf(facilitator), { timeout: 60_000 }).toBe(REJOINED);
    await expect.poll(() => student.locator('.messages').textContent()).toContain('After the crash: still here.');
    await shot(student, 'fault-server-clean-restart');

    // Ukraine says it is ready for drafts: the round moves on (the computer tables at once, so
    // tabling may already have turned into responses) for everyone.
    await openTab(student, 'Proposal');
    await pressIfNot(student, 'Ready for drafts');
    for (const page of [student, facilitator]) {
      await expect.poll(() => phaseOf(page), { timeout: 30_000 }).toMatch(/^(tabling|responses)$/);
    }
    expect(await monthOf(student)).toBe(month);

    for (const w of watched) {
      expect(w.errors).toEqual([]);
      expect(w.dialogs).toEqual([]);
    }
  }, 240_000);
});
