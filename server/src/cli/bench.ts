/**
 * `npm run bench [-- --games 200 --batches 5 --decision-games 50]`: AI-delegation decision time
 * (median and p99 per delegation over whole games), complete all-bot games per second on one core,
 * and the debrief frontier's cost per agreement (what `npm run simulate` adds for each game that
 * ends in a deal). Prints figures; asserts nothing.
 *
 * `npm run bench -- --against <commit> [--pairs 5]` measures this checkout and that commit side by
 * side in the same run instead (benchAgainst.ts).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { GameSnapshot } from '@peace-table/shared/engine/game';
import { debriefFigures } from '@peace-table/shared/engine/scoring';
import { benchAgainst } from './benchAgainst.ts';
import {
  DEFAULT_GAME_BENCH,
  loadCheckout,
  measureGames,
  median,
  PROJECT_ROOT,
  SIZE_OPTIONS,
  sizesFrom,
} from './benchGames.ts';

/** Smaller runs per side with --against: several pairs of them fit in the time one plain run takes. */
const AGAINST_SIZES = { games: 150, batches: 3, decisionGames: 30, warmupGames: 20 };

async function main() {
  const { values } = parseArgs({
    options: { against: { type: 'string' }, pairs: { type: 'string', default: '5' }, ...SIZE_OPTIONS },
  });
  // The flags say how the process was started: `npm run bench`, like `npm run simulate`, caps V8's
  // young generation (--max-semi-space-size=16; see simulate.ts).
  const flags = process.execArgv.filter((a) => a.startsWith('--max-semi-space-size')).join(' ') || 'default heap sizes';
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}, ${flags}`,
  );
  if (values.against !== undefined) {
    const pairs = Number(values.pairs);
    if (!Number.isInteger(pairs) || pairs < 1) throw new Error(`--pairs takes a whole number, not "${values.pairs}"`);
    await benchAgainst(values.against, pairs, sizesFrom(values, AGAINST_SIZES));
    return;
  }

  const sizes = sizesFrom(values, DEFAULT_GAME_BENCH);
  const checkout = await loadCheckout(PROJECT_ROOT);
  const figures = measureGames(checkout, sizes);
  console.log(
    `bot decision time over ${sizes.decisionGames} whole games after ${sizes.warmupGames} warm-up games (standard level):`,
  );
  for (const [d, f] of Object.entries(figures.byDelegation)) {
    console.log(
      `  ${d.padEnd(8)} n=${String(f.n).padStart(6)}  median ${f.median.toFixed(3)} ms  p99 ${f.p99.toFixed(3)} ms  max ${f.max.toFixed(3)} ms`,
    );
  }
  const all = figures.decisions;
  console.log(
    `  all      n=${String(all.n).padStart(6)}  median ${all.median.toFixed(3)} ms  p99 ${all.p99.toFixed(3)} ms`,
  );
  // Wall time says what a facilitator waits; CPU time (this process, all its threads: V8 collects
  // garbage on a helper thread) says what the machine spends.
  const walls = figures.batches.map((b) => b.wall);
  console.log(
    `all-bot games, ${sizes.batches} batches of ${sizes.games}: median ${figures.wallGamesPerSecond.toFixed(1)} games/s ` +
      `(batches ${walls.map((w) => w.toFixed(0)).join(', ')}); ` +
      `median ${figures.gamesPerCpuSecond.toFixed(1)} games per CPU-second`,
  );

  // What `npm run simulate` adds per agreement: the debrief's frontier and Nash point (scoring.ts).
  const agreements: GameSnapshot[] = [];
  for (let seed = 1; agreements.length < 10 && seed <= 2000; seed += 1) {
    const { snapshot } = checkout.play(seed);
    if (snapshot.context.result?.agreement) agreements.push(snapshot);
  }
  const frontierMs = agreements.map((snapshot) => {
    const started = performance.now();
    debriefFigures(checkout.scenario, snapshot.context.result?.agreement ?? null, snapshot.context.world);
    return performance.now() - started;
  });
  console.log(
    `debrief frontier and Nash point per agreement (${frontierMs.length} agreements): ` +
      `median ${median(frontierMs).toFixed(1)} ms, max ${Math.max(...frontierMs).toFixed(1)} ms`,
  );
  console.log(`load average during the run: ${os.loadavg()[0]?.toFixed(2)} (1 min)`);
}

await main();
