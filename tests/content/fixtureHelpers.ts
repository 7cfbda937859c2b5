/**
 * The mini fixture scenario and temporary broken copies of it. Broken variants are made by editing
 * the valid text in the test (one exact replacement each), so every test shows the one change it
 * makes and the valid fixture stays the single source.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatContentError } from '@peace-table/shared/scenario/parse';
import { checkScenarioDir } from '../../server/src/content/loadScenario.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Content root of the fixture: map/, seeds/ (abridged excerpts of the seeds) and scenarios/mini-talks/. */
export const FIXTURE_ROOT = fileURLToPath(new URL('./fixtures/mini/', import.meta.url));
export const MINI_ID = 'mini-talks';

/**
 * An edit to one fixture file: replace `find` (which must occur exactly once) by `replace`,
 * delete the file, or write a new file with `content`.
 */
export interface Edit {
  file: string;
  find?: string;
  replace?: string;
  delete?: true;
  content?: string;
}

const temps: string[] = [];

/** A fresh copy of the fixture content root with the edits applied; returns the scenario folder. */
export function brokenCopy(edits: readonly Edit[]): { root: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'peace-table-content-'));
  temps.push(root);
  cpSync(FIXTURE_ROOT, root, { recursive: true });
  const dir = path.join(root, 'scenarios', MINI_ID);
  for (const edit of edits) {
    // map/ and seeds/ belong to the content root; every other path to the scenario folder.
    const atRoot = ['map', 'seeds'].includes(edit.file.split('/')[0] ?? '');
    const file = path.join(atRoot ? root : dir, edit.file);
    if (edit.delete) {
      rmSync(file, { recursive: true });
      continue;
    }
    if (edit.content !== undefined) {
      writeFileSync(file, edit.content);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const find = edit.find ?? '';
    const count = text.split(find).length - 1;
    if (count !== 1) throw new Error(`fixture edit: "${find}" occurs ${count} times in ${edit.file}, expected once`);
    writeFileSync(file, text.replace(find, edit.replace ?? ''));
  }
  return { root, dir };
}

/** The formatted error lines of a broken copy (throws if it unexpectedly loads). */
export async function errorLines(edits: readonly Edit[]): Promise<string[]> {
  const { dir } = brokenCopy(edits);
  const result = await checkScenarioDir(dir);
  if (result.ok) throw new Error('the broken copy loaded without errors');
  return result.errors.map(formatContentError);
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}
