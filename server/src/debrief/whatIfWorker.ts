/**
 * One worker thread of a "what if" batch: plays a contiguous range of seeds from the moment it is
 * given (shared/src/sim/whatif.ts) and posts the game records back a batch at a time, for the
 * progress bar. It runs at the lowest CPU priority, so the rooms on the main thread keep answering
 * their players while a batch runs (on Linux a thread's priority is its own).
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { PersistedGame } from '@peace-table/shared/engine/game';
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import type { GameRecord } from '@peace-table/shared/sim/simulate';
import { playFromMoment, type WhatIfRange } from '@peace-table/shared/sim/whatif';

export interface WhatIfJob {
  scenario: Scenario;
  moment: PersistedGame;
  range: WhatIfRange;
  /** Nice value for this thread (19: run only on time the rooms do not need). */
  priority: number;
}

export type WhatIfReport = { kind: 'records'; records: GameRecord[] } | { kind: 'done' };

const job = workerData as WhatIfJob;
try {
  os.setPriority(job.priority);
} catch {
  // Not allowed on this system: the batch still runs, at normal priority.
}
const engine = createEngine(job.scenario);
playFromMoment(engine, publicScenario(job.scenario), job.moment, job.range, (records) =>
  parentPort?.postMessage({ kind: 'records', records } satisfies WhatIfReport),
);
parentPort?.postMessage({ kind: 'done' } satisfies WhatIfReport);
