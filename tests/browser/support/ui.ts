/**
 * The browser tests act as a person would: through labels, buttons and forms. These helpers name
 * the steps ("join with a code", "mark ready", "respond") so the suites read like the game.
 * `main[data-screen]` and `main[data-phase]` say which screen and phase are showing.
 */
import type { Page } from 'playwright-core';

export const SCREEN_TIMEOUT = 20_000;

export async function waitForScreen(page: Page, screen: string, timeout = SCREEN_TIMEOUT): Promise<void> {
  await page.locator(`main[data-screen="${screen}"]`).waitFor({ timeout });
}

export async function waitForPhase(page: Page, phase: string, timeout = SCREEN_TIMEOUT): Promise<void> {
  await page.locator(`main[data-phase="${phase}"]`).waitFor({ timeout });
}

export async function phaseOf(page: Page): Promise<string> {
  return (await page.locator('main').getAttribute('data-phase')) ?? '';
}

/** Home → "Play solo". */
export async function playSolo(page: Page, url: string, name: string, delegation: string, level: string) {
  await page.goto(url);
  const form = page.locator('form[aria-labelledby="solo-title"]');
  await form.getByLabel('Your name').fill(name);
  await form.locator(`input[name="solo-delegation"][value="${delegation}"]`).check();
  await form.locator(`input[name="solo-level"][value="${level}"]`).check();
  await form.getByRole('button', { name: 'Start the talks' }).click();
}

/** A solo game from Home to the opening statements, readying through the lobby and the briefing. */
export async function soloToOpening(page: Page, url: string, name: string, delegation: string, level: string) {
  await playSolo(page, url, name, delegation, level);
  await waitForScreen(page, 'lobby');
  await pressIfNot(page, 'We are ready');
  await waitForScreen(page, 'briefing');
  await pressIfNot(page, 'We have read it: ready');
  await waitForScreen(page, 'game');
}

/** Home → "Host a session"; returns the join code shown big on the console. */
export async function hostSession(page: Page, url: string, seats: Record<string, 'People' | 'Computer'>, teamSize = 2) {
  await page.goto(url);
  const form = page.locator('form[aria-labelledby="host-title"]');
  for (const [delegation, kind] of Object.entries(seats)) {
    await form.getByLabel(delegation, { exact: true }).selectOption({ label: kind });
  }
  await form.getByLabel('People per delegation (at most)').fill(String(teamSize));
  await form.getByRole('button', { name: 'Create the session' }).click();
  await waitForScreen(page, 'console');
  return ((await page.locator('.join-code').textContent()) ?? '').replace(/\s/g, '');
}

/** Home → "Join with a code", typing the code as a student would (lower case, with a space). */
export async function joinWithCode(page: Page, url: string, code: string, name: string, delegation: string) {
  await page.goto(url);
  const form = page.locator('form[aria-labelledby="join-title"]');
  await form.getByLabel('Join code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
  await form.getByLabel('Your name').fill(name);
  await form.getByLabel(delegation, { exact: true }).check();
  await form.getByRole('button', { name: 'Join', exact: true }).click();
}

/**
 * Says "ready" with the button of that name ("We are ready") unless the delegation already is: the
 * ready toggle then offers to cancel instead ("Cancel: …").
 */
export async function pressIfNot(page: Page, name: string) {
  const toggle = page.locator('.ready-toggle:visible button');
  await toggle.waitFor({ timeout: SCREEN_TIMEOUT });
  if ((await toggle.textContent()) === name) await toggle.click();
}

export async function makeStatement(page: Page, text: string) {
  await page.getByLabel('Your opening statement').fill(text);
  await page.getByRole('button', { name: 'Make the statement' }).click();
}

/** Chooses options in the proposal builder by their input ids (issue and option ids from content). */
export async function chooseClauses(page: Page, clauses: Record<string, string>) {
  for (const [issue, option] of Object.entries(clauses)) await page.locator(`#issue-${issue}-${option}`).check();
}

export async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** Responds to the draft on the table: the answer, then a reason on the first clause. */
export async function respond(page: Page, answer: 'Accept' | 'Reject', reason: string) {
  const form = page.locator('form.respond');
  await form.getByLabel(answer, { exact: true }).check();
  await form.locator('input[type="text"]').first().fill(reason);
  await form.getByRole('button', { name: 'Send the response' }).click();
  await form.waitFor({ state: 'detached', timeout: SCREEN_TIMEOUT });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
