/**
 * One `npm test` for the whole repo: a Vitest project per workspace plus the cross-cutting tests/.
 * Browser and Redis suites will come as further projects in later issues.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' } },
      // Server tests boot real servers on free ports; give slow CI machines some slack.
      { test: { name: 'server', include: ['server/**/*.test.ts'], environment: 'node', testTimeout: 15_000 } },
      // Only the client's pure logic is tested here, so plain Node is enough (no DOM, no canvas).
      { test: { name: 'client', include: ['client/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'tests', include: ['tests/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
