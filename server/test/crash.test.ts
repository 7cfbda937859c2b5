/**
 * kill -9 with actions in flight: four players fire chat lines as fast as the rate limit lets them,
 * and the server process is killed the moment the first of them is acknowledged (seen by anyone:
 * the room sends effects only after the event is committed). After a restart every acknowledged
 * line is in the event log, once, in order, and the players see them when they come back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../src/store/sessionStore.ts';
import { ALL_HUMAN, createSession, joinAs, type Player } from './support/players.ts';
import { killHard, type ServerProcess, startServerProcess } from './support/processes.ts';
import { seatFour, waitAll } from './support/script.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-crash-'));
const env = { DATABASE_PATH: path.join(dir, 'peace-table.db'), NODE_ID: 'crash-test', RECONNECT_SECONDS: '30' };
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server) await killHard(server);
  rmSync(dir, { recursive: true, force: true });
});

/** Lines a player saw in the plenary: acknowledged, since views follow the commit. */
const seen = (p: Player) => (p.view?.chat ?? []).map((c) => c.text).filter((t) => t.startsWith('burst '));

describe('a server killed with actions in flight', () => {
  it('keeps every acknowledged action, once and in order', async () => {
    server = await startServerProcess(env);
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const table = await seatFour(server.wsUrl, session.code);
    const facilitator = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
    });
    const everyone = [...Object.values(table), facilitator];
    for (const d of DELEGATION_IDS) table[d].send('seat.ready');
    await waitAll(everyone, (p) => p.view?.phase === 'briefing', 'briefing');
    for (const p of everyone) p.room.reconnection.enabled = false;

    // 18 lines each (under the burst of 20), all sent at once; kill at the first acknowledgement.
    for (let i = 0; i < 18; i++) {
      for (const d of DELEGATION_IDS) table[d].send('chat.post', { channel: 'plenary', text: `burst ${d} ${i}` });
    }
    await facilitator.until((p) => seen(p).length > 0, 'a first acknowledged line');
    await killHard(server);
    const acknowledged = new Set(everyone.flatMap(seen));
    expect(acknowledged.size).toBeGreaterThan(0);

    const store = new SessionStore(env.DATABASE_PATH);
    let logged: string[];
    try {
      const events = store.events(session.code);
      logged = events.flatMap((e) => (e.type === 'chat.post' && e.text.startsWith('burst ') ? [e.text] : []));
      expect(store.getSession(session.code)?.eventCount).toBe(events.length);
    } finally {
      await store.close();
    }
    for (const text of acknowledged) expect(logged, text).toContain(text);
    expect(new Set(logged).size).toBe(logged.length);
    // Each player's lines went into the log in the order they were sent.
    for (const d of DELEGATION_IDS) {
      const mine = logged.filter((t) => t.startsWith(`burst ${d} `)).map((t) => Number(t.split(' ')[2]));
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }

    server = await startServerProcess(env, server.port);
    expect(server.restored).toEqual([session.code]);
    const back = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'delegate',
      seatKey: table.us.seatKey?.key as string,
    });
    expect(seen(back)).toEqual(logged);
    await back.leave();
  }, 180_000);
});
