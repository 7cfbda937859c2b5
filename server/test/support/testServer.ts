/**
 * Boots the real Peace Table server (app.ts) for a test, on a free port, with the fixture
 * scenario, an in-memory database unless one is given, the test bot and fast timings.
 *
 * `boot()` from @colyseus/testing always listens on 2568 when given a Server instance, so test
 * files running in parallel would collide; this does the same with a free port each time.
 */
import { createServer } from 'node:net';
import { ColyseusTestServer } from '@colyseus/testing';
import { type AppOptions, createApp } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';
import { SessionStore } from '../../src/store/sessionStore.ts';
import { scenarios, testBot } from './fixtures.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startTestServer(options: AppOptions = {}) {
  const store = options.store ?? new SessionStore(':memory:');
  const app = createApp({
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    handleSignals: false,
    scenarios,
    createBot: testBot,
    patchRate: 20,
    ...options,
    store,
    config: { nodeId: 'test', reconnectSeconds: 60, botDelayMs: 0, ...options.config },
  });
  const port = await freePort();
  await app.server.listen(port);
  const colyseus = new ColyseusTestServer(app.server);
  return {
    colyseus,
    store,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    restoreSessions: app.restoreSessions,
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Resolves on the client's next state patch; fails fast (instead of at the test timeout) without one. */
export function nextPatch(room: { waitForNextPatch(): Promise<void> }, ms = 2000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no state patch within ${ms} ms`)), ms);
  });
  return Promise.race([room.waitForNextPatch(), timeout]).finally(() => clearTimeout(timer));
}
