/**
 * `npm run bench:whatif [-- --games 1000 --sessions 40 --interval 2000 --pairs 3 --seconds 8]`
 *
 * What a "what if" batch costs, and what it costs the other rooms while it runs. Starts the server
 * in its own process (real content, real computer players, fresh database), lets four computer
 * delegations play one session to its end and times one batch of `games` games from the middle of
 * its event log on an otherwise idle server. Then it puts a classroom load on other sessions (N
 * sessions × 6 SDK clients acting every `interval` ms ±50%, from a driver thread: load.ts), lets
 * one window warm up unrecorded, and alternates windows of `seconds`: the load alone, the load
 * while the facilitator runs such batches back to back, the load alone again, and so on. Prints
 * each batch's time and the neighbours' action → effect latency (p50, p99) with the batch and
 * alone (the mean of the windows just before and after), and their ratio.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { DebriefAnswer, WhatIfAnswer } from '@peace-table/shared/debriefApi';
import { FACILITATOR_KEY_HEADER } from '@peace-table/shared/protocol';
import { loadScenarioById } from '../src/content/loadScenario.ts';
import { mixPlan } from './actionMix.ts';
import type { LoadOptions } from './load.ts';
import type { DriverResult } from './loadWorker.ts';

const { values } = parseArgs({
  options: {
    games: { type: 'string', default: '1000' },
    sessions: { type: 'string', default: '40' },
    clients: { type: 'string', default: '6' },
    interval: { type: 'string', default: '1000' },
    pairs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '12' },
    workers: { type: 'string', default: '2' },
    priority: { type: 'string', default: '19' },
    'driver-nice': { type: 'string', default: '0' },
  },
});
const num = (name: keyof typeof values) => Number(values[name]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'peace-table-whatif-'));
const port = await freePort();
const httpUrl = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn(
  process.execPath,
  [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'server/bench/whatIfServer.ts')],
  {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: path.join(dir, 'bench.db'),
      BOT_DELAY_MS: '0',
      // The load comes from one address: no throttles on creating and joining sessions.
      SESSIONS_PER_HOUR: '100000',
      SESSIONS_BURST: '10000',
      JOINS_PER_MINUTE: '100000',
      COLYSEUS_SEAT_RESERVATION_TIME: '120',
      WHATIF_WORKERS: String(values.workers),
      WHATIF_PRIORITY: String(values.priority),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  },
);
const stop = () => {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', stop);

function ask<T>(type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      server.off('message', on);
      resolve(m as T);
    };
    server.on('message', on);
    if (type !== 'listening') server.send({ type });
  });
}

async function api<T>(route: string, init: RequestInit = {}, key?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(key ? { [FACILITATOR_KEY_HEADER]: key } : {}),
  };
  const res = await fetch(`${httpUrl}${route}`, { ...init, headers });
  return { status: res.status, body: (await res.json()) as T };
}

await ask('listening');
console.log(
  `bench:whatif on ${os.cpus()[0]?.model ?? 'a CPU'} × ${os.availableParallelism()} (load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}), Node ${process.version}`,
);
console.log(
  `batch: ${num('games')} games on ${values.workers} worker processes at nice ${values.priority}; neighbours: ${num('sessions')} sessions × ${num('clients')} clients, an action every ${num('interval')} ms ±50%`,
);

// One session played to its end by four computer delegations: the session the batches start from.
const created = await api<{ code: string; facilitatorKey: string }>('/api/sessions', {
  method: 'POST',
  body: JSON.stringify({
    scenario: 'ukraine-2026',
    seats: { ukraine: 'bot', russia: 'bot', us: 'bot', europe: 'bot' },
    options: { seed: 42 },
  }),
});
const { code, facilitatorKey } = created.body;
let debrief: DebriefAnswer | undefined;
for (let tries = 0; tries < 600 && !debrief; tries += 1) {
  const answer = await api<DebriefAnswer>(`/api/sessions/${code}/debrief`, {}, facilitatorKey);
  if (answer.status === 200) debrief = answer.body;
  else await sleep(200);
}
if (!debrief) throw new Error('the computer delegations did not finish their session');
const step = Math.floor(debrief.steps / 2);
console.log(
  `session ${code}: ${debrief.steps} events; batches start at step ${step} (round ${debrief.moments[step - 1]?.round})`,
);

/** Runs one batch to its end; its time on the server. */
async function batch(): Promise<number> {
  const answer = await api<WhatIfAnswer>(
    `/api/sessions/${code}/whatif`,
    { method: 'POST', body: JSON.stringify({ step, games: num('games') }) },
    facilitatorKey,
  );
  if (answer.status !== 202) throw new Error(`what-if refused: ${JSON.stringify(answer.body)}`);
  let state: WhatIfAnswer;
  do {
    await sleep(100);
    state = (await api<WhatIfAnswer>(`/api/sessions/${code}/whatif/${answer.body.id}`, {}, facilitatorKey)).body;
  } while (state.status === 'running');
  return state.seconds ?? Number.NaN;
}

const first = await batch();
const idle = await batch();
console.log(
  `one batch on the idle server: ${first.toFixed(2)} s for ${num('games')} games with the workers starting, ${idle.toFixed(2)} s on workers kept from the last batch (target ≤ 5 s)`,
);

// The neighbours: a classroom load on other sessions, from a driver thread.
const scenario = await loadScenarioById('ukraine-2026');
const options: LoadOptions = {
  wsUrl: `ws://127.0.0.1:${port}`,
  httpUrl,
  sessions: num('sessions'),
  clients: num('clients'),
  interval: num('interval'),
  scenario: 'ukraine-2026',
  plan: mixPlan(scenario),
};
const driverNice = num('driver-nice');
const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), {
  workerData: { kind: 'negotiation', options, ...(driverNice !== 0 ? { priority: driverNice } : {}) },
});
const next = <T>(type: string) =>
  new Promise<T>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      worker.off('message', on);
      resolve(m as T);
    };
    worker.on('message', on);
  });
const ready = await next<{ prioritySet: boolean }>('ready');
console.log(
  driverNice === 0
    ? 'the load driver runs at nice 0, on the same two cores as the server and the batch'
    : ready.prioritySet
      ? `the load driver runs at nice ${driverNice}: the batch does not delay the clients' own timing`
      : `the load driver could not be set to nice ${driverNice} (needs privileges): it runs at nice 0`,
);
worker.postMessage('start');
await sleep(3000);

/**
 * One window of `seconds`: the load alone, or the load while batches run back to back (so both
 * windows collect as many actions, and their p99s compare).
 */
async function window(withBatch: boolean) {
  worker.postMessage('record');
  await ask('loop');
  const started = performance.now();
  const end = started + num('seconds') * 1000;
  const batches: number[] = [];
  if (withBatch) while (performance.now() < end) batches.push(await batch());
  else await sleep(num('seconds') * 1000);
  const seconds = (performance.now() - started) / 1000;
  const loop = await ask<{ p99: number; max: number }>('loop');
  const result = new Promise<DriverResult>((resolve) => {
    const on = (m: DriverResult) => {
      if (m.type !== 'result') return;
      worker.off('message', on);
      resolve(m);
    };
    worker.on('message', on);
  });
  worker.postMessage('stop');
  const r = await result;
  worker.postMessage('start');
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    seconds,
    batches,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    actions: sorted.length,
    loop,
    driverLoop: r.loopP99,
  };
}

// A first window of load unrecorded: the server's and the drivers' code warms up.
await window(false);
// The neighbours' games grow over the run (longer transcripts, later rounds), so their latency
// drifts upwards: each window with batches is compared with the load alone just before and just
// after it (alone, busy, alone, busy, ..., alone), which cancels a steady drift.
console.log(
  '  pair  mean batch  neighbours alone p50/p99 (before, after)   with the batch p50/p99 (actions)   p99 ratio',
);
const ratios: number[] = [];
const times: number[] = [];
let before = await window(false);
for (let pair = 1; pair <= num('pairs'); pair += 1) {
  const busy = await window(true);
  const after = await window(false);
  times.push(...busy.batches);
  const batchSeconds = busy.batches.reduce((a, b) => a + b, 0) / busy.batches.length;
  const aloneP50 = (before.p50 + after.p50) / 2;
  const aloneP99 = (before.p99 + after.p99) / 2;
  ratios.push(busy.p99 / aloneP99);
  console.log(
    `  ${String(pair).padStart(4)}  ${batchSeconds.toFixed(2).padStart(7)} s  ` +
      `${aloneP50.toFixed(1).padStart(6)} / ${aloneP99.toFixed(1).padStart(6)} ms (${before.p99.toFixed(1)}, ${after.p99.toFixed(1)})  ` +
      `${busy.p50.toFixed(1).padStart(6)} / ${busy.p99.toFixed(1).padStart(6)} ms (${String(busy.actions).padStart(4)})  ` +
      `${(busy.p99 / aloneP99).toFixed(2).padStart(5)}×   loop p99 server ${before.loop.p99.toFixed(1)} → ${busy.loop.p99.toFixed(1)} ms, driver ${before.driverLoop.toFixed(1)} → ${busy.driverLoop.toFixed(1)} ms`,
  );
  before = after;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(
  `batch time: ${idle.toFixed(2)} s idle (${first.toFixed(2)} s with workers starting), median ${median(times).toFixed(2)} s beside the neighbours, for ${num('games')} games (target ≤ 5 s); median neighbours' p99 ratio: ${median(ratios).toFixed(2)}× (target ≤ 1.5×)`,
);
worker.postMessage('stop');
worker.postMessage('leave');
await Promise.race([next('left'), sleep(5000)]);
await worker.terminate();
// The server stops before this process does: its shutdown still writes to the IPC channel.
const exited = new Promise((resolve) => server.once('exit', resolve));
server.kill('SIGTERM');
await Promise.race([exited, sleep(10_000)]);
stop();
process.exit(0);
