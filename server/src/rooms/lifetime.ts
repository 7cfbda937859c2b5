/**
 * How long a session may wait with nobody in it before it closes (as abandoned):
 *
 * - nobody ever joined: until `unjoinedMs` after its creation (default an hour). A session made
 *   and never used, by mistake or by a script, does not stay open for the idle time, nor come
 *   back at every restart;
 * - somebody joined once: `idleMs` after the last person left (default 12 hours), so a class
 *   can come back after lunch.
 *
 * The first join is written to the database (sessions.joined_at): a restart keeps the difference.
 */
import type { Logger } from 'pino';
import type { SessionStore } from '../store/sessionStore.ts';

export interface LifetimeSettings {
  idleMs: number;
  unjoinedMs: number;
}

export class SessionLifetime {
  private joinedAt: number | null;
  private readonly createdAt: number;
  private readonly store: SessionStore;
  private readonly code: string;
  private readonly settings: LifetimeSettings;
  private readonly log: Logger;

  private constructor(
    store: SessionStore,
    code: string,
    settings: LifetimeSettings,
    log: Logger,
    createdAt: number,
    joinedAt: number | null,
  ) {
    this.store = store;
    this.log = log;
    this.code = code;
    this.settings = settings;
    this.createdAt = createdAt;
    this.joinedAt = joinedAt;
  }

  /** The lifetime of a stored session (the room has just started or restored it). */
  static of(
    store: SessionStore,
    code: string,
    settings: LifetimeSettings,
    log: Logger,
    now = Date.now(),
  ): SessionLifetime {
    const row = store.getSession(code);
    return new SessionLifetime(store, code, settings, log, row?.createdAt ?? now, row?.joinedAt ?? null);
  }

  /** Somebody joined: from now on only the idle time counts. */
  joined(now = Date.now()): void {
    if (this.joinedAt !== null) return;
    this.joinedAt = now;
    try {
      this.store.markJoined(this.code, now);
    } catch (error) {
      // This run knows; only a restart would then take the session for one nobody joined.
      this.log.error({ err: error }, 'could not record the first join');
    }
  }

  /** How long the session may stay empty from now before it closes. */
  emptyFor(now = Date.now()): number {
    if (this.joinedAt !== null) return this.settings.idleMs;
    return Math.max(0, this.createdAt + this.settings.unjoinedMs - now);
  }
}
