/**
 * The measuring loop of `npm run bench`: complete all-bot games of one checkout of the project
 * (its engine, bots, simulator and content), loaded from the folder it is given. `--against`
 * runs this same loop on another commit's checkout, so the two sides differ only in the code
 * they load, never in how they are measured.
 *
 * As a script (`benchGames.ts --root DIR [--games N --batches N --decision-games N]`) it prints
 * its figures as one line of JSON, for benchAgainst.ts. It relies only on what every commit since
 * the simulator has had: `createEngine(scenario)`, `publicScenario(scenario)`,
 * `playGame(engine, { seed, level, now, timeDecision }, pub)` and `loadScenarioById(id)`.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { createEngine as CreateEngine, Engine } from '@peace-table/shared/engine/game';
import type { publicScenario as PublicScenarioOf } from '@peace-table/shared/scenario/public';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import type { playGame as PlayGame } from '@peace-table/shared/sim/simulate';

export interface GameBenchOptions {
  /** Games per throughput batch. */
  games: number;
  batches: number;
  /** Whole games whose every bot decision is timed, after the warm-up games. */
  decisionGames: number;
  warmupGames: number;
}

export const DEFAULT_GAME_BENCH: GameBenchOptions = { games: 200, batches: 5, decisionGames: 50, warmupGames: 20 };

export interface DecisionFigures {
  n: number;
  median: number;
  p99: number;
  max: number;
}

export interface GameFigures {
  /** Median over the batches: what the machine spends (this process's CPU, all its threads). */
  gamesPerCpuSecond: number;
  /** Median over the batches: what a facilitator waits. */
  wallGamesPerSecond: number;
  batches: { wall: number; cpu: number }[];
  /** Every delegation's decisions pooled. */
  decisions: DecisionFigures;
  byDelegation: Record<string, DecisionFigures>;
}

/** The project's root folder (this file is server/src/cli/benchGames.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function decisionFigures(times: readonly number[]): DecisionFigures {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
}

export interface Checkout {
  scenario: Scenario;
  engine: Engine;
  /** One game, as the simulator plays it. */
  play(seed: number, timeDecision?: (delegation: string, ms: number) => void): ReturnType<typeof PlayGame>;
}

/** The engine, simulator and real scenario of the checkout at `root`. */
export async function loadCheckout(root: string, scenarioId = 'ukraine-2026'): Promise<Checkout> {
  const load = (file: string) => import(pathToFileURL(path.join(root, file)).href);
  const { createEngine } = (await load('shared/src/engine/game.ts')) as { createEngine: typeof CreateEngine };
  const { publicScenario } = (await load('shared/src/scenario/public.ts')) as {
    publicScenario: typeof PublicScenarioOf;
  };
  const { playGame } = (await load('shared/src/sim/simulate.ts')) as { playGame: typeof PlayGame };
  const { loadScenarioById } = (await load('server/src/content/loadScenario.ts')) as {
    loadScenarioById: (id: string) => Promise<Scenario>;
  };
  const scenario = await loadScenarioById(scenarioId);
  const engine = createEngine(scenario);
  const pub = publicScenario(scenario);
  return {
    scenario,
    engine,
    play: (seed, timeDecision) =>
      playGame(
        engine,
        timeDecision
          ? { seed, level: 'standard', now: () => performance.now(), timeDecision }
          : { seed, level: 'standard' },
        pub,
      ),
  };
}

export function measureGames(checkout: Checkout, o: GameBenchOptions): GameFigures {
  // Warm-up: the first games run while V8 is still compiling the hot paths; a server hosting bots
  // is long past that, so those decisions are not counted.
  for (let i = 0; i < o.warmupGames; i += 1) checkout.play(1_000_001 + i);
  const times: Record<string, number[]> = {};
  const all: number[] = [];
  for (let seed = 1; seed <= o.decisionGames; seed += 1) {
    checkout.play(seed, (d, ms) => {
      const list = times[d] ?? [];
      times[d] = list;
      list.push(ms);
      all.push(ms);
    });
  }
  // Several batches, so a neighbour's burst on a shared machine shows as one slow batch instead of
  // skewing a single figure.
  const batches: { wall: number; cpu: number }[] = [];
  for (let batch = 0; batch < o.batches; batch += 1) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (let seed = 1 + batch * o.games; seed <= (batch + 1) * o.games; seed += 1) checkout.play(seed);
    const cpu = process.cpuUsage(cpuBefore);
    batches.push({
      wall: o.games / ((performance.now() - started) / 1000),
      cpu: o.games / ((cpu.user + cpu.system) / 1e6),
    });
  }
  return {
    gamesPerCpuSecond: median(batches.map((b) => b.cpu)),
    wallGamesPerSecond: median(batches.map((b) => b.wall)),
    batches,
    decisions: decisionFigures(all),
    byDelegation: Object.fromEntries(Object.entries(times).map(([d, list]) => [d, decisionFigures(list)])),
  };
}

/** The size options shared by `npm run bench` and this script. */
export const SIZE_OPTIONS = {
  games: { type: 'string' },
  batches: { type: 'string' },
  'decision-games': { type: 'string' },
} as const;

export function sizesFrom(
  values: { games?: string; batches?: string; 'decision-games'?: string },
  defaults: GameBenchOptions,
): GameBenchOptions {
  const count = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number of at least 1, not "${raw}"`);
    return n;
  };
  return {
    games: count('games', values.games, defaults.games),
    batches: count('batches', values.batches, defaults.batches),
    decisionGames: count('decision-games', values['decision-games'], defaults.decisionGames),
    warmupGames: defaults.warmupGames,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { root: { type: 'string' }, ...SIZE_OPTIONS } });
  if (!values.root) throw new Error('usage: benchGames.ts --root DIR [--games N --batches N --decision-games N]');
  const figures = measureGames(await loadCheckout(values.root), sizesFrom(values, DEFAULT_GAME_BENCH));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
