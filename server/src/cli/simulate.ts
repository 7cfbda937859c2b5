/**
 * `npm run simulate -- --games N --seed S [--scenario ukraine-2026] [--bots standard] [--json] [--trace]
 *  [--workers W] [--player ukraine:skilled]`
 *
 * Plays N complete all-bot games (seeds S, S+1, …) with the same engine, views and bots as the
 * server, and prints the outcome distribution, agreement rate, mean scores, mean distance of
 * agreements to the Pareto frontier and the Nash point, mean rounds and games per second.
 * The games are split over W worker threads (default: one per core), each a contiguous range of
 * seeds; the figures are the same for any W. `--player seat:skilled` seats the scripted skilled
 * player (shared/src/sim/skilledPlayer.ts) in one seat and adds its figures.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { BOT_LEVELS, type BotLevel } from '@peace-table/shared/bots/types';
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import {
  type GameRecord,
  type PlayOptions,
  playGame,
  playSeeds,
  seatFigures,
  summarise,
  traceLines,
} from '@peace-table/shared/sim/simulate';
import { loadScenarioById } from '../content/loadScenario.ts';
import { type PlayerSpec, parsePlayer, seatPlayer } from './seatPlayer.ts';
import type { SimulateJob, SimulateReport } from './simulateWorker.ts';

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(2);
}

async function main() {
  let args: ReturnType<typeof parseArgs>['values'];
  try {
    ({ values: args } = parseArgs({
      options: {
        games: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        scenario: { type: 'string', default: 'ukraine-2026' },
        bots: { type: 'string', default: 'standard' },
        json: { type: 'boolean', default: false },
        trace: { type: 'boolean', default: false },
        workers: { type: 'string' },
        player: { type: 'string' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const games = Number(args.games);
  const seed = Number(args.seed);
  const level = String(args.bots) as BotLevel;
  if (!Number.isInteger(games) || games < 1) fail(`--games must be a positive integer, got "${args.games}"`);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${args.seed}"`);
  if (!BOT_LEVELS.includes(level)) fail(`--bots must be one of ${BOT_LEVELS.join(', ')}, got "${args.bots}"`);
  const parsedPlayer = args.player === undefined ? undefined : parsePlayer(String(args.player));
  if (typeof parsedPlayer === 'string') fail(parsedPlayer);
  const player: PlayerSpec | undefined = parsedPlayer;
  // A worker pays for loading the scenario and warming up (about a second): not worth it for a few games.
  const workers =
    args.workers === undefined ? Math.min(os.availableParallelism(), Math.ceil(games / 200)) : Number(args.workers);
  if (!Number.isInteger(workers) || workers < 1) fail(`--workers must be a positive integer, got "${args.workers}"`);

  const scenario = await loadScenarioById(String(args.scenario)).catch((error: Error) => fail(error.message));
  const engine = createEngine(scenario);
  const pub = publicScenario(scenario);

  if (args.trace) {
    const reasons: NonNullable<Parameters<typeof playGame>[1]['reasons']> = [];
    const options: PlayOptions = { seed, level, reasons, distances: true };
    if (player) options.player = seatPlayer(player);
    const { snapshot, record } = playGame(engine, options, pub);
    const why = new Map(reasons.map((r) => [r.seq, r.reason.en]));
    for (const [i, text] of traceLines(snapshot.context.transcript).entries()) {
      const entry = snapshot.context.transcript[i];
      const reason = entry ? why.get(entry.seq) : undefined;
      console.log(reason ? `${text}\n      ↳ ${reason}` : text);
    }
    console.log(JSON.stringify(record, null, 2));
    return;
  }

  const started = performance.now();
  const progress = !args.json && process.stderr.isTTY;
  let done = 0;
  const onGames = (count: number) => {
    const before = done;
    done += count;
    if (progress && Math.floor(done / 50) > Math.floor(before / 50)) process.stderr.write(`\r${done}/${games} games`);
  };
  const records: GameRecord[] = [];
  if (workers === 1) {
    const range = { from: seed, count: games, level };
    playSeeds(engine, pub, player ? { ...range, player: seatPlayer(player) } : range, (batch) => {
      records.push(...batch);
      onGames(batch.length);
    });
  } else {
    const jobs = jobsFor(String(args.scenario), level, seed, games, workers).map((job) =>
      player ? { ...job, player } : job,
    );
    records.push(...(await playOnWorkers(jobs, onGames)));
  }
  if (progress) process.stderr.write('\r');
  const seconds = (performance.now() - started) / 1000;
  const summary = {
    scenario: scenario.meta.id,
    level,
    seed,
    workers,
    ...summarise(pub, records, scenario.measures),
    ...(player ? { player: { kind: player.kind, ...seatFigures(records, player.delegation) } } : {}),
    gamesPerSecond: games / seconds,
  };
  if (args.json) {
    console.log(JSON.stringify(summary));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${games} all-bot games of ${scenario.meta.id} (bots: ${level}, seeds ${seed}…${seed + games - 1})`);
  console.log('\noutcome                                         count   share');
  for (const o of summary.outcomes) {
    const label = `${o.title}${o.seedScenario ? ` (seed scenario ${o.seedScenario})` : ''}`;
    console.log(`  ${label.padEnd(46)}${String(o.count).padStart(5)}  ${pct(o.share).padStart(6)}`);
  }
  console.log(
    `\nagreement rate (a ceasefire signed): ${pct(summary.agreementRate)}; ratified: ${pct(summary.ratifiedRate)}`,
  );
  console.log('mean score per delegation (utility / no-deal value at the end):');
  for (const [d, s] of Object.entries(summary.meanScores))
    console.log(`  ${d.padEnd(8)} ${s.utility.toFixed(3)} / ${s.noDeal.toFixed(3)}`);
  const fmt = (x: number | null) => (x === null ? 'n/a (no agreements)' : x.toFixed(3));
  console.log(`mean distance of agreements to the Pareto frontier: ${fmt(summary.meanDistanceToFrontier)}`);
  console.log(`mean distance of agreements to the Nash point: ${fmt(summary.meanDistanceToNash)}`);
  console.log(`mean rounds: ${summary.meanRounds.toFixed(2)}`);
  console.log(
    `ratified ceasefire: ${pct(summary.ceasefireShare)}; a ratified partial agreement: ${pct(summary.partialShare)}`,
  );
  const last = summary.lastRoundShare === null ? 'n/a' : pct(summary.lastRoundShare);
  console.log(`signed agreements by round: ${histogramText(summary.agreementRounds)} (last round: ${last})`);
  console.log(`signed agreements by clause count: ${histogramText(summary.clauseCounts)}`);
  for (const m of summary.measures) {
    // "Ukraine's weapons pipeline ran short: 31.2% of games; of the games of each outcome: ..."
    const byOutcome = summary.outcomes
      .filter((o) => m.byOutcome[o.id] !== undefined)
      .map((o) => `${o.title} ${pct(m.byOutcome[o.id] ?? 0)}`)
      .join(', ');
    console.log(`${m.title}: ${pct(m.share)} of games; of the games of each outcome: ${byOutcome}`);
  }
  if (summary.player) {
    const p = summary.player;
    console.log(`\n${p.delegation} played by the ${p.kind} player:`);
    console.log(
      `  a ratified agreement: ${pct(p.ratifiedShare)} (a ratified ceasefire: ${pct(p.ratifiedCeasefireShare)})`,
    );
    console.log(
      `  a ratified agreement better than its walk-away: ${pct(p.betterThanWalkAwayShare)} (a ceasefire: ${pct(p.betterCeasefireShare)})`,
    );
    console.log(`  mean score ${p.meanUtility.toFixed(3)} against a mean walk-away of ${p.meanWalkAway.toFixed(3)}`);
    console.log(`  ratified agreements by round: ${histogramText(p.agreementRounds)}`);
  }
  console.log(
    `bot actions refused by the engine: ${summary.refused}; red lines crossed: ${summary.redLinesCrossed}; phases forced: ${summary.forced}`,
  );
  console.log(`speed: ${summary.gamesPerSecond.toFixed(1)} games/s on ${workers} worker thread(s)`);
}

/** "4: 12, 10: 3" */
function histogramText(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([k, n]) => `${k}: ${n}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** Contiguous seed ranges of nearly equal size, one per worker. */
function jobsFor(scenarioId: string, level: BotLevel, seed: number, games: number, workers: number): SimulateJob[] {
  const jobs: SimulateJob[] = [];
  for (let w = 0, from = seed; w < workers; w += 1) {
    const count = Math.floor(games / workers) + (w < games % workers ? 1 : 0);
    if (count > 0) jobs.push({ scenarioId, level, from, count });
    from += count;
  }
  return jobs;
}

/**
 * A game allocates a few MB of objects that die within a step. Left alone, V8 grows the young
 * generation towards a server's sizing (64 to 128 MB), and allocation then sweeps memory far larger than
 * the CPU's caches; capped at 48 MB (two 16 MB semi-spaces and their large-object space) the games run
 * 5 to 10% faster (`npm run bench` is started with the same size: --max-semi-space-size=16).
 */
const YOUNG_GENERATION_MB = 48;

/** Runs the jobs on worker threads; the records come back in seed order whatever finishes first. */
async function playOnWorkers(jobs: SimulateJob[], onGames: (count: number) => void): Promise<GameRecord[]> {
  const results = await Promise.all(
    jobs.map(
      (job) =>
        new Promise<GameRecord[]>((resolve, reject) => {
          const records: GameRecord[] = [];
          const worker = new Worker(new URL('./simulateWorker.ts', import.meta.url), {
            workerData: job,
            resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
          });
          worker.on('message', (report: SimulateReport) => {
            if (report.kind === 'records') {
              records.push(...report.records);
              onGames(report.records.length);
            } else resolve(records);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`a simulation worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}

await main();
