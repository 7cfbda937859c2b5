/**
 * A worker thread of the "what if" batches, kept between batches by the runner's pool
 * (whatIfRunner.ts): each job plays a contiguous range of seeds from the moment it is given
 * (shared/src/sim/whatif.ts) and posts the game records back a batch at a time, for the progress
 * bar, then says it is done and waits for the next job. It runs at the lowest CPU priority, so the
 * rooms on the main thread keep answering their players while a batch runs (on Linux a thread's
 * priority is its own).
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { PersistedGame } from '@peace-table/shared/engine/game';
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import type { GameRecord } from '@peace-table/shared/sim/simulate';
import { playFromMoment, type WhatIfRange } from '@peace-table/shared/sim/whatif';

export interface WhatIfWorkerData {
  /** Nice value for this thread (19: run only on time the rooms do not need). */
  priority: number;
}

export interface WhatIfJob {
  scenario: Scenario;
  moment: PersistedGame;
  range: WhatIfRange;
}

export type WhatIfReport = { kind: 'records'; records: GameRecord[] } | { kind: 'done' };

const port = parentPort;
if (!port) throw new Error('whatIfWorker.ts runs as a worker thread of the what-if runner');
try {
  os.setPriority((workerData as WhatIfWorkerData).priority);
} catch {
  // Not allowed on this system: the batches still run, at normal priority.
}
port.on('message', (job: WhatIfJob) => {
  const engine = createEngine(job.scenario);
  playFromMoment(engine, publicScenario(job.scenario), job.moment, job.range, (records) =>
    port.postMessage({ kind: 'records', records } satisfies WhatIfReport),
  );
  port.postMessage({ kind: 'done' } satisfies WhatIfReport);
});
