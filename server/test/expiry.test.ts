/**
 * Sessions that expire: one nobody joins closes an hour after its creation (here: the limit set
 * short), one somebody joined waits for the idle time instead; and a restart does not bring back
 * sessions that are past their time, however long the server was down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseJoinRefusal } from '@peace-table/shared/refusals';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { serverLimits } from '../src/config.ts';
import { SessionLifetime } from '../src/rooms/lifetime.ts';
import { SessionStore } from '../src/store/sessionStore.ts';
import { ALL_HUMAN, createSession, joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-expiry-'));
const store = new SessionStore(path.join(dir, 'peace-table.db'));
let server: TestServer | undefined;

afterEach(async () => {
  await server?.colyseus.shutdown();
  server = undefined;
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const HOUR = 3600_000;

describe('a session nobody joins', () => {
  it('closes as abandoned after its time; a late join hears that it ended', async () => {
    server = await startTestServer({ store, config: { limits: { ...serverLimits(), unjoinedMs: 300 } } });
    const unused = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    await expect.poll(() => store.getSession(unused.code)?.status, { timeout: 10_000 }).toBe('abandoned');
    expect(store.getSession(unused.code)?.joinedAt).toBeNull();
    const late = await joinAs(server.wsUrl, { code: unused.code, role: 'spectator' }).catch((e: Error) => e);
    expect(parseJoinRefusal((late as Error).message)).toMatchObject({ reason: 'sessionEnded' });
  });

  it('waits for the idle time instead once somebody joined, also after a restart (lifetime.ts)', async () => {
    server = await startTestServer({ store });
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const settings = { unjoinedMs: HOUR, idleMs: 12 * HOUR };
    const createdAt = store.getSession(session.code)?.createdAt as number;
    const lifetime = SessionLifetime.of(store, session.code, settings, pino({ level: 'silent' }));
    expect(lifetime.emptyFor(createdAt + HOUR / 4)).toBe((3 * HOUR) / 4);
    const student = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'us', name: 'Sam' });
    await student.leave();
    expect(store.getSession(session.code)?.joinedAt).toBeTypeOf('number');
    const restored = SessionLifetime.of(store, session.code, settings, pino({ level: 'silent' }));
    expect(restored.emptyFor(createdAt + 2 * HOUR)).toBe(12 * HOUR);
    expect(store.getSession(session.code)?.status).toBe('open');
  });
});

describe('a restart', () => {
  it('does not restore sessions past their time: unjoined for an hour, or idle for the idle time', async () => {
    server = await startTestServer({ store });
    const body = { scenario: 'fixture', seats: ALL_HUMAN };
    const make = async (joined: boolean) => {
      const session = await createSession(server?.baseUrl as string, body);
      if (joined) await (await joinAs(server?.wsUrl as string, { code: session.code, role: 'spectator' })).leave();
      return session.code;
    };
    const codes = {
      oldUnjoined: await make(false),
      staleJoined: await make(true),
      fresh: await make(true),
      young: await make(false),
    };
    await server.colyseus.shutdown();
    const age = (code: string, ms: number) =>
      store.db
        .prepare('UPDATE sessions SET created_at = created_at - ?, updated_at = updated_at - ? WHERE code = ?')
        .run(ms, ms, code);
    age(codes.oldUnjoined, 2 * HOUR);
    age(codes.staleJoined, 13 * HOUR);
    age(codes.young, HOUR / 6);

    server = await startTestServer({ store });
    const restored = await server.restoreSessions();
    expect(restored).toEqual(expect.arrayContaining([codes.fresh, codes.young]));
    expect(restored).not.toContain(codes.oldUnjoined);
    expect(restored).not.toContain(codes.staleJoined);
    for (const code of [codes.oldUnjoined, codes.staleJoined]) {
      expect(store.getSession(code)?.status).toBe('abandoned');
      const late = await joinAs(server.wsUrl, { code, role: 'spectator' }).catch((e: Error) => e);
      expect(parseJoinRefusal((late as Error).message)).toMatchObject({ reason: 'sessionEnded', params: { code } });
    }
  });
});
