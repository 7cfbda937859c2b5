/**
 * One load driver of `npm run bench:server`, in its own thread: its share of the sessions and
 * clients (load.ts), commanded by the main thread (`start` sending, `record` from now, `stop` and
 * report, any number of times while connected, then `leave`). Several
 * drivers keep the load generator from being what the latencies measure: one thread decoding
 * every client's messages showed event-loop delays of its own in the figures.
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { bareLoad, type LoadOptions, negotiationLoad, Recorder } from './load.ts';

export interface DriverResult {
  type: 'result';
  latencies: number[];
  sent: number;
  received: number;
  accepted: Record<string, number>;
  refused: Record<string, number>;
  loopP99: number;
  loopMax: number;
}

const { kind, options, priority } = workerData as {
  kind: 'bare' | 'negotiation';
  options: LoadOptions;
  /** Nice value of this thread, when the bench asks for one (see whatIf.ts). */
  priority?: number;
};
const port = parentPort;
if (!port) throw new Error('loadWorker.ts runs as a worker thread of bench.ts');
let prioritySet = priority === undefined;
if (priority !== undefined) {
  try {
    os.setPriority(priority);
    prioritySet = true;
  } catch {
    // Not allowed here (raising a priority needs privileges): the bench says so.
  }
}
const rec = new Recorder();
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const load = await (kind === 'bare' ? bareLoad : negotiationLoad)(options, rec);

port.on('message', async (command: string) => {
  if (command === 'start') load.start();
  else if (command === 'record') {
    rec.reset();
    rec.recording = true;
    loop.reset();
  } else if (command === 'stop') {
    load.stop();
    rec.recording = false;
    const result: DriverResult = {
      type: 'result',
      latencies: rec.latencies,
      sent: rec.sent,
      received: rec.received,
      accepted: rec.accepted,
      refused: rec.refused,
      loopP99: loop.percentile(99) / 1e6,
      loopMax: loop.max / 1e6,
    };
    port.postMessage(result);
  } else if (command === 'leave') {
    await load.leave();
    port.postMessage({ type: 'left' });
  }
});
port.postMessage({ type: 'ready', clients: load.rooms.length, prioritySet });
