/**
 * The session database: SQLite through `node:sqlite` (no native addon to build), one file at
 * DATABASE_PATH (default ./data/peace-table.db).
 *
 * - `sessions`: one row per session: config (with the facilitator key's hash), roster (with seat
 *   key hashes), status, outcome, and which server node runs it.
 * - `events`: the append-only log of every accepted engine event, numbered per session. Triggers
 *   refuse UPDATE and DELETE, so the log can only grow.
 * - `snapshots`: the latest `engine.persist()` of each session and how many events it includes.
 *
 * A game is the latest snapshot plus the events after it. Writes are synchronous and each
 * accepted event is committed in its own transaction before the room broadcasts its effects, so a
 * crash (kill -9 included) loses nothing a client has seen. WAL mode lets several server processes
 * on one machine share the file (see docs/deployment.md).
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { PersistedGame } from '@peace-table/shared/engine/game';
import type { EngineEvent, FinalResult } from '@peace-table/shared/engine/types';
import type { RosterData, SessionConfig, SessionStatus } from '../sessions/types.ts';
import { Checkpointer } from './checkpointer.ts';
import { checkIntegrity, DatabaseProblem, preparePath, sqliteProblem } from './openDatabase.ts';

/** 2: sessions.joined_at, when somebody first joined (sessions nobody joins expire). */
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  node TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'concluded', 'abandoned')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  config TEXT NOT NULL,
  roster TEXT NOT NULL,
  result TEXT,
  event_count INTEGER NOT NULL DEFAULT 0,
  joined_at INTEGER
);
CREATE INDEX IF NOT EXISTS sessions_open ON sessions (node, status);
CREATE TABLE IF NOT EXISTS events (
  code TEXT NOT NULL REFERENCES sessions (code),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (code, seq)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TABLE IF NOT EXISTS snapshots (
  code TEXT PRIMARY KEY REFERENCES sessions (code),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  game TEXT NOT NULL
);
`;

export interface SessionRow {
  code: string;
  scenarioId: string;
  node: string;
  status: SessionStatus;
  createdAt: number;
  updatedAt: number;
  config: SessionConfig;
  roster: RosterData;
  result: FinalResult | null;
  eventCount: number;
  /** When somebody first joined, or null while nobody has. */
  joinedAt: number | null;
}

export interface StoredGame {
  /** Events already inside the snapshot. */
  snapshotSeq: number;
  snapshot: PersistedGame;
  /** Events after the snapshot, in order. */
  events: EngineEvent[];
}

/** Optional work done in the same transaction as an event. */
export interface AppendExtras {
  snapshot?: PersistedGame;
  concluded?: FinalResult | null;
}

interface RawSession {
  code: string;
  scenario_id: string;
  node: string;
  status: SessionStatus;
  created_at: number;
  updated_at: number;
  config: string;
  roster: string;
  result: string | null;
  event_count: number;
  joined_at: number | null;
}

/** Brings a database of an earlier schema up to this one. */
function migrate(db: DatabaseSync): void {
  const columns = (db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[]).map((c) => c.name);
  if (!columns.includes('joined_at')) {
    // Sessions from before did not record joins: count them as joined, so only the idle rule closes them.
    db.exec('ALTER TABLE sessions ADD COLUMN joined_at INTEGER');
    db.exec('UPDATE sessions SET joined_at = created_at');
  }
}

export class SessionStore {
  readonly db: DatabaseSync;
  private readonly checkpointer: Checkpointer | undefined;

  readonly file: string;

  /**
   * Opens (or creates) the database at `file`. Any problem with it (a folder, a read-only place, a
   * file that is not a database, damaged pages) throws a DatabaseProblem whose message is one
   * sentence naming the path, the cause and what to do (openDatabase.ts).
   */
  constructor(
    file: string,
    onError: (message: string) => void = (message) => process.emitWarning(`database checkpoint: ${message}`),
  ) {
    this.file = file;
    if (file !== ':memory:') preparePath(file);
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(file);
      // Short while starting: a database another program holds locked is reported, not waited for.
      db.exec('PRAGMA busy_timeout = 1000');
      if (file !== ':memory:') checkIntegrity(db, file);
      db.exec('PRAGMA journal_mode = WAL');
      // NORMAL in WAL mode: a committed transaction survives a process crash; only a power cut can lose the last ones.
      db.exec('PRAGMA synchronous = NORMAL');
      db.exec('PRAGMA foreign_keys = ON');
      const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
      if (version > SCHEMA_VERSION) {
        throw new DatabaseProblem(
          `the database ${file} was written by a newer Peace Table (schema ${version}); upgrade the server.`,
        );
      }
      db.exec(SCHEMA);
      migrate(db);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
      db.exec('PRAGMA busy_timeout = 5000');
    } catch (error) {
      if (db?.isOpen) db.close();
      throw error instanceof DatabaseProblem ? error : sqliteProblem(file, error);
    }
    this.db = db;
    if (file !== ':memory:') {
      // Checkpoints (and their fsync) run in a worker thread, never inside a player's action.
      this.db.exec('PRAGMA wal_autocheckpoint = 0');
      this.checkpointer = new Checkpointer(file, onError);
    }
  }

  /** Statements are compiled once and reused: every accepted event runs the same few. */
  private readonly statements = new Map<string, StatementSync>();
  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private transaction<T>(work: () => T): T {
    this.sql('BEGIN IMMEDIATE').run();
    try {
      const result = work();
      this.sql('COMMIT').run();
      return result;
    } catch (error) {
      this.sql('ROLLBACK').run();
      throw error;
    }
  }

  createSession(config: SessionConfig, roster: RosterData, node: string, game: PersistedGame, now = Date.now()): void {
    this.transaction(() => {
      this.sql(
        `INSERT INTO sessions (code, scenario_id, node, status, created_at, updated_at, config, roster)
           VALUES (?, ?, ?, 'open', ?, ?, ?, ?)`,
      ).run(config.code, config.scenarioId, node, now, now, JSON.stringify(config), JSON.stringify(roster));
      this.writeSnapshot(config.code, 0, game, now);
    });
  }

  hasSession(code: string): boolean {
    return this.sql('SELECT 1 FROM sessions WHERE code = ?').get(code) !== undefined;
  }

  getSession(code: string): SessionRow | undefined {
    const raw = this.sql('SELECT * FROM sessions WHERE code = ?').get(code) as RawSession | undefined;
    if (!raw) return undefined;
    return {
      code: raw.code,
      scenarioId: raw.scenario_id,
      node: raw.node,
      status: raw.status,
      createdAt: raw.created_at,
      updatedAt: raw.updated_at,
      config: JSON.parse(raw.config) as SessionConfig,
      roster: JSON.parse(raw.roster) as RosterData,
      result: raw.result === null ? null : (JSON.parse(raw.result) as FinalResult),
      eventCount: raw.event_count,
      joinedAt: raw.joined_at,
    };
  }

  /**
   * Appends event number `seq` (1-based) to the session's log. Throws if `seq` is not the next
   * number, which catches two processes writing the same session.
   */
  appendEvent(code: string, seq: number, event: EngineEvent, extras: AppendExtras = {}, now = Date.now()): void {
    this.transaction(() => {
      const updated = this.sql(
        'UPDATE sessions SET event_count = ?, updated_at = ? WHERE code = ? AND event_count = ?',
      ).run(seq, now, code, seq - 1);
      if (updated.changes !== 1) throw new Error(`session ${code}: event ${seq} is out of sequence`);
      this.sql('INSERT INTO events (code, seq, at, actor, type, event) VALUES (?, ?, ?, ?, ?, ?)').run(
        code,
        seq,
        event.at,
        event.actor,
        event.type,
        JSON.stringify(event),
      );
      if (extras.snapshot) this.writeSnapshot(code, seq, extras.snapshot, now);
      if (extras.concluded !== undefined) {
        this.sql(`UPDATE sessions SET status = 'concluded', result = ? WHERE code = ?`).run(
          JSON.stringify(extras.concluded),
          code,
        );
      }
    });
  }

  saveRoster(code: string, roster: RosterData, now = Date.now()): void {
    this.sql('UPDATE sessions SET roster = ?, updated_at = ? WHERE code = ?').run(JSON.stringify(roster), now, code);
  }

  /** Somebody joined the session: the first time is remembered (sessions nobody joins expire). */
  markJoined(code: string, now = Date.now()): void {
    this.sql('UPDATE sessions SET joined_at = ? WHERE code = ? AND joined_at IS NULL').run(now, code);
  }

  /**
   * Marks this node's open sessions that are past their time as abandoned, and returns their
   * codes: nobody joined within `unjoinedMs` of their creation, or nothing happened in them for
   * `idleMs` (a server that was down for days does not bring back last week's sessions).
   */
  expireStale(node: string, now: number, limits: { unjoinedMs: number; idleMs: number }): string[] {
    const rows = this.sql(
      `SELECT code FROM sessions WHERE node = ? AND status = 'open'
         AND ((joined_at IS NULL AND created_at <= ?) OR updated_at <= ?) ORDER BY created_at`,
    ).all(node, now - limits.unjoinedMs, now - limits.idleMs) as { code: string }[];
    for (const { code } of rows) this.setStatus(code, 'abandoned', now);
    return rows.map((r) => r.code);
  }

  setStatus(code: string, status: SessionStatus, now = Date.now()): void {
    this.sql('UPDATE sessions SET status = ?, updated_at = ? WHERE code = ?').run(status, now, code);
  }

  private writeSnapshot(code: string, seq: number, game: PersistedGame, now: number): void {
    this.sql(
      `INSERT INTO snapshots (code, seq, at, game) VALUES (?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET seq = excluded.seq, at = excluded.at, game = excluded.game`,
    ).run(code, seq, now, JSON.stringify(game));
  }

  /** The latest snapshot and every event after it; undefined for an unknown session. */
  loadGame(code: string): StoredGame | undefined {
    const snap = this.sql('SELECT seq, game FROM snapshots WHERE code = ?').get(code) as
      | { seq: number; game: string }
      | undefined;
    if (!snap) return undefined;
    const rows = this.sql('SELECT event FROM events WHERE code = ? AND seq > ? ORDER BY seq').all(code, snap.seq) as {
      event: string;
    }[];
    return {
      snapshotSeq: snap.seq,
      snapshot: JSON.parse(snap.game) as PersistedGame,
      events: rows.map((r) => JSON.parse(r.event) as EngineEvent),
    };
  }

  /** Every event of a session, in order (the full log, for audits and tests). */
  events(code: string): EngineEvent[] {
    const rows = this.sql('SELECT event FROM events WHERE code = ? ORDER BY seq').all(code) as {
      event: string;
    }[];
    return rows.map((r) => JSON.parse(r.event) as EngineEvent);
  }

  /** Codes of this node's sessions that were running when it stopped. */
  openSessions(node: string): string[] {
    const rows = this.sql(`SELECT code FROM sessions WHERE node = ? AND status = 'open' ORDER BY created_at`).all(
      node,
    ) as { code: string }[];
    return rows.map((r) => r.code);
  }

  /** Sessions (on any node) that ended at or after `since` (concluded, or closed as abandoned), and when. */
  endedSince(since: number): { code: string; endedAt: number }[] {
    const rows = this.sql(
      `SELECT code, updated_at FROM sessions WHERE status != 'open' AND updated_at >= ? ORDER BY updated_at`,
    ).all(since) as { code: string; updated_at: number }[];
    return rows.map((r) => ({ code: r.code, endedAt: r.updated_at }));
  }

  /** Resolves when the database's files are released (the checkpoint worker's connection too). */
  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
    await this.checkpointer?.stop();
  }
}
