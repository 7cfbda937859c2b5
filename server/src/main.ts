/**
 * Entry point: `npm start` runs this (as TypeScript: Node strips the types, or tsx on older Nodes).
 * Listens on PORT (default 2567) and prints where to open the game. Start-up failures end the
 * process with one readable line, never a stack trace, because the people starting it are often
 * students and teachers, not developers.
 */
import { createBot } from '@peace-table/shared/bots/decide';
import { createApp } from './app.ts';
import { readPort } from './config.ts';

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
  try {
    port = readPort();
  } catch (error) {
    fail((error as Error).message);
  }
  let app: ReturnType<typeof createApp>;
  try {
    // The computer players (shared/src/bots): bot seats, and seats whose humans are gone.
    app = createApp({ createBot });
  } catch (error) {
    fail(`Peace Table could not start: ${(error as Error).message}`);
  }
  const { server, httpServer, logger, restoreSessions } = app;
  // Prepended so it runs before Colyseus' own listener, which would print a stack trace.
  httpServer.prependListener('error', (error: NodeJS.ErrnoException) => {
    if (!httpServer.listening) fail(listenErrorLine(error, port));
  });
  await server.listen(port);
  logger.info({ port }, 'listening');
  await restoreSessions();
  process.stdout.write(`Peace Table is running: open http://localhost:${port}/\n`);
}

main().catch((error: unknown) => {
  fail(`Peace Table could not start: ${error instanceof Error ? error.message : String(error)}`);
});
