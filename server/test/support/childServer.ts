/**
 * A real server process for fault and scale-out tests: the app from app.ts with the fixture
 * scenario and the test bot, configured by the same environment variables as `npm start`
 * (PORT, DATABASE_PATH, NODE_ID, REDIS_URL, PUBLIC_ADDRESS, RECONNECT_SECONDS, BOT_DELAY_MS).
 * Prints "READY <port>" once it listens and has restored its unfinished sessions.
 */
import { createApp } from '../../src/app.ts';
import { readPort } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { scenarios, testBot } from './fixtures.ts';

const port = readPort();
const app = createApp({
  logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  scenarios,
  createBot: testBot,
  patchRate: 20,
  handleSignals: true,
});
await app.server.listen(port);
const restored = await app.restoreSessions();
process.stdout.write(`READY ${port} ${restored.join(',')}\n`);

// A test that dies before its afterAll (a timed-out hook, a killed worker) must not leave this
// server running for the rest of the suite: exit once the test process that started it is gone.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1000).unref();
