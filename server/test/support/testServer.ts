/**
 * Boots the real Peace Table server (app.ts) for a test, on a free port.
 *
 * `boot()` from @colyseus/testing always listens on 2568 when given a Server instance, so test
 * files running in parallel would collide; this does the same with a free port each time.
 */
import { createServer } from 'node:net';
import { ColyseusTestServer } from '@colyseus/testing';
import { type AppOptions, createApp } from '../src/app.ts';
import { createLogger } from '../src/log.ts';

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
  const { server } = createApp({ logger: createLogger('silent'), handleSignals: false, ...options });
  const port = await freePort();
  await server.listen(port);
  const colyseus = new ColyseusTestServer(server);
  return { colyseus, baseUrl: `http://127.0.0.1:${port}` };
}

/** Resolves on the client's next state patch; fails fast (instead of at the test timeout) without one. */
export function nextPatch(room: { waitForNextPatch(): Promise<void> }, ms = 2000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no state patch within ${ms} ms`)), ms);
  });
  return Promise.race([room.waitForNextPatch(), timeout]).finally(() => clearTimeout(timer));
}
