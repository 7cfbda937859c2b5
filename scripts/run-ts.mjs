// Runs a TypeScript entry point of the CLIs (`npm run bench`, `npm run simulate`, ...): natively where
// this Node strips types itself (22.18+, 23.6+, 24), otherwise in a child Node with tsx's loader.
// Native is measurably faster for these CPU-bound commands: tsx (esbuild's keepNames) wraps every named
// closure in a call that renames it, each time the enclosing function runs. Arguments pass through, so
// the entry point sees its own path as argv[1] either way; shared/ and server/ are held to TypeScript's
// erasableSyntaxOnly so that both ways run the same code. Node's own flags (e.g. the young-generation
// size `npm run bench` and `npm run simulate` set) carry over to the child.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.mjs <file.ts> [arguments...]\n');
  process.exit(2);
}
if (process.features.typescript) {
  process.argv.splice(1, 1);
  process.argv[1] = path.resolve(entry);
  await import(pathToFileURL(process.argv[1]).href);
} else {
  const child = spawnSync(process.execPath, [...process.execArgv, '--import', 'tsx', entry, ...args], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
