/**
 * What the browser tests need: a Chromium (Debian's, from CHROMIUM_PATH or /usr/bin/chromium),
 * the real game server started as `npm start` starts it (on a free port, with a throw-away
 * database and quick computer players), accessibility checks with axe-core, and screenshots in
 * test-results/ for a reviewer to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, ROOT, startGameServer } from '../../../scripts/lib/gameServer.mjs';

export { chromiumPath };
export const SHOTS = path.join(ROOT, 'test-results', 'screens');

export const SKIP_MESSAGE =
  'Browser tests skipped: no Chromium found (set CHROMIUM_PATH or install the Debian package "chromium"; .ci/run does).';

/**
 * Whether the browser suites can run. Without a Chromium they skip and say so, unless
 * REQUIRE_CHROMIUM=1 (set by CI, which installs one), where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (chromiumPath() !== null) return true;
  if (process.env.REQUIRE_CHROMIUM === '1')
    throw new Error('REQUIRE_CHROMIUM=1 but no Chromium was found (CHROMIUM_PATH, /usr/bin/chromium).');
  console.warn(SKIP_MESSAGE);
  return false;
}

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(SKIP_MESSAGE);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface RunningServer {
  url: string;
  port: number;
  /** Everything the server printed so far (JSON log lines). */
  output(): string;
  /** A clean stop (SIGTERM); removes the throw-away database. */
  stop(): Promise<void>;
  /** A crash (SIGKILL, no shutdown); a DATABASE_PATH passed in `env` is kept for a restart. */
  kill(): Promise<void>;
}

/**
 * The real server, as `npm start` runs it, on a free port with a throw-away database. `env` goes on
 * top: `{ PORT, DATABASE_PATH }` of an earlier server start it again where it was (a restart).
 */
export function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  return startGameServer(env);
}

/** A page in a fresh context (its own storage: one person on one device); axe needs a context page. */
export async function newPage(browser: Browser, width = 1366, height = 768): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  return context.newPage();
}

/** A full-page screenshot under test-results/screens/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * After a failed test: a screenshot of every page still open (test-results/screens/FAILED-...), to
 * see what the people in the test were looking at. Closes nothing.
 */
export async function shotOpenPages(browser: Browser, testName: string): Promise<void> {
  const slug = testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60);
  const pages = browser.contexts().flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) await shot(page, `FAILED-${slug}-${i + 1}`).catch(() => undefined);
}

/**
 * axe-core on the page as it is now (WCAG 2.1 A/AA rules). The canvas is checked as an image with
 * a name; its content is covered by the text view next to it.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const problems = results.violations.map(
    (v) =>
      `${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(problems).toEqual([]);
}

/**
 * Collects uncaught errors in the page (tests expect none) and the dialogs that opened: one whose
 * message is `accept` (or matches it), a confirmation the test means to answer with OK, is
 * accepted; any other is dismissed.
 */
export function watchPage(page: Page, accept?: string | RegExp): { errors: string[]; dialogs: string[] } {
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    const ok = typeof accept === 'string' ? d.message() === accept : (accept?.test(d.message()) ?? false);
    void (ok ? d.accept() : d.dismiss());
  });
  return { errors, dialogs };
}
