/**
 * `npm run bench:server [-- --sessions 500 --clients 6 --seconds 60 --interval 5000 --drivers 2]`
 *
 * Starts the server in its own process (fresh database, real content), then puts the same load
 * on a bare Colyseus room (the baseline) and on the negotiation room: N sessions × M SDK clients
 * on loopback, each of a session's (up to) four delegates sending a chat action every `interval`
 * ms ±50%. Prints latency from action to effect (p50/p99), messages per second, the server's
 * CPU, memory per session, and the ratio to the baseline, with the machine it ran on.
 * `--profile FILE` also writes a CPU profile of the server during the negotiation room's measured
 * window (open it in Chrome DevTools; the profiler itself slows the server, so not for figures).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { LoadOptions } from './load.ts';
import type { DriverResult } from './loadWorker.ts';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '500' },
    clients: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    interval: { type: 'string', default: '5000' },
    drivers: { type: 'string', default: '2' },
    scenario: { type: 'string', default: 'ukraine-2026' },
    profile: { type: 'string' },
  },
});
const num = (name: keyof typeof values) => Number(values[name]);

interface Stats {
  cpu: NodeJS.CpuUsage;
  rss: number;
  heapUsed: number;
  /** The server's event-loop delay since the previous stats, ms. */
  eventLoop: { p99: number; max: number };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

/** Start the server's CPU profiler, or (with a file) stop it and write the profile there. */
function profile(child: ChildProcess, file?: string): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== 'profile') return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.send({ type: 'profile', file });
  });
}

function ask(child: ChildProcess, gc = false): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench server did not answer for stats in 60 s')), 60_000);
    const onMessage = (m: Stats & { type: string }) => {
      if (m.type !== 'stats') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.send({ type: 'stats', gc });
  });
}

/** Resolves with `work`, or gives up after `ms` so one stuck client cannot hang the whole run. */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      process.stdout.write(`(${what} still pending after ${ms / 1000} s) `);
      resolve(undefined);
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const since = (t: number) => `${((Date.now() - t) / 1000).toFixed(0)} s`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

interface Result {
  label: string;
  actionsPerSecond: number;
  messagesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  samples: number;
  serverCpu: number;
  driverCpu: number;
  heapPerSession: number;
  rssPerSession: number;
  serverLoopP99: number;
  serverLoopMax: number;
  driverLoopP99: number;
  driverLoopMax: number;
}

/** A load-driver thread (loadWorker.ts) and a way to wait for its next message of a type. */
interface Driver {
  worker: Worker;
  next<T>(type: string): Promise<T>;
}

function startDriver(kind: 'bare' | 'negotiation', options: LoadOptions): Driver {
  const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { workerData: { kind, options } });
  const waiting = new Map<string, (message: unknown) => void>();
  const early = new Map<string, unknown>();
  worker.on('message', (message: { type: string }) => {
    const resolve = waiting.get(message.type);
    if (resolve) {
      waiting.delete(message.type);
      resolve(message);
    } else early.set(message.type, message);
  });
  worker.on('error', (error) => {
    console.error(`load driver failed: ${error.message}`);
    process.exit(1);
  });
  return {
    worker,
    next<T>(type: string) {
      if (early.has(type)) {
        const message = early.get(type) as T;
        early.delete(type);
        return Promise.resolve(message);
      }
      return new Promise<T>((resolve) => waiting.set(type, resolve as (message: unknown) => void));
    },
  };
}

async function measure(
  label: string,
  child: ChildProcess,
  kind: 'bare' | 'negotiation',
  o: LoadOptions,
): Promise<Result> {
  const idle = await ask(child, true);
  const started = Date.now();
  const count = Math.max(1, Math.min(num('drivers'), o.sessions));
  process.stdout.write(`${label}: connecting ${o.sessions} sessions with ${count} driver thread(s)… `);
  const drivers: Driver[] = [];
  for (let i = 0; i < count; i += 1) {
    const from = Math.floor((i * o.sessions) / count);
    const to = Math.floor(((i + 1) * o.sessions) / count);
    drivers.push(startDriver(kind, { ...o, sessions: to - from, offset: from }));
  }
  const ready = await Promise.all(drivers.map((d) => d.next<{ clients: number }>('ready')));
  const clients = ready.reduce((sum, r) => sum + r.clients, 0);
  process.stdout.write(`${clients} clients in ${((Date.now() - started) / 1000).toFixed(1)} s; `);
  const loaded = await ask(child, true);
  process.stdout.write(`running (${since(started)})… `);
  for (const d of drivers) d.worker.postMessage('start');
  await sleep(num('warmup') * 1000);
  for (const d of drivers) d.worker.postMessage('record');
  const profiling = label === 'negotiation' && values.profile !== undefined;
  if (profiling) await profile(child);
  const server0 = await ask(child);
  const driver0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(num('seconds') * 1000);
  const elapsed = (performance.now() - t0) / 1000;
  const server1 = await ask(child);
  if (profiling) await profile(child, path.resolve(String(values.profile)));
  const driver1 = process.cpuUsage(driver0);
  const results = await Promise.all(
    drivers.map((d) => {
      d.worker.postMessage('stop');
      return d.next<DriverResult>('result');
    }),
  );
  await sleep(1000);
  process.stdout.write(`leaving (${since(started)})… `);
  await within(
    Promise.all(
      drivers.map((d) => {
        d.worker.postMessage('leave');
        return d.next('left');
      }),
    ),
    30_000,
    'leaving',
  );
  await Promise.all(drivers.map((d) => d.worker.terminate()));
  const sorted = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sent = results.reduce((sum, r) => sum + r.sent, 0);
  const received = results.reduce((sum, r) => sum + r.received, 0);
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;
  process.stdout.write(`done (${since(started)})\n`);
  return {
    label,
    actionsPerSecond: sent / elapsed,
    messagesPerSecond: received / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    samples: sorted.length,
    serverCpu: (cpu(server0.cpu, server1.cpu) / elapsed) * 100,
    driverCpu: ((driver1.user + driver1.system) / 1e6 / elapsed) * 100,
    heapPerSession: (loaded.heapUsed - idle.heapUsed) / o.sessions / 1024,
    rssPerSession: (loaded.rss - idle.rss) / o.sessions / 1024,
    serverLoopP99: server1.eventLoop.p99,
    serverLoopMax: server1.eventLoop.max,
    // The worst driver thread's figures.
    driverLoopP99: Math.max(...results.map((r) => r.loopP99)),
    driverLoopMax: Math.max(...results.map((r) => r.loopMax)),
  };
}

function report(results: Result[], o: { sessions: number; clients: number }) {
  const [bare, game] = results as [Result, Result];
  const rows: [string, (r: Result) => number, number][] = [
    ['actions sent / s', (r) => r.actionsPerSecond, 0],
    ['messages received / s (all clients)', (r) => r.messagesPerSecond, 0],
    ['latency action → effect p50 (ms)', (r) => r.p50, 1],
    ['latency action → effect p99 (ms)', (r) => r.p99, 1],
    ['latency max (ms)', (r) => r.max, 1],
    ['server CPU (% of one core)', (r) => r.serverCpu, 0],
    // CPU time per action does not depend on how busy the machine is, unlike the latencies.
    ['server CPU time per action (ms)', (r) => (r.serverCpu * 10) / r.actionsPerSecond, 2],
    ['server event-loop delay p99 (ms)', (r) => r.serverLoopP99, 1],
    ['server event-loop delay max (ms)', (r) => r.serverLoopMax, 1],
    ['load-driver CPU (% of one core)', (r) => r.driverCpu, 0],
    ['load-driver event-loop delay p99 (ms)', (r) => r.driverLoopP99, 1],
    ['load-driver event-loop delay max (ms)', (r) => r.driverLoopMax, 1],
    ['server heap per session (KiB)', (r) => r.heapPerSession, 0],
    ['server RSS per session (KiB)', (r) => r.rssPerSession, 0],
  ];
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nPeace Table server benchmark: ${o.sessions} sessions × ${o.clients} clients, ${num('seconds')} s measured after ${num('warmup')} s warm-up, one action per delegate every ${num('interval')} ms ±50%`,
  );
  console.log(
    `machine: ${cpus[0]?.model.trim()} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; server and load driver on the same machine; load average at the end ${load.join(' / ')}\n`,
  );
  const pad = (s: string, n: number) => s.padStart(n);
  console.log(`${'figure'.padEnd(40)}${pad('bare room', 12)}${pad('negotiation', 14)}${pad('ratio', 9)}`);
  for (const [name, get, digits] of rows) {
    const a = get(bare);
    const b = get(game);
    console.log(
      `${name.padEnd(40)}${pad(a.toFixed(digits), 12)}${pad(b.toFixed(digits), 14)}${pad((b / a).toFixed(2), 9)}`,
    );
  }
  console.log(`latency samples: bare ${bare.samples}, negotiation ${game.samples}`);
  const verdict = game.p99 < 50 ? 'meets' : 'misses';
  console.log(`\nTarget (2 cores, 500 × 6, p99 < 50 ms): this run ${verdict} it with p99 ${game.p99.toFixed(1)} ms.`);
}

async function main() {
  const o = { sessions: num('sessions'), clients: num('clients') };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peace-table-bench-'));
  const port = await freePort();
  const entry = fileURLToPath(new URL('./benchServer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', entry], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: path.join(dir, 'bench.db'),
      LOG_LEVEL: 'warn',
      // Every simulated player comes from this one address: the per-address limits measure
      // nothing here, so they are opened wide (docs/deployment.md, Limits).
      SESSIONS_BURST: '10000',
      SESSIONS_PER_HOUR: '100000',
      JOINS_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const load: LoadOptions = {
      wsUrl: `ws://127.0.0.1:${port}`,
      httpUrl: `http://127.0.0.1:${port}`,
      sessions: o.sessions,
      clients: o.clients,
      interval: num('interval'),
      scenario: String(values.scenario),
    };
    const results = [
      await measure('bare room', child, 'bare', load),
      await measure('negotiation', child, 'negotiation', load),
    ];
    report(results, o);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
