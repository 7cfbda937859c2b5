/**
 * One `npm test` for the whole repo: a Vitest project per workspace plus the cross-cutting tests/.
 * The browser project drives Debian's Chromium against a real server (issue 7).
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Property and model-based tests run thousands of games: generous timeouts for 2-core CI machines.
      { test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      // Server tests boot real servers on free ports; give slow CI machines some slack.
      { test: { name: 'server', include: ['server/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      // Only the client's pure logic is tested here, so plain Node is enough (no DOM, no canvas).
      { test: { name: 'client', include: ['client/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'tests',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/browser/**'],
          environment: 'node',
          // Content checks spawn the CLI; the simulator test plays 240 whole games.
          testTimeout: 60_000,
        },
      },
      // Real Chromium against a real server (tests/browser/support): slow, one file at a time.
      // Each suite skips, saying so, when no Chromium is installed (CHROMIUM_PATH, /usr/bin/chromium).
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 360_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
