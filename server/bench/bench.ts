/**
 * `npm run bench:server [-- --sessions 500 --clients 6 --seconds 60 --windows 3 --interval 5000 --drivers 2]`
 *
 * Starts the server in its own process (fresh database, real content), connects the same load to
 * a bare Colyseus room (the baseline) and to the negotiation room: N sessions × M SDK clients on
 * loopback, each of a session's (up to) four delegates acting every `interval` ms ±50%. In the
 * negotiation room the actions are a table's mix (actionMix.ts: chat, levers, readiness, drafts,
 * answers, signatures); in the bare room, chat relayed to everyone.
 *
 * Both loads stay connected for the whole run and take turns, in several short windows: the bare
 * room, the negotiation room, then the negotiation room building every view afresh with viewFor
 * instead of through each room's view cache. A shared machine's load drifts, and turns spread the
 * drift over all three. Prints latency from action to effect (p50/p99), messages per second, the
 * server's CPU, heap and RSS per session, and the ratios to the baseline, with the machine it ran on.
 * `--profile FILE` also writes a CPU profile of the server during the negotiation room's first
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
import { loadScenarioById } from '../src/content/loadScenario.ts';
import { mixPlan } from './actionMix.ts';
import type { LoadOptions } from './load.ts';
import type { DriverResult } from './loadWorker.ts';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '500' },
    clients: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '60' },
    windows: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
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

/** Ask the server something on its IPC channel and wait for the answer of the same type. */
function request<T>(child: ChildProcess, message: { type: string } & Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the bench server did not answer ${message.type} in 60 s`)),
      60_000,
    );
    const onMessage = (m: { type: string }) => {
      if (m.type !== message.type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** A full GC blocks the process, so only when memory is measured, never inside a latency window. */
const stats = (child: ChildProcess, gc = false) => request<Stats>(child, { type: 'stats', gc });

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The server process, stopped with the benchmark whichever way it ends. */
let server: ChildProcess | undefined;

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
    server?.kill('SIGKILL');
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

/** One room kind's load, connected for the whole run, with the server's memory it added. */
interface Connected {
  drivers: Driver[];
  heapPerSession: number;
  rssPerSession: number;
}

async function connect(label: string, child: ChildProcess, kind: 'bare' | 'negotiation', o: LoadOptions) {
  const before = await stats(child, true);
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
  console.log(`${clients} clients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const after = await stats(child, true);
  return {
    drivers,
    heapPerSession: (after.heapUsed - before.heapUsed) / o.sessions / 1024,
    rssPerSession: (after.rss - before.rss) / o.sessions / 1024,
  };
}

/** What one configuration measured, pooled over its windows. */
interface Measured {
  label: string;
  elapsed: number;
  results: DriverResult[];
  serverCpuSeconds: number;
  serverLoopP99: number[];
  serverLoopMax: number;
  driverCpuSeconds: number;
}

async function window(child: ChildProcess, load: Connected, into: Measured, profileTo?: string) {
  for (const d of load.drivers) d.worker.postMessage('start');
  await sleep(num('warmup') * 1000);
  if (profileTo) await request(child, { type: 'profile' });
  const server0 = await stats(child);
  for (const d of load.drivers) d.worker.postMessage('record');
  const driver0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep((num('seconds') / num('windows')) * 1000);
  // The drivers stop before the server is asked anything: a server still busy answering cannot
  // stretch the window.
  const results = await Promise.all(
    load.drivers.map((d) => {
      d.worker.postMessage('stop');
      return d.next<DriverResult>('result');
    }),
  );
  into.elapsed += (performance.now() - t0) / 1000;
  const driver1 = process.cpuUsage(driver0);
  const server1 = await stats(child);
  if (profileTo) await request(child, { type: 'profile', file: profileTo });
  into.results.push(...results);
  into.serverCpuSeconds += (server1.cpu.user + server1.cpu.system - server0.cpu.user - server0.cpu.system) / 1e6;
  into.serverLoopP99.push(server1.eventLoop.p99);
  into.serverLoopMax = Math.max(into.serverLoopMax, server1.eventLoop.max);
  into.driverCpuSeconds += (driver1.user + driver1.system) / 1e6;
  // Let the answers still in flight arrive before the next configuration's turn.
  await sleep(1000);
}

interface Figures {
  actionsPerSecond: number;
  messagesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  samples: number;
  serverCpu: number;
  serverLoopP99: number;
  serverLoopMax: number;
  driverCpu: number;
  driverLoopP99: number;
  heapPerSession: number;
  rssPerSession: number;
  mix: Record<string, { accepted: number; refused: number }>;
}

function figures(m: Measured, load: Connected): Figures {
  const sorted = m.results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (get: (r: DriverResult) => number) => m.results.reduce((total, r) => total + get(r), 0);
  const mix: Figures['mix'] = {};
  const count = (type: string, n: number, accepted: boolean) => {
    const m = mix[type] ?? { accepted: 0, refused: 0 };
    mix[type] = accepted ? { ...m, accepted: m.accepted + n } : { ...m, refused: m.refused + n };
  };
  for (const r of m.results) {
    for (const [type, n] of Object.entries(r.accepted)) count(type, n, true);
    for (const [type, n] of Object.entries(r.refused)) count(type, n, false);
  }
  return {
    actionsPerSecond: sum((r) => r.sent) / m.elapsed,
    messagesPerSecond: sum((r) => r.received) / m.elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    samples: sorted.length,
    serverCpu: (m.serverCpuSeconds / m.elapsed) * 100,
    serverLoopP99: Math.max(...m.serverLoopP99),
    serverLoopMax: m.serverLoopMax,
    driverCpu: (m.driverCpuSeconds / m.elapsed) * 100,
    driverLoopP99: Math.max(...m.results.map((r) => r.loopP99)),
    heapPerSession: load.heapPerSession,
    rssPerSession: load.rssPerSession,
    mix,
  };
}

function report(bare: Figures, game: Figures, plain: Figures, o: { sessions: number; clients: number }) {
  const rows: [string, (f: Figures) => number, number][] = [
    ['actions sent / s', (f) => f.actionsPerSecond, 0],
    ['messages received / s (all clients)', (f) => f.messagesPerSecond, 0],
    ['latency action → effect p50 (ms)', (f) => f.p50, 1],
    ['latency action → effect p99 (ms)', (f) => f.p99, 1],
    ['latency max (ms)', (f) => f.max, 1],
    ['server CPU (% of one core)', (f) => f.serverCpu, 0],
    // CPU time per action does not depend on how busy the machine is, unlike the latencies.
    ['server CPU time per action (ms)', (f) => (f.serverCpu * 10) / f.actionsPerSecond, 2],
    ['server event-loop delay p99, worst window (ms)', (f) => f.serverLoopP99, 1],
    ['server event-loop delay max (ms)', (f) => f.serverLoopMax, 1],
    ['load-driver CPU (% of one core)', (f) => f.driverCpu, 0],
    ['load-driver event-loop delay p99 (ms)', (f) => f.driverLoopP99, 1],
    ['server heap per session (KiB)', (f) => f.heapPerSession, 0],
    ['server RSS per session (KiB)', (f) => f.rssPerSession, 0],
  ];
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nPeace Table server benchmark: ${o.sessions} sessions × ${o.clients} clients, ${num('seconds')} s measured per room in ${num('windows')} windows taken in turn (each after ${num('warmup')} s warm-up), one action per delegate every ${num('interval')} ms ±50%`,
  );
  console.log(
    `machine: ${cpus[0]?.model.trim()} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; server and load driver on the same machine; load average at the end ${load.join(' / ')}\n`,
  );
  const pad = (s: string, n: number) => s.padStart(n);
  console.log(
    `${'figure'.padEnd(48)}${pad('bare room', 11)}${pad('negotiation', 13)}${pad('ratio', 7)}${pad('no view cache', 15)}${pad('ratio', 7)}`,
  );
  for (const [name, get, digits] of rows) {
    const [a, b, c] = [get(bare), get(game), get(plain)];
    console.log(
      `${name.padEnd(48)}${pad(a.toFixed(digits), 11)}${pad(b.toFixed(digits), 13)}${pad((b / a).toFixed(2), 7)}${pad(c.toFixed(digits), 15)}${pad((c / a).toFixed(2), 7)}`,
    );
  }
  console.log(`latency samples: bare ${bare.samples}, negotiation ${game.samples}, no view cache ${plain.samples}`);
  const total = Object.values(game.mix).reduce((n, m) => n + m.accepted + m.refused, 0) || 1;
  const mix = Object.entries(game.mix)
    .sort(([, a], [, b]) => b.accepted + b.refused - a.accepted - a.refused)
    .map(([type, m]) => `${type} ${(((m.accepted + m.refused) / total) * 100).toFixed(0)}%`)
    .join(', ');
  const refused = Object.values(game.mix).reduce((n, m) => n + m.refused, 0);
  console.log(`negotiation actions: ${mix}; ${((refused / total) * 100).toFixed(1)}% refused by the engine`);
  console.log(
    `\nnegotiation p99 / bare room p99: ${(game.p99 / bare.p99).toFixed(2)} (target ≤ 0.80); ` +
      `the view cache's share of the server's CPU per action: ${(100 - (game.serverCpu / game.actionsPerSecond / (plain.serverCpu / plain.actionsPerSecond)) * 100).toFixed(0)}% saved`,
  );
}

async function main() {
  const o = { sessions: num('sessions'), clients: num('clients') };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peace-table-bench-'));
  const port = await freePort();
  const entry = fileURLToPath(new URL('./benchServer.ts', import.meta.url));
  // Connecting thousands of clients on a busy machine can take longer than Colyseus' 15 s seat
  // reservation; the measured windows come after, so a longer one changes no figure.
  const env = {
    PORT: String(port),
    DATABASE_PATH: path.join(dir, 'bench.db'),
    LOG_LEVEL: 'warn',
    // Every simulated player comes from this one address: the per-address limits measure
    // nothing here, so they are opened wide (docs/deployment.md, Limits).
    SESSIONS_BURST: '10000',
    SESSIONS_PER_HOUR: '100000',
    JOINS_PER_MINUTE: '100000',
  };
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', entry], {
    env: { ...process.env, ...env, COLYSEUS_SEAT_RESERVATION_TIME: '120' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  server = child;
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const scenario = String(values.scenario);
    const load: LoadOptions = {
      wsUrl: `ws://127.0.0.1:${port}`,
      httpUrl: `http://127.0.0.1:${port}`,
      sessions: o.sessions,
      clients: o.clients,
      interval: num('interval'),
      scenario,
      plan: mixPlan(await loadScenarioById(scenario)),
    };
    const bareLoad = await connect('bare room', child, 'bare', load);
    const gameLoad = await connect('negotiation', child, 'negotiation', load);
    const blank = (label: string): Measured => ({
      label,
      elapsed: 0,
      results: [],
      serverCpuSeconds: 0,
      serverLoopP99: [],
      serverLoopMax: 0,
      driverCpuSeconds: 0,
    });
    const [bare, game, plain] = [blank('bare room'), blank('negotiation'), blank('no view cache')];
    for (let w = 1; w <= num('windows'); w += 1) {
      process.stdout.write(`window ${w}/${num('windows')}: bare room… `);
      await window(child, bareLoad, bare);
      process.stdout.write('negotiation… ');
      await request(child, { type: 'views', cache: true });
      const profile = w === 1 && values.profile !== undefined ? path.resolve(String(values.profile)) : undefined;
      await window(child, gameLoad, game, profile);
      process.stdout.write('negotiation without view caches… ');
      await request(child, { type: 'views', cache: false });
      await window(child, gameLoad, plain);
      await request(child, { type: 'views', cache: true });
      console.log('done');
    }
    process.stdout.write('leaving… ');
    const drivers = [...bareLoad.drivers, ...gameLoad.drivers];
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
    console.log('done');
    report(figures(bare, bareLoad), figures(game, gameLoad), figures(plain, gameLoad), o);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
