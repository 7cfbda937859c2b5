/** Settings read once at start-up: the port and the facts /health reports. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WHATIF_LIMITS } from './debrief/whatIfRunner.ts';
import { parseAllowedOrigins } from './http/edge.ts';
import type { BucketLimit } from './http/throttle.ts';
import type { JoinLimits } from './sessions/joinGuard.ts';

export const DEFAULT_PORT = 2567;

/** Repository root, found from this file so it works whatever directory the server starts in. */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const CLIENT_DIST_DIR = fileURLToPath(new URL('../../client/dist/', import.meta.url));

export interface PackageInfo {
  name: string;
  version: string;
}

export function readPackageInfo(): PackageInfo {
  const raw = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Partial<PackageInfo>;
  return { name: String(raw.name), version: String(raw.version) };
}

/** PORT from the environment, or the default. Throws a one-line message for nonsense values. */
export function readPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT?.trim();
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not "${raw}". Example: PORT=3000 npm start`);
  }
  return port;
}

export interface ServerConfig {
  /** SQLite file for sessions, event logs and snapshots. */
  databasePath: string;
  /** Set to scale out over several processes (RedisPresence + RedisDriver). */
  redisUrl: string | undefined;
  /** This process's address as clients reach it (host[:port][/path]) when several processes share Redis. */
  publicAddress: string | undefined;
  /** The page address students open behind a proxy (https://game.example.org/); decides the join link. */
  publicUrl: string | undefined;
  /** Names this process in the sessions table; it restores only its own sessions after a restart. */
  nodeId: string;
  /** /monitor is served only when this is set (HTTP basic auth, user "admin"). */
  adminPassword: string | undefined;
  reconnectSeconds: number;
  botDelayMs: number;
  /** Proxies in front whose X-Forwarded-For is believed for the client's address (0: none). */
  trustProxy: number;
  /** Origins whose pages may call this server (CORS); empty: same origin only. */
  allowedOrigins: string[];
  limits: ServerLimits;
  /** The debrief's what-if batches: how many at once, how many games each, on how many workers. */
  whatIf: { maxRunning: number; maxGames: number; workers: number };
}

/** The throttles and lifetimes (docs/deployment.md, "Limits"). */
export interface ServerLimits {
  /** POST /api/sessions per address. */
  sessions: BucketLimit;
  joins: JoinLimits;
  /** A session nobody joined closes this long after its creation. */
  unjoinedMs: number;
  /** A session nobody has been connected to closes after this long. */
  idleMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What the limits are made of, as the environment variables set them. */
export interface LimitSettings {
  sessionsPerHour: number;
  sessionsBurst: number;
  joinsPerMinute: number;
  joinFailuresFree: number;
  joinBackoffMaxSeconds: number;
  wrongCodesPerHour: number;
  unjoinedMinutes: number;
  idleHours: number;
}

/**
 * The defaults: a class of 40 behind one school address can all start solo games at once and
 * again within the hour, join at once, and rejoin after a restart, without meeting any of them.
 */
export const DEFAULT_LIMITS: LimitSettings = {
  sessionsPerHour: 120,
  sessionsBurst: 60,
  joinsPerMinute: 120,
  joinFailuresFree: 10,
  joinBackoffMaxSeconds: 60,
  wrongCodesPerHour: 3600,
  unjoinedMinutes: 60,
  idleHours: 12,
};

export function serverLimits(settings: LimitSettings = DEFAULT_LIMITS): ServerLimits {
  const forgetMs = 15 * MINUTE;
  return {
    sessions: { perSecond: settings.sessionsPerHour / 3600, burst: settings.sessionsBurst },
    joins: {
      joins: { perSecond: settings.joinsPerMinute / 60, burst: settings.joinsPerMinute },
      failures: {
        free: settings.joinFailuresFree,
        baseMs: 1000,
        maxMs: settings.joinBackoffMaxSeconds * 1000,
        forgetMs,
      },
      failuresEverywhere: {
        perSecond: settings.wrongCodesPerHour / 3600,
        burst: Math.max(1, Math.round(settings.wrongCodesPerHour / 6)),
      },
      keyFailures: { free: 20, baseMs: 1000, maxMs: 30_000, forgetMs },
    },
    unjoinedMs: settings.unjoinedMinutes * MINUTE,
    idleMs: settings.idleHours * HOUR,
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

/** PUBLIC_URL: an http(s) address without query or fragment, kept with one trailing slash. */
export function readPublicUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be a full address like https://game.example.org/, not "${value}".`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    throw new Error(
      `PUBLIC_URL must be a plain http:// or https:// address like https://game.example.org/, not "${value}".`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}

/** Everything else the server reads from the environment, checked once with one-line errors. */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const nodeId = env.NODE_ID?.trim() || 'main';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(nodeId))
    throw new Error(`NODE_ID may use letters, digits, . _ - only, not "${nodeId}".`);
  return {
    databasePath: env.DATABASE_PATH?.trim() || './data/peace-table.db',
    redisUrl: env.REDIS_URL?.trim() || undefined,
    publicAddress: env.PUBLIC_ADDRESS?.trim() || undefined,
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    nodeId,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    reconnectSeconds: wholeNumber(env, 'RECONNECT_SECONDS', 60, 5, 3600),
    botDelayMs: wholeNumber(env, 'BOT_DELAY_MS', 1500, 0, 60_000),
    trustProxy: wholeNumber(env, 'TRUST_PROXY', 0, 0, 10),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    limits: serverLimits(readLimitSettings(env)),
    whatIf: {
      maxRunning: wholeNumber(env, 'WHATIF_RUNNING', DEFAULT_WHATIF_LIMITS.maxRunning, 1, 16),
      maxGames: wholeNumber(env, 'WHATIF_MAX_GAMES', DEFAULT_WHATIF_LIMITS.maxGames, 1, 100_000),
      workers: wholeNumber(env, 'WHATIF_WORKERS', DEFAULT_WHATIF_LIMITS.workers, 1, 64),
    },
  };
}

/** The limits' environment variables, each a whole number in a sensible range. */
export function readLimitSettings(env: NodeJS.ProcessEnv = process.env): LimitSettings {
  const d = DEFAULT_LIMITS;
  return {
    sessionsPerHour: wholeNumber(env, 'SESSIONS_PER_HOUR', d.sessionsPerHour, 1, 100_000),
    sessionsBurst: wholeNumber(env, 'SESSIONS_BURST', d.sessionsBurst, 1, 10_000),
    joinsPerMinute: wholeNumber(env, 'JOINS_PER_MINUTE', d.joinsPerMinute, 1, 100_000),
    joinFailuresFree: wholeNumber(env, 'JOIN_FAILURES_FREE', d.joinFailuresFree, 0, 1000),
    joinBackoffMaxSeconds: wholeNumber(env, 'JOIN_BACKOFF_MAX_SECONDS', d.joinBackoffMaxSeconds, 1, 3600),
    wrongCodesPerHour: wholeNumber(env, 'WRONG_CODES_PER_HOUR', d.wrongCodesPerHour, 1, 1_000_000),
    unjoinedMinutes: wholeNumber(env, 'SESSION_UNJOINED_MINUTES', d.unjoinedMinutes, 1, 7 * 24 * 60),
    idleHours: wholeNumber(env, 'SESSION_IDLE_HOURS', d.idleHours, 1, 7 * 24),
  };
}
