/**
 * The server process of `npm run bench:server`: the real app (app.ts, real content) plus the
 * bare baseline room, with a fresh database. Started with --expose-gc; answers
 * `{ type: 'stats', gc? }` on its IPC channel with CPU time, memory and event-loop delay,
 * `{ type: 'views', cache }` by switching every room between its view cache and plain viewFor (so
 * one run measures what the cache saves), and (for `--profile`) `{ type: 'profile', file? }` to
 * start a CPU profile, then to write it to `file`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import { type ViewerSeat, viewFor } from '@peace-table/shared/engine/view';
import { createViewCache } from '@peace-table/shared/engine/viewCache';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/log.ts';
import { BareRoom } from './bareRoom.ts';

const port = Number(process.env.PORT);
/** Whether the rooms build their views through their view caches (the server's way) or afresh each time. */
const views = { cache: true };
function switchableViews(scenario: Scenario) {
  const cache = createViewCache(scenario);
  return (ctx: NegotiationContext, viewer: ViewerSeat) =>
    views.cache ? cache.view(ctx, viewer) : viewFor(scenario, ctx, viewer);
}

const app = createApp({ logger: createLogger('warn'), handleSignals: true, views: switchableViews });
app.server.define('bare', BareRoom).filterBy(['group']);
await app.server.listen(port);

// How long the event loop was blocked: a late loop delays every message in the process.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

process.on('message', (message: { type?: string; gc?: boolean }) => {
  if (message?.type !== 'stats') return;
  // A full GC blocks the process, so only when memory is measured, never inside a latency window.
  if (message.gc) (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const eventLoop = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  loop.reset();
  process.send?.({ type: 'stats', cpu: process.cpuUsage(), rss: memory.rss, heapUsed: memory.heapUsed, eventLoop });
});
process.on('message', (message: { type?: string; cache?: boolean }) => {
  if (message?.type !== 'views') return;
  views.cache = message.cache !== false;
  process.send?.({ type: 'views' });
});
let profiler: Session | null = null;
process.on('message', async (message: { type?: string; file?: string }) => {
  if (message?.type !== 'profile') return;
  if (!profiler) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  } else if (message.file) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(message.file, JSON.stringify(profile));
    profiler.disconnect();
    profiler = null;
  }
  process.send?.({ type: 'profile' });
});

process.send?.({ type: 'ready' });

// If the benchmark driver dies, do not keep serving (and using a core) on its behalf.
process.on('disconnect', () => process.exit(0));
