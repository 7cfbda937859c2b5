/**
 * The what-if runner's worker threads, kept between batches: a facilitator who asks one "what if"
 * usually asks another soon, and starting a thread (loading the rules' code into it) costs the
 * server more than a batch's first games. A thread idle for `keepIdleMs` is stopped, so a server
 * nobody asks for what-ifs holds none. The pool belongs to its runner and closes with it.
 */
import { Worker } from 'node:worker_threads';
import type { WhatIfWorkerData } from './whatIfWorker.ts';

/** Young generation of a worker: games allocate a lot that dies at once (see simulate.ts). */
const YOUNG_GENERATION_MB = 48;

export class WhatIfPool {
  private readonly idle = new Map<Worker, NodeJS.Timeout>();
  private readonly all = new Set<Worker>();
  private readonly data: WhatIfWorkerData;
  private readonly keepIdleMs: number;

  constructor(priority: number, keepIdleMs: number) {
    this.data = { priority };
    this.keepIdleMs = keepIdleMs;
  }

  /** An idle thread, or a new one. */
  take(): Worker {
    for (const [worker, timer] of this.idle) {
      clearTimeout(timer);
      this.idle.delete(worker);
      return worker;
    }
    const worker = new Worker(new URL('./whatIfWorker.ts', import.meta.url), {
      workerData: this.data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.all.add(worker);
    worker.once('exit', () => this.forget(worker));
    // A thread that fails is not reused (its batch, if any, hears of it through its own listener).
    worker.on('error', () => this.stop(worker));
    return worker;
  }

  /** A thread whose job ended normally: kept for the next batch. */
  giveBack(worker: Worker): void {
    if (!this.all.has(worker)) return;
    const timer = setTimeout(() => this.stop(worker), this.keepIdleMs);
    timer.unref();
    this.idle.set(worker, timer);
  }

  /** A thread whose job was cancelled or failed: stopped (a running job cannot be interrupted otherwise). */
  stop(worker: Worker): void {
    this.forget(worker);
    void worker.terminate();
  }

  /** Threads alive now, busy or idle. */
  get size(): number {
    return this.all.size;
  }

  close(): void {
    for (const worker of [...this.all]) this.stop(worker);
  }

  private forget(worker: Worker): void {
    const timer = this.idle.get(worker);
    if (timer) clearTimeout(timer);
    this.idle.delete(worker);
    this.all.delete(worker);
  }
}
