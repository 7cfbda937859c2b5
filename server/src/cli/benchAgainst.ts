/**
 * `npm run bench -- --against <commit>`: this checkout's games per CPU-second, wall games per
 * second and bot decision p99 beside another commit's, measured in the same run.
 *
 * The commit is checked out in a temporary git worktree (its own `npm ci`, or links to this
 * checkout's packages when its package-lock.json is the same), then both checkouts run the same
 * measuring loop (benchGames.ts) in fresh processes, alternately and in turn first, several pairs:
 * a shared machine's load drifts over a run, and alternating spreads that drift over both sides.
 * The ratio is the median of the pairs' ratios. The worktree is removed at the end.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GameBenchOptions, type GameFigures, median, PROJECT_ROOT } from './benchGames.ts';

const RUN_TS = path.join(PROJECT_ROOT, 'scripts', 'run-ts.mjs');
const BENCH_GAMES = fileURLToPath(new URL('./benchGames.ts', import.meta.url));

function git(args: string[], cwd = PROJECT_ROOT): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The commit's full hash and subject, or a sentence saying it is not there. */
function resolveCommit(ref: string): { sha: string; short: string; subject: string } {
  let sha: string;
  try {
    sha = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new Error(`--against: "${ref}" is not a commit of this repository (try a hash from \`git log\`).`);
  }
  return { sha, short: sha.slice(0, 7), subject: git(['log', '-1', '--format=%s', sha]) };
}

/**
 * The other checkout's packages. With the same lock file, its node_modules links to this
 * checkout's packages one by one, except the workspaces (shared, server, client), which must be
 * its own: a link to the whole folder would resolve them back to this checkout's code.
 */
function installPackages(dir: string): void {
  const ours = path.join(PROJECT_ROOT, 'node_modules');
  const sameLock =
    existsSync(ours) &&
    readFileSync(path.join(dir, 'package-lock.json'), 'utf8') ===
      readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8');
  if (!sameLock) {
    console.log('its package-lock.json differs: npm ci in the temporary worktree…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const done = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (done.status !== 0) throw new Error(`npm ci failed in the worktree of the other commit (${dir})`);
    return;
  }
  const type = process.platform === 'win32' ? 'junction' : 'dir';
  const theirs = path.join(dir, 'node_modules');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const workspaces = new Map<string, string>();
  for (const ws of manifest.workspaces ?? []) {
    const name = (JSON.parse(readFileSync(path.join(dir, ws, 'package.json'), 'utf8')) as { name: string }).name;
    workspaces.set(name, path.join(dir, ws));
  }
  const link = (from: string, to: string) => symlinkSync(to, from, type);
  mkdirSync(theirs);
  for (const entry of readdirSync(ours, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    if (!entry.name.startsWith('@')) {
      if (!workspaces.has(entry.name)) link(path.join(theirs, entry.name), path.join(ours, entry.name));
      continue;
    }
    mkdirSync(path.join(theirs, entry.name));
    for (const scoped of readdirSync(path.join(ours, entry.name))) {
      const name = `${entry.name}/${scoped}`;
      if (!workspaces.has(name)) link(path.join(theirs, name), path.join(ours, name));
    }
  }
  for (const [name, wsDir] of workspaces) {
    mkdirSync(path.dirname(path.join(theirs, name)), { recursive: true });
    link(path.join(theirs, name), wsDir);
  }
}

/** One measurement of a checkout in a fresh process, with the young-generation cap `npm run bench` sets. */
function runOnce(root: string, sizes: GameBenchOptions): Promise<GameFigures> {
  const flags = process.execArgv.filter((a) => a.startsWith('--max-semi-space-size'));
  const args = [
    ...flags,
    RUN_TS,
    BENCH_GAMES,
    '--root',
    root,
    '--games',
    String(sizes.games),
    '--batches',
    String(sizes.batches),
    '--decision-games',
    String(sizes.decisionGames),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`the bench of ${root} failed (exit ${code}); its output:\n${out}`));
        return;
      }
      resolve(JSON.parse(line) as GameFigures);
    });
  });
}

const slowest = (f: GameFigures) => Math.max(...Object.values(f.byDelegation).map((d) => d.p99));

const FIGURES: [string, (f: GameFigures) => number, number][] = [
  ['games per CPU-second', (f) => f.gamesPerCpuSecond, 1],
  ['wall games per second', (f) => f.wallGamesPerSecond, 1],
  ['bot decision p99, all delegations (ms)', (f) => f.decisions.p99, 3],
  ['bot decision p99, slowest delegation (ms)', slowest, 3],
  ['bot decision median (ms)', (f) => f.decisions.median, 4],
];

function ownLabel(): string {
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  return `this checkout (${head}${dirty ? ' + uncommitted changes' : ''})`;
}

export async function benchAgainst(ref: string, pairs: number, sizes: GameBenchOptions): Promise<void> {
  const commit = resolveCommit(ref);
  const dir = mkdtempSync(path.join(os.tmpdir(), `peace-table-against-${commit.short}-`));
  let registered = false;
  const cleanUp = () => {
    if (registered) {
      try {
        git(['worktree', 'remove', '--force', dir]);
      } catch {
        // Removed below; `git worktree prune` then forgets it.
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (registered) git(['worktree', 'prune']);
  };
  const interrupted = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    console.log(`checking out ${commit.short} (${commit.subject}) in ${dir}…`);
    git(['worktree', 'add', '--detach', '--quiet', dir, commit.sha]);
    registered = true;
    installPackages(dir);
    const mine = ownLabel();
    console.log(
      `${pairs} pairs, each side in a fresh process: ${sizes.warmupGames} warm-up games, every decision of ` +
        `${sizes.decisionGames} games timed, ${sizes.batches} batches of ${sizes.games} games`,
    );
    const results: { ours: GameFigures; theirs: GameFigures }[] = [];
    for (let pair = 1; pair <= pairs; pair += 1) {
      // Each side goes first in every other pair, so neither always runs on the warmer machine.
      const oursFirst = pair % 2 === 1;
      const first = await runOnce(oursFirst ? PROJECT_ROOT : dir, sizes);
      const second = await runOnce(oursFirst ? dir : PROJECT_ROOT, sizes);
      const [ours, theirs] = oursFirst ? [first, second] : [second, first];
      results.push({ ours, theirs });
      const brief = (f: GameFigures) =>
        `${f.gamesPerCpuSecond.toFixed(1)} games/CPU-s, ${f.wallGamesPerSecond.toFixed(1)} games/s, p99 ${f.decisions.p99.toFixed(3)} ms`;
      console.log(
        `  pair ${pair} (${oursFirst ? 'this checkout' : commit.short} first): ` +
          `this checkout ${brief(ours)} | ${commit.short} ${brief(theirs)} | ratio ${(ours.gamesPerCpuSecond / theirs.gamesPerCpuSecond).toFixed(3)}`,
      );
    }
    const pad = (s: string, n: number) => s.padStart(n);
    console.log(`\nA: ${mine}\nB: ${commit.short} ${commit.subject}`);
    console.log(`${'median over the pairs'.padEnd(44)}${pad('A', 10)}${pad('B', 10)}${pad('A / B', 9)}`);
    for (const [name, get, digits] of FIGURES) {
      const a = median(results.map((r) => get(r.ours)));
      const b = median(results.map((r) => get(r.theirs)));
      // Per pair, then the median: the two runs of a pair saw nearly the same machine.
      const ratio = median(results.map((r) => get(r.ours) / get(r.theirs)));
      console.log(
        `${name.padEnd(44)}${pad(a.toFixed(digits), 10)}${pad(b.toFixed(digits), 10)}${pad(ratio.toFixed(3), 9)}`,
      );
    }
    console.log(`load average at the end: ${os.loadavg()[0]?.toFixed(2)} (1 min), ${os.cpus().length} cores`);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    cleanUp();
  }
}
