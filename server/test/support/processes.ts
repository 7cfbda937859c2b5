/**
 * Child processes for fault and scale-out tests: Peace Table servers (support/childServer.ts)
 * and redis-server. Every child is killed when the test process exits, even on failure.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './testServer.ts';

const CHILD = fileURLToPath(new URL('./childServer.ts', import.meta.url));
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  wsUrl: string;
  /** Codes the process restored when it started. */
  restored: string[];
  output(): string;
}

// Generous: a server started with tsx while the whole suite runs on a 2-core machine can take 30+ s to listen.
function waitForLine(child: ChildProcess, pattern: RegExp, what: string, ms = 90_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${buffer}`)), ms);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}: ${buffer}`));
    });
  });
}

export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, PORT: String(chosen), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const match = await waitForLine(child, /READY (\d+) ?([A-Z0-9,]*)/, `server on ${chosen}`);
  return {
    child,
    port: chosen,
    baseUrl: `http://127.0.0.1:${chosen}`,
    wsUrl: `ws://127.0.0.1:${chosen}`,
    restored: match[2] ? match[2].split(',') : [],
    output: () => log,
  };
}

/** kill -9: no shutdown hooks, no goodbye to clients, whatever was in memory is gone. */
export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  await waitForLine(child, /Ready to accept connections/, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
