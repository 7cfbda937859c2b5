// Runs the real game server and a Chromium for the browser tests (tests/browser) and the client
// benchmark (scripts/bench-client.mjs): the server starts exactly as `npm start` starts it, on a
// free port with a throw-away database, after making sure client/dist is built for production.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientIsStale } from '../start.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Flags for Debian's Chromium in containers and CI (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** CHROMIUM_PATH when set (and nothing else), else the Debian package's binary; null when there is none. */
export function chromiumPath() {
  const chosen = process.env.CHROMIUM_PATH?.trim();
  if (chosen) return existsSync(chosen) ? chosen : null;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;
}

/**
 * `npm run build` when client/dist is missing or older than its sources, in a child process with
 * NODE_ENV=production: under Vitest (NODE_ENV=test) Vite would otherwise build a development client.
 */
export function ensureClientBuilt({ force = false } = {}) {
  if (!force && !clientIsStale()) return;
  const result = spawnSync(process.execPath, ['scripts/build-client.mjs'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`client build failed:\n${result.stdout}${result.stderr}`);
}

export function freePort() {
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

/**
 * Starts `server/src/main.ts` with `env` on top of the defaults and waits until /health answers.
 * A PORT or DATABASE_PATH in `env` wins over the free port and the throw-away database: that is
 * how a test restarts the server on the same address and data after `kill()`.
 */
export async function startGameServer(env = {}) {
  ensureClientBuilt();
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-server-'));
  // Run the server the way `npm start` does: TypeScript as is where Node strips types, else through tsx.
  const loader = process.features.typescript ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'game.db'), BOT_DELAY_MS: '60', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    /** What the server printed so far (JSON log lines), for a failing test to show. */
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
    /** A crash: SIGKILL, no shutdown at all. Resolves once the process is gone; a DATABASE_PATH given in `env` stays. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
