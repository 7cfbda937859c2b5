/**
 * `npm run docs:rules`: regenerate docs/rules.md from the engine (machine states, transitions and
 * the rules table). `--check` exits 1 when the committed file differs, for CI and reviewers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '@peace-table/shared/engine/rulesDoc';
import { loadScenarioById } from '../content/loadScenario.ts';

export const RULES_DOC = fileURLToPath(new URL('../../../docs/rules.md', import.meta.url));

export async function generateRulesDoc(): Promise<string> {
  return rulesMarkdown(await loadScenarioById('ukraine-2026'));
}

async function main() {
  const text = await generateRulesDoc();
  if (process.argv.includes('--check')) {
    const committed = await readFile(RULES_DOC, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error('docs/rules.md is out of date with the engine: run `npm run docs:rules`.');
      process.exit(1);
    }
    console.log('docs/rules.md is up to date');
    return;
  }
  await writeFile(RULES_DOC, text);
  console.log(`wrote ${RULES_DOC}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
