/**
 * One worker thread of `npm run simulate`: plays a contiguous range of seeds with its own engine and
 * posts the game records back in order, a batch at a time (so the main thread can show progress).
 * Games are independent and seeded, so splitting the seeds over threads changes no record.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BotLevel } from '@peace-table/shared/bots/types';
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import { type GameRecord, playSeeds } from '@peace-table/shared/sim/simulate';
import { loadScenarioById } from '../content/loadScenario.ts';
import { type PlayerSpec, seatPlayer } from './seatPlayer.ts';

export interface SimulateJob {
  scenarioId: string;
  level: BotLevel;
  /** First seed and how many games. */
  from: number;
  count: number;
  /** One seat played by a scripted player (--player). */
  player?: PlayerSpec;
}

export type SimulateReport = { kind: 'records'; records: GameRecord[] } | { kind: 'done' };

const job = workerData as SimulateJob;
const scenario = await loadScenarioById(job.scenarioId);
const engine = createEngine(scenario);
const { player, ...range } = job;
playSeeds(engine, publicScenario(scenario), player ? { ...range, player: seatPlayer(player) } : range, (records) =>
  parentPort?.postMessage({ kind: 'records', records } satisfies SimulateReport),
);
parentPort?.postMessage({ kind: 'done' } satisfies SimulateReport);
