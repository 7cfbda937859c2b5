/**
 * The server process of `npm run bench:whatif`: the real app (real content, the real computer
 * players) on PORT, with a fresh database, the what-if limits from the environment
 * (WHATIF_WORKERS, WHATIF_PRIORITY) and `{ type: 'loop' }` on its IPC channel answering the
 * event-loop delay since the last ask.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBot } from '@peace-table/shared/bots/decide';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/log.ts';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const app = createApp({
  logger: createLogger('warn'),
  handleSignals: true,
  createBot,
  whatIf: {
    maxRunning: 1,
    workers: env('WHATIF_WORKERS', 2),
    priority: env('WHATIF_PRIORITY', 19),
  },
});
await app.server.listen(Number(process.env.PORT));
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
process.on('message', (message: { type?: string }) => {
  if (message?.type !== 'loop') return;
  const answer = { type: 'loop', p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  loop.reset();
  process.send?.(answer);
});
process.send?.({ type: 'listening' });
