/**
 * `npm run bench:server [-- --sessions 500 --clients 6 --seconds 60 --interval 5000]`
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
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bareLoad, type Load, type LoadOptions, negotiationLoad, Recorder } from './load.ts';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '500' },
    clients: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    interval: { type: 'string', default: '5000' },
    scenario: { type: 'string', default: 'ukraine-2026' },
    profile: { type: 'string' },
  },
});
const num = (name: keyof typeof values) => Number(values[name]);
const driverLoop = monitorEventLoopDelay({ resolution: 5 });
driverLoop.enable();

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

async function measure(
  label: string,
  child: ChildProcess,
  build: (rec: Recorder) => Promise<Load>,
  sessions: number,
): Promise<Result> {
  const rec = new Recorder();
  const idle = await ask(child, true);
  const started = Date.now();
  process.stdout.write(`${label}: connecting ${sessions} sessions… `);
  const load = await build(rec);
  process.stdout.write(`${load.rooms.length} clients in ${((Date.now() - started) / 1000).toFixed(1)} s; `);
  const loaded = await ask(child, true);
  process.stdout.write(`running (${since(started)})… `);
  load.start();
  await sleep(num('warmup') * 1000);
  rec.reset();
  rec.recording = true;
  const profiling = label === 'negotiation' && values.profile !== undefined;
  if (profiling) await profile(child);
  const server0 = await ask(child);
  const driver0 = process.cpuUsage();
  driverLoop.reset();
  const t0 = performance.now();
  await sleep(num('seconds') * 1000);
  const elapsed = (performance.now() - t0) / 1000;
  const server1 = await ask(child);
  if (profiling) await profile(child, path.resolve(String(values.profile)));
  const driver1 = process.cpuUsage(driver0);
  const driverLoopP99 = driverLoop.percentile(99) / 1e6;
  const driverLoopMax = driverLoop.max / 1e6;
  load.stop();
  rec.recording = false;
  await sleep(1000);
  process.stdout.write(`leaving (${since(started)})… `);
  await within(load.leave(), 30_000, 'leaving');
  const sorted = [...rec.latencies].sort((a, b) => a - b);
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;
  process.stdout.write(`done (${since(started)})\n`);
  return {
    label,
    actionsPerSecond: rec.sent / elapsed,
    messagesPerSecond: rec.received / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    samples: sorted.length,
    serverCpu: (cpu(server0.cpu, server1.cpu) / elapsed) * 100,
    driverCpu: ((driver1.user + driver1.system) / 1e6 / elapsed) * 100,
    heapPerSession: (loaded.heapUsed - idle.heapUsed) / sessions / 1024,
    rssPerSession: (loaded.rss - idle.rss) / sessions / 1024,
    serverLoopP99: server1.eventLoop.p99,
    serverLoopMax: server1.eventLoop.max,
    driverLoopP99,
    driverLoopMax,
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
    env: { ...process.env, PORT: String(port), DATABASE_PATH: path.join(dir, 'bench.db'), LOG_LEVEL: 'warn' },
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
      await measure('bare room', child, (rec) => bareLoad(load, rec), o.sessions),
      await measure('negotiation', child, (rec) => negotiationLoad(load, rec), o.sessions),
    ];
    report(results, o);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
