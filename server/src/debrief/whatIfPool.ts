/**
 * The what-if runner's worker processes (whatIfWorker.ts), kept between batches: a facilitator who
 * asks one "what if" usually asks another soon, and starting a worker (a Node process loading the
 * rules' code) costs more than a batch's first games. A worker idle for `keepIdleMs` is stopped, so
 * a server nobody asks for what-ifs runs none. The pool belongs to its runner and closes with it.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type WhatIfWorker = ChildProcess;

/** The nice value the runner asks its workers for (19: run only on time the rooms do not need). */
export const PRIORITY_VARIABLE = 'PEACE_TABLE_WHATIF_PRIORITY';

/** Semi-space of a worker's young generation: games allocate a lot that dies at once (see simulate.ts). */
const SEMI_SPACE_MB = 16;

function typeScriptLoader(): string[] {
  if (process.features.typescript || process.execArgv.some((flag) => flag.includes('tsx'))) return [];
  return ['--import', 'tsx'];
}

export class WhatIfPool {
  private readonly idle = new Map<WhatIfWorker, NodeJS.Timeout>();
  private readonly all = new Set<WhatIfWorker>();
  private readonly priority: number;
  private readonly keepIdleMs: number;

  constructor(priority: number, keepIdleMs: number) {
    this.priority = priority;
    this.keepIdleMs = keepIdleMs;
  }

  /** An idle worker, or a new one. */
  take(): WhatIfWorker {
    for (const [worker, timer] of this.idle) {
      clearTimeout(timer);
      this.idle.delete(worker);
      return worker;
    }
    const worker = fork(fileURLToPath(new URL('./whatIfWorker.ts', import.meta.url)), [], {
      // The server's own flags, a young generation for games, and on Nodes before 22.18 the
      // TypeScript loader the server itself runs with (scripts/start.mjs registers tsx in-process,
      // which a child process does not inherit).
      execArgv: [...process.execArgv, ...typeScriptLoader(), `--max-semi-space-size=${SEMI_SPACE_MB}`],
      env: { ...process.env, [PRIORITY_VARIABLE]: String(this.priority) },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.all.add(worker);
    worker.once('exit', () => this.forget(worker));
    // A worker that fails is not reused (its batch, if any, hears of it through its own listener).
    worker.on('error', () => this.stop(worker));
    return worker;
  }

  /** A worker whose job ended normally: kept for the next batch. */
  giveBack(worker: WhatIfWorker): void {
    if (!this.all.has(worker)) return;
    const timer = setTimeout(() => this.stop(worker), this.keepIdleMs);
    timer.unref();
    this.idle.set(worker, timer);
  }

  /** A worker whose job was cancelled or failed: stopped (a running job cannot be interrupted otherwise). */
  stop(worker: WhatIfWorker): void {
    this.forget(worker);
    worker.kill();
  }

  /** Workers alive now, busy or idle. */
  get size(): number {
    return this.all.size;
  }

  close(): void {
    for (const worker of [...this.all]) this.stop(worker);
  }

  private forget(worker: WhatIfWorker): void {
    const timer = this.idle.get(worker);
    if (timer) clearTimeout(timer);
    this.idle.delete(worker);
    this.all.delete(worker);
  }
}
