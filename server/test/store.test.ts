/**
 * The session database and GameSession: events are appended in order and never changed, a game
 * restores exactly from its snapshot plus later events, and a failed write leaves the game as it was.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { EngineEvent } from '@peace-table/shared/engine/types';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { GameSession, SNAPSHOT_EVERY } from '../src/rooms/gameSession.ts';
import { initialRoster } from '../src/sessions/roster.ts';
import type { SessionConfig } from '../src/sessions/types.ts';
import { SessionStore } from '../src/store/sessionStore.ts';
import { fixtureScenario } from './support/fixtures.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-db-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'peace-table.db');
}

function config(code = 'ABCDEF'): SessionConfig {
  return {
    code,
    scenarioId: 'fixture',
    seats: { ukraine: 'human', russia: 'human', us: 'human', europe: 'human' },
    botLevel: 'standard',
    teamSize: 3,
    reconnectSeconds: 60,
    botDelayMs: 0,
    maxSpectators: 5,
    facilitatorKeyHash: 'f'.repeat(64),
    input: { seed: 7, now: 1_000 },
  };
}

let clock = 1_000;
type WithoutTime<E> = E extends EngineEvent ? Omit<E, 'at'> : never;
function event(e: WithoutTime<EngineEvent>): EngineEvent {
  clock += 1000;
  return { ...e, at: clock } as EngineEvent;
}

/** Plays the lobby, briefing and opening, then `chats` plenary messages: deterministic events. */
function play(session: GameSession, chats: number) {
  for (let i = 0; i < 2; i++) for (const d of DELEGATION_IDS) session.step(event({ type: 'seat.ready', actor: d }));
  for (const d of DELEGATION_IDS) session.step(event({ type: 'statement.make', actor: d, text: `${d} speaks` }));
  for (let i = 0; i < chats; i++) {
    const result = session.step(event({ type: 'chat.post', actor: 'us', channel: 'plenary', text: `line ${i}` }));
    expect(result.ok).toBe(true);
  }
}

describe('SessionStore', () => {
  it('brings a database of the first schema up to date: old sessions count as joined', async () => {
    const file = tempDb();
    await new SessionStore(file).close();
    const old = new DatabaseSync(file);
    // The first schema had no joined_at column.
    old.exec(`CREATE TABLE sessions_v1 AS SELECT code, scenario_id, node, status, created_at, updated_at, config,
      roster, result, event_count FROM sessions; DROP TABLE sessions; ALTER TABLE sessions_v1 RENAME TO sessions;
      PRAGMA user_version = 1;`);
    old
      .prepare(`INSERT INTO sessions (code, scenario_id, node, status, created_at, updated_at, config, roster,
        event_count) VALUES ('OLDONE', 'fixture', 'main', 'open', 500, 900, '{}', '{}', 0)`)
      .run();
    old.close();
    const store = new SessionStore(file);
    try {
      expect(store.getSession('OLDONE')).toMatchObject({ createdAt: 500, joinedAt: 500 });
      expect(store.db.prepare('PRAGMA user_version').get()).toEqual({ user_version: 2 });
    } finally {
      await store.close();
    }
  });

  it('creates its folder, keeps sessions across reopening, and lists open ones by node', async () => {
    const file = tempDb();
    const c = config();
    let store = new SessionStore(file);
    const session = GameSession.start(store, fixtureScenario, c, initialRoster(c), 'node-a');
    play(session, 3);
    await store.close();
    store = new SessionStore(file);
    expect(store.openSessions('node-a')).toEqual(['ABCDEF']);
    expect(store.openSessions('node-b')).toEqual([]);
    expect(store.getSession('ABCDEF')).toMatchObject({
      status: 'open',
      eventCount: session.eventCount,
      node: 'node-a',
    });
    await store.close();
  });

  it('lists sessions that ended since a time, on any node, with when they ended', async () => {
    const store = new SessionStore(tempDb());
    for (const [code, node] of [
      ['AAAAAA', 'node-a'],
      ['BBBBBB', 'node-b'],
      ['CCCCCC', 'node-a'],
      ['DDDDDD', 'node-a'],
    ] as const) {
      GameSession.start(store, fixtureScenario, config(code), initialRoster(config(code)), node);
    }
    store.setStatus('AAAAAA', 'abandoned', 1_000);
    store.setStatus('BBBBBB', 'concluded', 5_000);
    store.setStatus('CCCCCC', 'abandoned', 9_000);
    // DDDDDD is still open.
    expect(store.endedSince(2_000)).toEqual([
      { code: 'BBBBBB', endedAt: 5_000 },
      { code: 'CCCCCC', endedAt: 9_000 },
    ]);
    expect(store.endedSince(0).map((s) => s.code)).toEqual(['AAAAAA', 'BBBBBB', 'CCCCCC']);
    await store.close();
  });

  it('checkpoints the WAL into the database file in the background, not inside commits', async () => {
    const file = tempDb();
    const store = new SessionStore(file);
    const c = config();
    const session = GameSession.start(store, fixtureScenario, c, initialRoster(c), 'n');
    const before = statSync(file).size;
    play(session, 300);
    // The main connection never checkpoints (wal_autocheckpoint = 0): only the worker can grow the file.
    await expect.poll(() => statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before + 50_000);
    await store.close();
    // Closed means released: the worker's last checkpoint has folded the WAL back and it is gone,
    // so the folder can be moved or deleted at once (a test's cleanup failed on the leftovers).
    expect(readdirSync(path.dirname(file))).toEqual(['peace-table.db']);
  });

  it('keeps the event log append-only and in sequence', () => {
    const store = new SessionStore(':memory:');
    const c = config();
    const session = GameSession.start(store, fixtureScenario, c, initialRoster(c), 'n');
    play(session, 1);
    expect(() => store.db.exec("UPDATE events SET type = 'x'")).toThrow(/append-only/);
    expect(() => store.db.exec('DELETE FROM events')).toThrow(/append-only/);
    const e = event({ type: 'chat.post', actor: 'us', channel: 'plenary', text: 'late' });
    expect(() => store.appendEvent('ABCDEF', session.eventCount + 5, e)).toThrow(/out of sequence/);
    expect(() => store.appendEvent('ABCDEF', session.eventCount, e)).toThrow(/out of sequence/);
    expect(store.events('ABCDEF')).toHaveLength(session.eventCount);
  });

  it('restores a game exactly: snapshot plus the events after it', () => {
    const store = new SessionStore(':memory:');
    const c = config();
    const session = GameSession.start(store, fixtureScenario, c, initialRoster(c), 'n');
    play(session, SNAPSHOT_EVERY + 7);
    const stored = store.loadGame('ABCDEF');
    expect(stored?.snapshotSeq).toBeGreaterThan(0);
    expect(stored?.events.length).toBeLessThan(SNAPSHOT_EVERY);
    const restored = GameSession.restore(store, fixtureScenario, 'ABCDEF');
    expect(restored.eventCount).toBe(session.eventCount);
    expect(restored.context).toEqual(session.context);
    // And it carries on, appending after the last event.
    const next = restored.step(event({ type: 'chat.post', actor: 'russia', channel: 'plenary', text: 'after' }));
    expect(next.ok).toBe(true);
    expect(store.getSession('ABCDEF')?.eventCount).toBe(session.eventCount + 1);
  });

  it('does not move the game on when the write fails', async () => {
    const store = new SessionStore(':memory:');
    const c = config();
    const session = GameSession.start(store, fixtureScenario, c, initialRoster(c), 'n');
    const before = session.context;
    await store.close();
    const result = session.step(event({ type: 'seat.ready', actor: 'ukraine' }));
    expect(result.ok).toBe(false);
    expect('writeError' in result).toBe(true);
    expect(session.context).toBe(before);
    expect(session.eventCount).toBe(0);
  });

  it('marks a session concluded with its result in the same transaction as the last event', () => {
    const store = new SessionStore(':memory:');
    const c = config();
    const session = GameSession.start(store, fixtureScenario, c, initialRoster(c), 'n');
    play(session, 0);
    session.step(event({ type: 'delegation.walkout', actor: 'russia' }));
    expect(session.context.phase).toBe('concluded');
    const row = store.getSession('ABCDEF');
    expect(row?.status).toBe('concluded');
    expect(row?.result?.ending).toBe('walkout');
    expect(store.openSessions('n')).toEqual([]);
    expect(store.loadGame('ABCDEF')?.events).toEqual([]);
  });
});
