/**
 * `npm run bench`: AI-delegation decision time (median and p99 per delegation over whole games)
 * complete all-bot games per second on one core, and the debrief frontier's cost per agreement (what
 * `npm run simulate` adds for each game that ends in a deal). Prints figures; asserts nothing.
 */
import os from 'node:os';
import { createEngine, type GameSnapshot } from '@peace-table/shared/engine/game';
import { debriefFigures } from '@peace-table/shared/engine/scoring';
import { publicScenario } from '@peace-table/shared/scenario/public';
import { playGame } from '@peace-table/shared/sim/simulate';
import { loadScenarioById } from '../content/loadScenario.ts';

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main() {
  const games = Number(process.argv.find((a) => a.startsWith('--games='))?.slice(8) ?? 200);
  const scenario = await loadScenarioById('ukraine-2026');
  const engine = createEngine(scenario);
  const pub = publicScenario(scenario);
  // The flags say how the process was started: `npm run bench`, like `npm run simulate`, caps V8's
  // young generation (--max-semi-space-size=16; see simulate.ts).
  const flags = process.execArgv.filter((a) => a.startsWith('--max-semi-space-size')).join(' ') || 'default heap sizes';
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}, ${flags}`,
  );

  // Warm-up: the first games run while V8 is still compiling the hot paths; a server hosting bots
  // is long past that, so those decisions are not counted.
  for (let seed = 1_000_001; seed <= 1_000_020; seed += 1) playGame(engine, { seed, level: 'standard' }, pub);
  const times: Record<string, number[]> = { ukraine: [], russia: [], us: [], europe: [] };
  for (let seed = 1; seed <= 50; seed += 1) {
    playGame(
      engine,
      {
        seed,
        level: 'standard',
        now: () => performance.now(),
        timeDecision: (d, ms) => times[d]?.push(ms),
      },
      pub,
    );
  }
  console.log('bot decision time over 50 whole games after 20 warm-up games (standard level):');
  for (const [d, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `  ${d.padEnd(8)} n=${String(sorted.length).padStart(6)}  median ${quantile(sorted, 0.5).toFixed(3)} ms  p99 ${quantile(sorted, 0.99).toFixed(3)} ms  max ${sorted.at(-1)?.toFixed(3)} ms`,
    );
  }

  // Wall time says what a facilitator waits; CPU time (this process, all its threads: V8 collects
  // garbage on a helper thread) says what the machine spends. Five batches, so a neighbour's burst on
  // a shared machine shows as one slow batch instead of skewing a single figure.
  const batches: { wall: number; cpu: number }[] = [];
  for (let batch = 0; batch < 5; batch += 1) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (let seed = 1 + batch * games; seed <= (batch + 1) * games; seed += 1) {
      playGame(engine, { seed, level: 'standard' }, pub);
    }
    const cpu = process.cpuUsage(cpuBefore);
    batches.push({
      wall: games / ((performance.now() - started) / 1000),
      cpu: games / ((cpu.user + cpu.system) / 1e6),
    });
  }
  const walls = batches.map((b) => b.wall);
  console.log(
    `all-bot games, 5 batches of ${games}: median ${median(walls).toFixed(1)} games/s ` +
      `(batches ${walls.map((w) => w.toFixed(0)).join(', ')}); ` +
      `median ${median(batches.map((b) => b.cpu)).toFixed(1)} games per CPU-second`,
  );
  // What `npm run simulate` adds per agreement: the debrief's frontier and Nash point (scoring.ts).
  const agreements: GameSnapshot[] = [];
  for (let seed = 1; agreements.length < 10 && seed <= 2000; seed += 1) {
    const { snapshot } = playGame(engine, { seed, level: 'standard' }, pub);
    if (snapshot.context.result?.agreement) agreements.push(snapshot);
  }
  const frontierMs = agreements.map((snapshot) => {
    const started = performance.now();
    debriefFigures(scenario, snapshot.context.result?.agreement ?? null, snapshot.context.world);
    return performance.now() - started;
  });
  console.log(
    `debrief frontier and Nash point per agreement (${frontierMs.length} agreements): ` +
      `median ${median(frontierMs).toFixed(1)} ms, max ${Math.max(...frontierMs).toFixed(1)} ms`,
  );
  console.log(`load average during the run: ${os.loadavg()[0]?.toFixed(2)} (1 min)`);
}

await main();
