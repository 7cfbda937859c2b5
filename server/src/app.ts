/**
 * Builds the Peace Table server: one HTTP server carrying the Colyseus websocket + matchmaking
 * endpoints, /health, /api/*, /monitor (with ADMIN_PASSWORD) and the built client. Does not
 * listen: main.ts and the tests do, then call `restoreSessions()`.
 */
import { defineRoom, defineServer, matchMaker, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { CreateBot } from '@peace-table/shared/bots/types';
import { createViewCache } from '@peace-table/shared/engine/viewCache';
import { NEGOTIATION_ROOM, type RoomAddressInfo } from '@peace-table/shared/protocol';
import { ClassStore } from './classes/classStore.ts';
import { CLIENT_DIST_DIR, readPackageInfo, readServerConfig, type ServerConfig } from './config.ts';
import { SessionHistories } from './debrief/history.ts';
import { type WhatIfLimits, WhatIfRunner } from './debrief/whatIfRunner.ts';
import { mountApi } from './http/api.ts';
import { mountClient } from './http/client.ts';
import { mountContentFiles } from './http/contentFiles.ts';
import { EdgeServer } from './http/edge.ts';
import { mountHealth } from './http/health.ts';
import { lockDownMatchmaking } from './http/matchmaking.ts';
import { mountMonitor } from './http/monitor.ts';
import type { SessionDefaults } from './http/sessions.ts';
import { createLogger, type Logger } from './log.ts';
import { roomAddressInfo } from './net/roomAddress.ts';
import { guardedRoom } from './rooms/guardedRoom.ts';
import { DEFAULT_FRAME_LIMIT, DEFAULT_RATE_LIMIT, type RateLimit } from './rooms/rateLimit.ts';
import type { NegotiationRoomSettings } from './rooms/roomSettings.ts';
import { JoinGuard } from './sessions/joinGuard.ts';
import { contentScenarios, type ScenarioSource } from './sessions/scenarios.ts';
import { ENDED_SECONDS, issueTicket, markEnded } from './sessions/tickets.ts';
import { SessionStore } from './store/sessionStore.ts';

export interface AppOptions {
  /** Where the built client lives; tests point this at a fixture or an empty folder. */
  clientDistDir?: string;
  logger?: Logger;
  /** The process's own SIGINT/SIGTERM handling; off in tests, which shut down explicitly. */
  handleSignals?: boolean;
  /** Overrides for what is otherwise read from the environment. */
  config?: Partial<ServerConfig>;
  store?: SessionStore;
  scenarios?: ScenarioSource;
  /** The computer players. Without them, bot seats are refused and absent humans keep their seats. */
  createBot?: CreateBot | null;
  rateLimit?: RateLimit;
  /** Frames per client past which its connection is closed (default 40 a second, bursts of 120). */
  frameLimit?: RateLimit;
  patchRate?: number;
  /** Close sessions nobody has been connected to for this long (default: config.limits, 12 hours). */
  idleMs?: number;
  teamSize?: number;
  maxSpectators?: number;
  /** Limits of the debrief's what-if batches (debrief/whatIfRunner.ts). */
  whatIf?: Partial<WhatIfLimits>;
  /** Each room's source of seat views (default: a view cache per room; the server benchmark compares). */
  views?: NegotiationRoomSettings['views'];
}

export function createApp(options: AppOptions = {}) {
  const logger = options.logger ?? createLogger();
  const config: ServerConfig = { ...readServerConfig(), ...options.config };
  const pkg = readPackageInfo();
  const store = options.store ?? new SessionStore(config.databasePath);
  // Classes group sessions in the same database: they come back with their tables after a restart.
  const classes = new ClassStore(store.db);
  const scenarios = options.scenarios ?? contentScenarios();
  const createBot = options.createBot ?? null;
  const limits = { ...config.limits, ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}) };
  // Created here, not by Colyseus, so main.ts can catch listen errors (port in use) on it; the
  // edge sees every request first (client address, CORS, JSON only: http/edge.ts).
  const httpServer = new EdgeServer({ trustProxy: config.trustProxy, allowedOrigins: config.allowedOrigins });
  lockDownMatchmaking();
  const joinGuard = new JoinGuard(limits.joins, Date.now());
  const settings: NegotiationRoomSettings = {
    logger,
    store,
    scenarios,
    createBot,
    node: config.nodeId,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    frameLimit: options.frameLimit ?? DEFAULT_FRAME_LIMIT,
    patchRate: options.patchRate ?? 250,
    idleMs: limits.idleMs,
    unjoinedMs: limits.unjoinedMs,
    views: options.views ?? ((scenario) => createViewCache(scenario).view),
  };
  const defaults: SessionDefaults = {
    reconnectSeconds: config.reconnectSeconds,
    botDelayMs: config.botDelayMs,
    teamSize: options.teamSize ?? 3,
    maxSpectators: options.maxSpectators ?? 30,
  };
  // The debrief's replays and what-if batches: this server's, stopped with it.
  const histories = new SessionHistories(store, scenarios);
  const whatIfs = new WhatIfRunner(logger, { ...config.whatIf, ...options.whatIf });
  const scaled = config.redisUrl
    ? { presence: new RedisPresence(config.redisUrl) as Presence, driver: new RedisDriver(config.redisUrl) }
    : {};

  /** Where students reach this server, on the port it listens on. */
  function roomAddress(): RoomAddressInfo {
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return roomAddressInfo(port, config.publicUrl);
  }

  const server = defineServer({
    rooms: { [NEGOTIATION_ROOM]: defineRoom(guardedRoom(joinGuard), settings as never).filterBy(['code']) },
    // 16 KB: a 2000-character statement in Cyrillic is ~4 KB of UTF-8; ws closes bigger frames.
    transport: new WebSocketTransport({ server: httpServer, maxPayload: 16 * 1024 }),
    ...scaled,
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    greet: false,
    gracefullyShutdown: options.handleSignals ?? true,
    logger,
    // Colyseus answers its own routes (/matchmake/*) first and hands everything else to this app.
    express: (app) => {
      app.disable('x-powered-by');
      mountHealth(app, pkg);
      mountApi(app, {
        store,
        classes,
        codeTaken: (code) => classes.has(code),
        scenarios,
        hasBots: createBot !== null,
        defaults,
        logger,
        sessionLimit: limits.sessions,
        roomAddress,
        histories,
        whatIfs,
      });
      mountMonitor(app, config.adminPassword);
      mountContentFiles(app);
      mountClient(app, options.clientDistDir ?? CLIENT_DIST_DIR);
    },
  });

  /**
   * Reopens this node's unfinished sessions from the database (after a restart or crash). Each
   * room is created in this process; its players come back with their seat keys. First it tells
   * the presence store which sessions ended lately: an in-memory presence forgets them on a
   * restart, and a late join should still hear "ended", not "no such code".
   */
  async function restoreSessions(): Promise<string[]> {
    const now = Date.now();
    // Sessions nobody joined, or idle for longer than a session may be, are over: not restored.
    const expired = store.expireStale(config.nodeId, now, limits);
    if (expired.length > 0) logger.info({ sessions: expired }, 'sessions expired while the server was down');
    for (const { code, endedAt } of store.endedSince(now - ENDED_SECONDS * 1000)) {
      const left = Math.ceil(ENDED_SECONDS - (now - endedAt) / 1000);
      if (left > 0) await markEnded(matchMaker.presence, code, left);
    }
    const restored: string[] = [];
    for (const code of store.openSessions(config.nodeId)) {
      try {
        await issueTicket(matchMaker.presence, code, { kind: 'restore' });
        await matchMaker.handleCreateRoom(NEGOTIATION_ROOM, { code });
        restored.push(code);
      } catch (error) {
        logger.error({ err: error, session: code }, 'could not restore a session');
      }
    }
    if (restored.length > 0) logger.info({ sessions: restored }, 'sessions restored');
    return restored;
  }

  // A store passed in belongs to the caller (tests reopen it); one made here closes with the server.
  server.onShutdown(() => whatIfs.close());
  if (!options.store) server.onShutdown(() => store.close());
  return { server, httpServer, logger, store, config, restoreSessions, roomAddress, whatIfs };
}
