/**
 * `npm run bench`: AI-delegation decision time (median and p99 per delegation over whole games)
 * and complete all-bot games per second on one core. Prints figures; asserts nothing.
 */
import os from 'node:os';
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import { playGame } from '@peace-table/shared/sim/simulate';
import { loadScenarioById } from '../content/loadScenario.ts';

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main() {
  const games = Number(process.argv.find((a) => a.startsWith('--games='))?.slice(8) ?? 200);
  const scenario = await loadScenarioById('ukraine-2026');
  const engine = createEngine(scenario);
  const pub = publicScenario(scenario);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`);

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

  // Wall time says what a facilitator waits; CPU time (this process, one thread) says what one core
  // does when other work shares the machine. Both are printed, with the load average.
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let seed = 1; seed <= games; seed += 1) playGame(engine, { seed, level: 'standard' }, pub);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `all-bot games: ${games} in ${seconds.toFixed(2)} s wall = ${(games / seconds).toFixed(1)} games/s; ` +
      `${cpuSeconds.toFixed(2)} CPU-s = ${(games / cpuSeconds).toFixed(1)} games per CPU-second on one core`,
  );
  console.log(`load average during the run: ${os.loadavg()[0]?.toFixed(2)} (1 min)`);
}

await main();
