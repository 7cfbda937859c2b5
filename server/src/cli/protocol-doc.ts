/**
 * `npm run docs:protocol`: regenerate docs/protocol.md from the wire schemas. `--check` exits 1
 * when the committed file differs, for CI and reviewers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { protocolMarkdown } from '../docs/protocolDoc.ts';

export const PROTOCOL_DOC = fileURLToPath(new URL('../../../docs/protocol.md', import.meta.url));

async function main() {
  const text = protocolMarkdown();
  if (process.argv.includes('--check')) {
    const committed = await readFile(PROTOCOL_DOC, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error('docs/protocol.md is out of date with the schemas: run `npm run docs:protocol`.');
      process.exit(1);
    }
    console.log('docs/protocol.md is up to date');
    return;
  }
  await writeFile(PROTOCOL_DOC, text);
  console.log(`wrote ${PROTOCOL_DOC}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
