/**
 * Builds the Peace Table server: one HTTP server carrying the Colyseus websocket + matchmaking
 * endpoints, /health, /api/* and the built client. Does not listen: main.ts and the tests do.
 */
import http from 'node:http';
import { defineRoom, defineServer } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { NEGOTIATION_ROOM } from '@peace-table/shared';
import { CLIENT_DIST_DIR, readPackageInfo } from './config.ts';
import { mountApi } from './http/api.ts';
import { mountClient } from './http/client.ts';
import { mountHealth } from './http/health.ts';
import { createLogger, type Logger } from './log.ts';
import { DEFAULT_SCENARIO_TITLE, NegotiationRoom, type NegotiationRoomOptions } from './rooms/NegotiationRoom.ts';

export interface AppOptions {
  /** Where the built client lives; tests point this at a fixture or an empty folder. */
  clientDistDir?: string;
  logger?: Logger;
  /** The process's own SIGINT/SIGTERM handling; off in tests, which shut down explicitly. */
  handleSignals?: boolean;
}

export function createApp(options: AppOptions = {}) {
  const logger = options.logger ?? createLogger();
  const pkg = readPackageInfo();
  // Created here, not by Colyseus, so main.ts can catch listen errors (port in use) on it.
  const httpServer = http.createServer();
  const roomOptions: NegotiationRoomOptions = { scenarioTitle: DEFAULT_SCENARIO_TITLE, logger };

  const server = defineServer({
    rooms: { [NEGOTIATION_ROOM]: defineRoom(NegotiationRoom, roomOptions) },
    transport: new WebSocketTransport({ server: httpServer }),
    greet: false,
    gracefullyShutdown: options.handleSignals ?? true,
    logger,
    // Colyseus answers its own routes (/matchmake/*) first and hands everything else to this app.
    express: (app) => {
      app.disable('x-powered-by');
      mountHealth(app, pkg);
      mountApi(app);
      mountClient(app, options.clientDistDir ?? CLIENT_DIST_DIR);
    },
  });
  return { server, httpServer, logger };
}
