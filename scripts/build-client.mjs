// `npm run build`: builds the browser client with Vite into client/dist and prints how much
// JavaScript a player downloads before the table appears (entry chunks and their static imports,
// gzipped as a server would send them), so bundle growth is noticed in every build log.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLIENT_DIR = path.join(ROOT, 'client');
export const DIST_DIR = path.join(CLIENT_DIR, 'dist');

/** File names of the JS loaded at start-up: every entry chunk plus what it imports statically. */
export function initialChunks(output) {
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (fileName) => {
    const chunk = chunks.get(fileName);
    if (!chunk || initial.has(fileName)) return;
    initial.add(fileName);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return [...initial];
}

export function sizeReport(fileNames, distDir = DIST_DIR) {
  let raw = 0;
  let gzipped = 0;
  for (const fileName of fileNames) {
    const bytes = readFileSync(path.join(distDir, fileName));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = (n) => (n / 1024).toFixed(1);
  return `client bundle: ${kb(raw)} KB raw, ${kb(gzipped)} KB gzipped (initial JS: the first screen)`;
}

/**
 * Runs `fn` with NODE_ENV=production and puts the previous value back afterwards. Vite takes the
 * build's flavour from NODE_ENV, not only from `mode`: with NODE_ENV=development (a developer's
 * shell) it builds a development client (import.meta.env.DEV, dependencies' dev-only branches) and
 * under Vitest (NODE_ENV=test) a test one. `npm start` runs the game server in this same process
 * after the build, so the variable is changed for the build only.
 */
export async function withProductionEnv(fn) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** Always a production build, whatever NODE_ENV says (see withProductionEnv). */
export async function buildClient() {
  const { build } = await import('vite');
  const result = await withProductionEnv(() =>
    build({ configFile: path.join(CLIENT_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn' }),
  );
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const report = sizeReport(initialChunks(outputs));
  process.stdout.write(`${report}\n`);
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  buildClient().catch((error) => {
    process.stderr.write(`Client build failed: ${error?.message ?? error}\n`);
    process.exit(1);
  });
}
