/**
 * Entry point: `npm start` runs this (as TypeScript: Node strips the types, or tsx on older Nodes).
 * Listens on PORT (default 2567) and prints where to open the game: on this computer, every address
 * students on the network can use, and the projector's link. Start-up failures end the
 * process with one readable line, never a stack trace, because the people starting it are often
 * students and teachers, not developers.
 */
import { readPort, readServerConfig, type ServerConfig } from './config.ts';
import { startupBanner } from './net/roomAddress.ts';
import { SessionStore } from './store/sessionStore.ts';

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function listenErrorLine(error: NodeJS.ErrnoException, port: number): string {
  const other = port === 3000 ? 3001 : 3000;
  if (error.code === 'EADDRINUSE') {
    return `Port ${port} is already in use. Stop the other program or start with another port: PORT=${other} npm start`;
  }
  if (error.code === 'EACCES') {
    return `Port ${port} needs administrator rights on this computer. Start with another port: PORT=${other} npm start`;
  }
  return `Could not listen on port ${port}: ${error.message}`;
}

async function main() {
  let port: number;
  let config: ServerConfig;
  let store: SessionStore;
  try {
    port = readPort();
    config = readServerConfig();
  } catch (error) {
    fail((error as Error).message);
  }
  try {
    // Before the game server loads (seconds on a slow machine): a problem with DATABASE_PATH is
    // reported at once, in one sentence (store/openDatabase.ts), and nothing ever listens.
    store = new SessionStore(config.databasePath);
  } catch (error) {
    fail(`Peace Table could not start: ${(error as Error).message}`);
  }
  const [{ createApp }, { createBot }] = await Promise.all([
    import('./app.ts'),
    // The computer players (shared/src/bots): bot seats, and seats whose humans are gone.
    import('@peace-table/shared/bots/decide'),
  ]);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({ createBot, store, config });
  } catch (error) {
    fail(`Peace Table could not start: ${(error as Error).message}`);
  }
  const { server, httpServer, logger, restoreSessions, roomAddress } = app;
  server.onShutdown(() => store.close());
  // Prepended so it runs before Colyseus' own listener, which would print a stack trace.
  httpServer.prependListener('error', (error: NodeJS.ErrnoException) => {
    if (!httpServer.listening) fail(listenErrorLine(error, port));
  });
  await server.listen(port);
  logger.info({ port }, 'listening');
  await restoreSessions();
  // Every address students can use, and the projector's link: the teacher reads them off the terminal.
  process.stdout.write(startupBanner(port, roomAddress()));
}

main().catch((error: unknown) => {
  fail(`Peace Table could not start: ${error instanceof Error ? error.message : String(error)}`);
});
