/**
 * `npm run content:check [--seeds <folder>] [folder...]`: validates every scenario under
 * content/scenarios/ (or the scenario folders, or content roots, given as arguments) with the same
 * loader the server uses, finds every quote in the section of the seed it cites, prints one `ok`
 * line per valid scenario and one `file: path: message` line per error, and exits 1 if anything is
 * wrong. Without a seed folder (see content/seeds.ts) it checks everything else and prints which
 * check it skipped. `npm test` runs `checkContent` on the real content folder too.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatContentError, type SeedTexts } from '@peace-table/shared/scenario/parse';
import { sourceCounts } from '@peace-table/shared/scenario/sources';
import { CONTENT_ROOT, checkScenarioDir } from '../content/loadScenario.ts';
import { readSeedFolder, seedFolderFor } from '../content/seeds.ts';

export interface CheckReport {
  ok: boolean;
  /** Lines for stdout: one per valid scenario. */
  passed: string[];
  /** Lines for stderr: one per error, file paths relative to `cwd`. */
  failed: string[];
  /** Lines for stdout: a check that could not run (the quote check without a seed folder). */
  skipped: string[];
}

export interface CheckOptions {
  /** The seed folder (`--seeds`); default: PEACE_TABLE_SEEDS, the content root's seeds/, ../shared/seeds. */
  seeds?: string;
}

/** Scenario folders a target stands for: itself if it holds scenario.yaml, else `<target>/scenarios/*`. */
function scenarioFolders(target: string): string[] | string {
  if (!existsSync(target) || !statSync(target).isDirectory()) return 'not a folder';
  if (existsSync(path.join(target, 'scenario.yaml'))) return [target];
  const scenarios = path.join(target, 'scenarios');
  if (!existsSync(scenarios)) return 'holds neither scenario.yaml nor a scenarios/ folder';
  const folders = readdirSync(scenarios, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(scenarios, e.name))
    .sort();
  return folders.length > 0 ? folders : 'its scenarios/ folder is empty';
}

/** Checks every scenario the targets stand for (default: the repository's content/ folder). */
export async function checkContent(
  targets: readonly string[] = [],
  cwd = process.cwd(),
  options: CheckOptions = {},
): Promise<CheckReport> {
  const report: CheckReport = { ok: true, passed: [], failed: [], skipped: [] };
  const shown = (p: string) => path.relative(cwd, p) || '.';
  const seedFolders = new Map<string, Promise<SeedTexts>>();
  for (const target of targets.length > 0 ? targets.map((t) => path.resolve(cwd, t)) : [CONTENT_ROOT]) {
    const folders = scenarioFolders(target);
    if (typeof folders === 'string') {
      report.ok = false;
      report.failed.push(`${shown(target)}: ${folders}`);
      continue;
    }
    for (const dir of folders) {
      const contentRoot = path.resolve(dir, '..', '..');
      const asked = options.seeds === undefined ? undefined : path.resolve(cwd, options.seeds);
      const { folder, found } = seedFolderFor(contentRoot, asked);
      let seeds: SeedTexts | undefined;
      if (found) {
        if (!seedFolders.has(folder)) seedFolders.set(folder, readSeedFolder(folder));
        seeds = await seedFolders.get(folder);
      }
      const result = await checkScenarioDir(dir, contentRoot, seeds);
      if (!result.ok) {
        report.ok = false;
        for (const e of result.errors) report.failed.push(`${shown(dir)}/${formatContentError(e)}`);
        continue;
      }
      const s = result.scenario;
      const { quotes, assumptions } = sourceCounts(s);
      const counts = [
        `${s.agenda.issues.length} issues`,
        `${Object.keys(s.delegations).length} delegations`,
        `${s.levers.length} levers`,
        `${s.events.length} events`,
        `${s.outcomes.length} outcomes`,
      ];
      const sourced = `${quotes} quotes ${seeds ? 'found in their seeds' : 'not checked'}, ${assumptions} assumptions`;
      report.passed.push(`ok  ${s.meta.id} (${counts.join(', ')}; ${sourced})`);
      if (!seeds) {
        report.skipped.push(
          `skipped  quote check of ${s.meta.id}: no seed folder at ${shown(folder)} (give one with --seeds <folder> or PEACE_TABLE_SEEDS)`,
        );
      }
    }
  }
  return report;
}

/** `[--seeds <folder>] [folder...]`, or why the arguments make no sense. */
export function parseArgs(args: readonly string[]): { targets: string[]; options: CheckOptions } | string {
  const targets: string[] = [];
  const options: CheckOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--seeds') {
      const folder = args[++i];
      if (folder === undefined || folder.startsWith('--')) return '--seeds needs a folder';
      options.seeds = folder;
    } else if (arg.startsWith('--seeds=')) options.seeds = arg.slice('--seeds='.length);
    else if (arg.startsWith('--')) return `unknown option ${arg} (usage: content:check [--seeds <folder>] [folder...])`;
    else targets.push(arg);
  }
  return { targets, options };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`content:check: ${args}\n`);
    process.exitCode = 1;
    return;
  }
  const report = await checkContent(args.targets, process.cwd(), args.options);
  for (const line of report.passed) process.stdout.write(`${line}\n`);
  for (const line of report.skipped) process.stdout.write(`${line}\n`);
  for (const line of report.failed) process.stderr.write(`${line}\n`);
  if (!report.ok) {
    process.stderr.write(`content:check failed with ${report.failed.length} error(s)\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`content:check crashed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
