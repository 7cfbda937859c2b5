/**
 * The server's "what if" batches: each one plays its games on worker processes (whatIfWorker.ts),
 * reports progress, can be cancelled, and is kept for a while after it ends so its page can read
 * the result. At most `maxRunning` batches run at once on this server; another request hears how
 * long to wait ("busy, try again in N s"), worked out from the running batches' pace.
 *
 * The runner belongs to the server that creates it (createApp) and stops its workers with it; its
 * workers are kept between batches (whatIfPool.ts).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { PersistedGame } from '@peace-table/shared/engine/game';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import type { GameRecord } from '@peace-table/shared/sim/simulate';
import {
  type ActualOutcome,
  summariseWhatIf,
  type WhatIfRange,
  type WhatIfSummary,
} from '@peace-table/shared/sim/whatif';
import type { Logger } from 'pino';
import { WhatIfPool, type WhatIfWorker } from './whatIfPool.ts';
import type { WhatIfJob, WhatIfReport } from './whatIfWorker.ts';

export interface WhatIfLimits {
  /** Batches running at once on this server. */
  maxRunning: number;
  /** Games one batch may ask for. */
  maxGames: number;
  /** Worker processes per batch (default: one per core, at most 4). */
  workers: number;
  /** How long a finished batch's result stays readable. */
  keepMs: number;
  /** Nice value of the worker processes (19 = lowest priority). */
  priority: number;
  /** How long a worker waits idle for the next batch before it stops. */
  keepWorkersMs: number;
}

export const DEFAULT_WHATIF_LIMITS: WhatIfLimits = {
  maxRunning: 1,
  maxGames: 5000,
  workers: Math.max(1, Math.min(4, os.availableParallelism())),
  keepMs: 15 * 60_000,
  priority: 19,
  keepWorkersMs: 2 * 60_000,
};

export type WhatIfStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface WhatIfRequest {
  code: string;
  step: number;
  /** The change's label, for the result's heading (null: what usually happens from here). */
  change: unknown;
  scenario: Scenario;
  pub: PublicScenario;
  moment: PersistedGame;
  range: WhatIfRange;
  actual: ActualOutcome | null;
}

export interface WhatIfState {
  id: string;
  code: string;
  step: number;
  change: unknown;
  status: WhatIfStatus;
  games: number;
  done: number;
  startedAt: number;
  seconds: number | null;
  level: WhatIfRange['level'];
  firstSeed: number;
  actual: ActualOutcome | null;
  summary: WhatIfSummary | null;
  records: GameRecord[] | null;
  error: string | null;
}

interface Running {
  state: WhatIfState;
  /** The batch's workers, each with the listeners it added (removed when the worker goes back to the pool). */
  workers: Array<{ worker: WhatIfWorker; detach: () => void }>;
  records: GameRecord[][];
  expires: NodeJS.Timeout | null;
}

export type StartAnswer = { ok: true; state: WhatIfState } | { ok: false; busySeconds: number };

/** Contiguous seed ranges of nearly equal size (as `npm run simulate` splits them): the same games for any split. */
function split(range: WhatIfRange, workers: number): WhatIfRange[] {
  const parts: WhatIfRange[] = [];
  for (let w = 0, from = range.from; w < workers; w += 1) {
    const count = Math.floor(range.count / workers) + (w < range.count % workers ? 1 : 0);
    if (count > 0) parts.push({ ...range, from, count });
    from += count;
  }
  return parts;
}

export class WhatIfRunner {
  private readonly batches = new Map<string, Running>();
  readonly limits: WhatIfLimits;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly pool: WhatIfPool;

  constructor(log: Logger, limits: Partial<WhatIfLimits> = {}, now: () => number = Date.now) {
    this.log = log;
    this.now = now;
    this.limits = { ...DEFAULT_WHATIF_LIMITS, ...limits };
    this.pool = new WhatIfPool(this.limits.priority, this.limits.keepWorkersMs);
  }

  /** Workers alive now (running a batch or waiting for the next). */
  get liveWorkers(): number {
    return this.pool.size;
  }

  private running(): Running[] {
    return [...this.batches.values()].filter((b) => b.state.status === 'running');
  }

  /** Seconds until a batch slot is likely free, from the running batches' pace so far. */
  private busySeconds(): number {
    const left = this.running().map(({ state }) => {
      const elapsed = (this.now() - state.startedAt) / 1000;
      const rate = state.done > 0 ? state.done / Math.max(elapsed, 0.001) : 0;
      return rate > 0 ? (state.games - state.done) / rate : 10;
    });
    return Math.max(1, Math.ceil(Math.min(...left)));
  }

  start(request: WhatIfRequest): StartAnswer {
    if (this.running().length >= this.limits.maxRunning) return { ok: false, busySeconds: this.busySeconds() };
    const id = randomBytes(9).toString('base64url');
    const state: WhatIfState = {
      id,
      code: request.code,
      step: request.step,
      change: request.change,
      status: 'running',
      games: request.range.count,
      done: 0,
      startedAt: this.now(),
      seconds: null,
      level: request.range.level,
      firstSeed: request.range.from,
      actual: request.actual,
      summary: null,
      records: null,
      error: null,
    };
    const parts = split(request.range, Math.min(this.limits.workers, request.range.count));
    const batch: Running = { state, workers: [], records: parts.map(() => []), expires: null };
    this.batches.set(id, batch);
    let finished = 0;
    parts.forEach((range, index) => {
      const job: WhatIfJob = { scenario: request.scenario, moment: request.moment, range };
      const worker = this.pool.take();
      const onMessage = (report: WhatIfReport) => {
        if (state.status !== 'running') return;
        if (report.kind === 'records') {
          batch.records[index]?.push(...report.records);
          state.done += report.records.length;
          return;
        }
        finished += 1;
        if (finished === parts.length) this.finish(batch, request.pub);
      };
      const onError = (error: Error) => this.fail(batch, error);
      const onExit = (code: number | null) => {
        if (state.status === 'running') this.fail(batch, new Error(`a what-if worker stopped (${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const detach = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      batch.workers.push({ worker, detach });
      worker.send(job);
    });
    return { ok: true, state };
  }

  private finish(batch: Running, pub: PublicScenario) {
    const records = batch.records.flat();
    batch.state.status = 'done';
    batch.state.seconds = (this.now() - batch.state.startedAt) / 1000;
    batch.state.records = records;
    batch.state.summary = summariseWhatIf(pub, records);
    this.log.info({ session: batch.state.code, games: records.length, seconds: batch.state.seconds }, 'what-if done');
    // Every thread has said it is done: each waits for the next batch.
    for (const { worker, detach } of batch.workers) {
      detach();
      this.pool.giveBack(worker);
    }
    batch.workers = [];
    this.end(batch);
  }

  private fail(batch: Running, error: Error) {
    if (batch.state.status !== 'running') return;
    batch.state.status = 'failed';
    batch.state.error = 'the batch stopped with an error';
    this.log.error({ err: error, session: batch.state.code }, 'what-if failed');
    this.end(batch);
  }

  /** The batch is over: workers still busy with it (cancelled, failed) are stopped; the result is kept a while. */
  private end(batch: Running) {
    for (const { worker, detach } of batch.workers) {
      detach();
      this.pool.stop(worker);
    }
    batch.workers = [];
    batch.expires = setTimeout(() => this.batches.delete(batch.state.id), this.limits.keepMs);
    batch.expires.unref();
  }

  /** The batch with this id for this session (undefined: unknown, or expired). */
  get(code: string, id: string): WhatIfState | undefined {
    const batch = this.batches.get(id);
    return batch && batch.state.code === code ? batch.state : undefined;
  }

  cancel(code: string, id: string): WhatIfState | undefined {
    const batch = this.batches.get(id);
    if (!batch || batch.state.code !== code) return undefined;
    if (batch.state.status === 'running') {
      batch.state.status = 'cancelled';
      batch.state.seconds = (this.now() - batch.state.startedAt) / 1000;
      this.end(batch);
    }
    return batch.state;
  }

  /** Stops every running batch (the server is shutting down). */
  close(): void {
    for (const batch of this.batches.values()) {
      if (batch.state.status === 'running') batch.state.status = 'cancelled';
      if (batch.expires) clearTimeout(batch.expires);
    }
    this.batches.clear();
    this.pool.close();
  }
}
