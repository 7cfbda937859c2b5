/**
 * `npm run content:check [folder...]`: validates every scenario under content/scenarios/ (or the
 * scenario folders, or content roots, given as arguments) with the same loader the server uses,
 * prints one `ok` line per valid scenario and one `file: path: message` line per error, and exits
 * 1 if anything is wrong. `npm test` runs `checkContent` on the real content folder too.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatContentError } from '@peace-table/shared/scenario/parse';
import { CONTENT_ROOT, checkScenarioDir } from '../content/loadScenario.ts';

export interface CheckReport {
  ok: boolean;
  /** Lines for stdout: one per valid scenario. */
  passed: string[];
  /** Lines for stderr: one per error, file paths relative to `cwd`. */
  failed: string[];
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
export async function checkContent(targets: readonly string[] = [], cwd = process.cwd()): Promise<CheckReport> {
  const report: CheckReport = { ok: true, passed: [], failed: [] };
  const shown = (p: string) => path.relative(cwd, p) || '.';
  for (const target of targets.length > 0 ? targets.map((t) => path.resolve(cwd, t)) : [CONTENT_ROOT]) {
    const folders = scenarioFolders(target);
    if (typeof folders === 'string') {
      report.ok = false;
      report.failed.push(`${shown(target)}: ${folders}`);
      continue;
    }
    for (const dir of folders) {
      const result = await checkScenarioDir(dir);
      if (!result.ok) {
        report.ok = false;
        for (const e of result.errors) report.failed.push(`${shown(dir)}/${formatContentError(e)}`);
        continue;
      }
      const s = result.scenario;
      const counts = [
        `${s.agenda.issues.length} issues`,
        `${Object.keys(s.delegations).length} delegations`,
        `${s.levers.length} levers`,
        `${s.events.length} events`,
        `${s.outcomes.length} outcomes`,
      ];
      report.passed.push(`ok  ${s.meta.id} (${counts.join(', ')})`);
    }
  }
  return report;
}

async function main(): Promise<void> {
  const report = await checkContent(process.argv.slice(2));
  for (const line of report.passed) process.stdout.write(`${line}\n`);
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
