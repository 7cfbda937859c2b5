/**
 * One worker thread of `npm run simulate`: plays a contiguous range of seeds with its own engine and
 * posts the game records back in order, a batch at a time (so the main thread can show progress).
 * Games are independent and seeded, so splitting the seeds over threads changes no record.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BotLevel } from '@peace-table/shared/bots/types';
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import { type GameRecord, playGame } from '@peace-table/shared/sim/simulate';
import { loadScenarioById } from '../content/loadScenario.ts';

export interface SimulateJob {
  scenarioId: string;
  level: BotLevel;
  /** First seed and how many games. */
  from: number;
  count: number;
}

export type SimulateReport = { kind: 'records'; records: GameRecord[] } | { kind: 'done' };

const BATCH = 25;

const job = workerData as SimulateJob;
const scenario = await loadScenarioById(job.scenarioId);
const engine = createEngine(scenario);
const pub = publicScenario(scenario);
let batch: GameRecord[] = [];
for (let i = 0; i < job.count; i += 1) {
  // Frontier distances cost tens of ms per agreement (a frontier search each); agreements are a minority of games.
  batch.push(playGame(engine, { seed: job.from + i, level: job.level, distances: true }, pub).record);
  if (batch.length === BATCH || i === job.count - 1) {
    parentPort?.postMessage({ kind: 'records', records: batch } satisfies SimulateReport);
    batch = [];
  }
}
parentPort?.postMessage({ kind: 'done' } satisfies SimulateReport);
