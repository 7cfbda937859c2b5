/**
 * A worker process of the "what if" batches, kept between batches by the runner's pool
 * (whatIfPool.ts): each job plays a contiguous range of seeds from the moment it is given
 * (shared/src/sim/whatif.ts) and sends the game records back a batch at a time, for the progress
 * bar, then says it is done and waits for the next job.
 *
 * It is a process of its own, not a thread of the server, so that all of it runs at the lowest CPU
 * priority: the games' garbage collection and compilation run on helper threads of the process that
 * runs them, and in the server's process those helpers would compete with the rooms at normal
 * priority (the neighbours' latency doubled while a batch ran). On Linux each thread has its own
 * priority, so every thread of this process is lowered, its helpers included.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import type { PersistedGame } from '@peace-table/shared/engine/game';
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import type { GameRecord } from '@peace-table/shared/sim/simulate';
import { playFromMoment, type WhatIfRange } from '@peace-table/shared/sim/whatif';
import { PRIORITY_VARIABLE } from './whatIfPool.ts';

export interface WhatIfJob {
  scenario: Scenario;
  moment: PersistedGame;
  range: WhatIfRange;
}

export type WhatIfReport = { kind: 'records'; records: GameRecord[] } | { kind: 'done' };

function lowerPriority(priority: number): void {
  let threads: number[] = [0]; // 0: this thread, where /proc is not there to list the others
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // Not Linux: the process's priority is the priority of all its threads.
  }
  for (const thread of threads) {
    try {
      os.setPriority(thread, priority);
    } catch {
      // Not allowed on this system: the batches still run, at normal priority.
    }
  }
}

const send = process.send?.bind(process);
if (!send) throw new Error('whatIfWorker.ts runs as a child process of the what-if runner');
lowerPriority(Number(process.env[PRIORITY_VARIABLE] ?? 19));
process.on('message', (job: WhatIfJob) => {
  const engine = createEngine(job.scenario);
  playFromMoment(engine, publicScenario(job.scenario), job.moment, job.range, (records) =>
    send({ kind: 'records', records } satisfies WhatIfReport),
  );
  send({ kind: 'done' } satisfies WhatIfReport);
});
