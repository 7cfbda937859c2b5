// `npm run dev`: the game server restarted on every change (tsx watch) next to Vite's dev server
// with hot module replacement. Ctrl-C (or either one dying) stops both.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const serverPort = process.env.PORT || '2567';
const vitePort = process.env.VITE_PORT || '5173';
// The page comes from Vite's origin and calls the game server on its own port: cross-origin, which
// the server allows only for the origins it is told (same origin only by default).
const allowedOrigins = process.env.ALLOWED_ORIGINS || `http://localhost:${vitePort},http://127.0.0.1:${vitePort}`;

const server = spawn(
  process.execPath,
  [require.resolve('tsx/cli'), 'watch', '--clear-screen=false', path.join(ROOT, 'server/src/main.ts')],
  { stdio: 'inherit', env: { ...process.env, PORT: serverPort, ALLOWED_ORIGINS: allowedOrigins } },
);

// The page comes from Vite (5173); the client finds the game server on this port of the same host.
process.env.VITE_SERVER_PORT = serverPort;
const { createServer } = await import('vite');
const vite = await createServer({ configFile: path.join(ROOT, 'client/vite.config.ts') });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await vite.close();
  process.exit(code);
}

server.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  await vite.listen();
} catch (error) {
  process.stderr.write(`Vite dev server could not start: ${error.message}\n`);
  await stop(1);
}
process.stdout.write(
  `Peace Table dev: open http://localhost:${vite.config.server.port}/ (game server on port ${serverPort})\n`,
);
