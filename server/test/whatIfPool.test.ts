/**
 * The what-if runner keeps its worker processes between batches (whatIfPool.ts): a second batch runs
 * on the same workers and plays the same games for the same seeds, a cancelled batch's workers are
 * stopped (a running job cannot be interrupted otherwise), idle workers stop after a while, and
 * closing the runner stops them all.
 */
import { createEngine } from '@peace-table/shared/engine/game';
import { publicScenario } from '@peace-table/shared/scenario/public';
import { afterEach, describe, expect, it } from 'vitest';
import { readServerConfig } from '../src/config.ts';
import {
  DEFAULT_WHATIF_LIMITS,
  type WhatIfRequest,
  WhatIfRunner,
  type WhatIfState,
} from '../src/debrief/whatIfRunner.ts';
import { createLogger } from '../src/log.ts';
import { contentScenarios } from '../src/sessions/scenarios.ts';

const scenario = await contentScenarios().load('ukraine-2026');
const engine = createEngine(scenario);
const request = (count: number): WhatIfRequest => ({
  code: 'ABCDEF',
  step: 0,
  change: null,
  scenario,
  pub: publicScenario(scenario),
  moment: engine.persist(engine.start({ seed: 7, now: 0 })),
  range: { from: 1, count, level: 'standard' },
  actual: null,
});

async function until(check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function run(runner: WhatIfRunner, count: number): Promise<WhatIfState> {
  const started = runner.start(request(count));
  if (!started.ok) throw new Error('busy');
  await until(() => started.state.status !== 'running');
  return started.state;
}

let runner: WhatIfRunner | undefined;
afterEach(() => runner?.close());

describe('the what-if worker processes', () => {
  it('are kept for the next batch, which plays the same games for the same seeds', async () => {
    runner = new WhatIfRunner(createLogger('silent'), { workers: 2, maxRunning: 1 });
    const first = await run(runner, 6);
    expect(first.status).toBe('done');
    expect(runner.liveWorkers).toBe(2);
    const second = await run(runner, 6);
    expect(second.status).toBe('done');
    expect(runner.liveWorkers).toBe(2);
    expect(second.records?.map((r) => [r.seed, r.outcomeId, r.scores])).toEqual(
      first.records?.map((r) => [r.seed, r.outcomeId, r.scores]),
    );
  }, 60_000);

  it('of a cancelled batch are stopped, and the next batch starts new ones', async () => {
    runner = new WhatIfRunner(createLogger('silent'), { workers: 2, maxRunning: 1 });
    const started = runner.start(request(3000));
    if (!started.ok) throw new Error('busy');
    expect(runner.liveWorkers).toBe(2);
    runner.cancel('ABCDEF', started.state.id);
    await until(() => runner?.liveWorkers === 0);
    expect((await run(runner, 4)).status).toBe('done');
    expect(runner.liveWorkers).toBe(2);
  }, 60_000);

  it('stop once idle for a while, and all of them when the runner closes', async () => {
    runner = new WhatIfRunner(createLogger('silent'), { workers: 2, maxRunning: 1, keepWorkersMs: 300 });
    await run(runner, 2);
    await until(() => runner?.liveWorkers === 0, 10_000);
    const busy = new WhatIfRunner(createLogger('silent'), { workers: 2, maxRunning: 1 });
    busy.start(request(3000));
    expect(busy.liveWorkers).toBe(2);
    busy.close();
    await until(() => busy.liveWorkers === 0, 10_000);
  }, 60_000);
});

describe('the what-if settings', () => {
  it('come from WHATIF_RUNNING, WHATIF_MAX_GAMES and WHATIF_WORKERS, with a sentence for nonsense', () => {
    expect(readServerConfig({}).whatIf).toEqual({
      maxRunning: DEFAULT_WHATIF_LIMITS.maxRunning,
      maxGames: DEFAULT_WHATIF_LIMITS.maxGames,
      workers: DEFAULT_WHATIF_LIMITS.workers,
    });
    expect(readServerConfig({ WHATIF_RUNNING: '2', WHATIF_MAX_GAMES: '2000', WHATIF_WORKERS: '3' }).whatIf).toEqual({
      maxRunning: 2,
      maxGames: 2000,
      workers: 3,
    });
    expect(() => readServerConfig({ WHATIF_WORKERS: '0' })).toThrow(
      'WHATIF_WORKERS must be a whole number from 1 to 64, not "0".',
    );
    expect(() => readServerConfig({ WHATIF_MAX_GAMES: 'lots' })).toThrow(/WHATIF_MAX_GAMES must be a whole number/);
  });
});
