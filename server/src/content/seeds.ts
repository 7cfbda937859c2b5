/**
 * Where `npm run content:check` finds the seed documents whose quotes it verifies, and reading them.
 *
 * The seeds are not part of the repository: a checkout finds them beside it, in ../shared/seeds,
 * or wherever PEACE_TABLE_SEEDS points. A content root may carry its own seeds/ folder (the test
 * fixture does, with abridged excerpts), and `--seeds <folder>` overrides them all. Without a seed
 * folder the quote check is skipped, and the check says so.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SeedTexts } from '@peace-table/shared/scenario/parse';
import { CONTENT_ROOT } from './loadScenario.ts';

/** ../shared/seeds beside the repository (the repository is the folder above content/). */
export const DEFAULT_SEEDS_FOLDER = path.resolve(CONTENT_ROOT, '..', '..', 'shared', 'seeds');

function isFolder(folder: string): boolean {
  return existsSync(folder) && statSync(folder).isDirectory();
}

/**
 * The seed folder for a content root: the one asked for (`--seeds`), else the root's own seeds/
 * folder, else PEACE_TABLE_SEEDS, else ../shared/seeds beside the repository. `found` is false
 * when that folder does not exist.
 */
export function seedFolderFor(contentRoot: string, asked?: string): { folder: string; found: boolean } {
  const own = path.join(contentRoot, 'seeds');
  const folder = path.resolve(asked ?? (isFolder(own) ? own : process.env.PEACE_TABLE_SEEDS || DEFAULT_SEEDS_FOLDER));
  return { folder, found: isFolder(folder) };
}

/** Every *.txt in the folder, by file name. */
export async function readSeedFolder(folder: string): Promise<SeedTexts> {
  const texts: Record<string, string> = {};
  for (const entry of (await readdir(folder)).sort()) {
    if (entry.endsWith('.txt')) texts[entry] = await readFile(path.join(folder, entry), 'utf8');
  }
  return { folder, texts };
}
