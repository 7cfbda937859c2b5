// `npm start`: builds the client when client/dist is missing or older than its sources, then runs
// the game server in this same process (Node strips the TypeScript types itself, or tsx does on
// older Nodes), so one Ctrl-C stops everything and the server's exit code is the command's exit code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClient, CLIENT_DIR, DIST_DIR } from './build-client.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [
  path.join(CLIENT_DIR, 'src'),
  path.join(CLIENT_DIR, 'index.html'),
  path.join(CLIENT_DIR, 'vite.config.ts'),
  path.join(ROOT, 'shared', 'src'),
  // The facilitator guide is built into the client (its /?guide page).
  path.join(ROOT, 'docs', 'facilitator-guide.md'),
];

/** Newest modification time of a file or of any file below a folder. */
export function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function clientIsStale(indexHtml = path.join(DIST_DIR, 'index.html'), sources = SOURCES) {
  if (!existsSync(indexHtml)) return true;
  const built = statSync(indexHtml).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

async function main() {
  if (clientIsStale()) {
    process.stdout.write('Building the game client (first start or changed sources)...\n');
    await buildClient();
  }
  // Node 24 (and 22.18+) runs the TypeScript as is; older Nodes compile it on the fly with tsx.
  if (!process.features.typescript) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  await import('../server/src/main.ts');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    process.stderr.write(`Peace Table could not start: ${error?.message ?? error}\n`);
    process.exit(1);
  });
}
