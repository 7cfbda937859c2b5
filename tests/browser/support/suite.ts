/**
 * The fixture a browser suite starts with: a Chromium and (unless `server: false`) the real game
 * server, started once for the describe block and stopped after it, with a screenshot of every
 * open page when a test fails (test-results/screens/FAILED-…). Call it inside the describe block.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launch, type RunningServer, shotOpenPages, startServer } from './browser.ts';

export interface BrowserSuite {
  browser: Browser;
  /** Started before the tests; absent with `{ server: false }` (the suite starts its own). */
  server: RunningServer;
}

export function useBrowserSuite(options: { server?: boolean } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    if (options.server !== false) suite.server = await startServer();
    suite.browser = await launch();
  }, 180_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && suite.browser) await shotOpenPages(suite.browser, task.name);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
