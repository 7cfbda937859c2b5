/**
 * kill -9 mid-game: the server process dies with no warning, a new one starts on the same
 * database, restores the session, the players come back with their seat keys and see exactly the
 * game they left, and the game goes on to its end with every accepted event in the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionStore } from '../src/store/sessionStore.ts';
import { ALL_HUMAN, createSession, joinAs, type Player } from './support/players.ts';
import { killHard, type ServerProcess, startServerProcess } from './support/processes.ts';
import { finishWithDeal, playToRoundTwo, seatFour, type Table } from './support/script.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-fault-'));
const env = { DATABASE_PATH: path.join(dir, 'peace-table.db'), NODE_ID: 'fault-test', RECONNECT_SECONDS: '30' };
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server) await killHard(server);
  rmSync(dir, { recursive: true, force: true });
});

function silence(players: Player[]) {
  // The old connections die with the process; the SDK's own retries would only add noise.
  for (const p of players) p.room.reconnection.enabled = false;
}

describe('a server killed mid-game', () => {
  it('restores the session; players return with their seat keys and finish the game; nothing is lost', async () => {
    server = await startServerProcess(env);
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const table = await seatFour(server.wsUrl, session.code);
    const facilitator = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
    });
    await playToRoundTwo(table, [facilitator]);
    // One more accepted action right before the crash: its effect was seen, so it must survive.
    table.europe.send('chat.post', { channel: 'plenary', text: 'last words before the crash' });
    for (const p of [...Object.values(table), facilitator]) {
      await p.until((x) => x.view?.chat.at(-1)?.text === 'last words before the crash', 'the last chat');
    }
    const before: Record<string, unknown> = {
      facilitator: facilitator.view,
      ...Object.fromEntries(DELEGATION_IDS.map((d) => [d, table[d].view])),
    };
    const keys = Object.fromEntries(DELEGATION_IDS.map((d) => [d, table[d].seatKey?.key as string]));
    silence([...Object.values(table), facilitator]);

    await killHard(server);
    const port = server.port;
    server = await startServerProcess(env, port);
    expect(server.restored).toEqual([session.code]);

    const back = {} as Table;
    for (const d of DELEGATION_IDS) {
      back[d] = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: keys[d] as string }, d);
      expect(back[d].view).toEqual(before[d]);
      expect(back[d].seatKey?.delegation).toBe(d);
    }
    const facilitatorBack = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
    });
    expect(facilitatorBack.view).toEqual(before.facilitator);
    expect(facilitatorBack.state.seats.ukraine).toMatchObject({
      control: 'human',
      connected: 1,
      name: 'Player ukraine',
    });

    await finishWithDeal(back, [facilitatorBack]);
    expect(facilitatorBack.view?.result?.outcomeId).toBe('ceasefire');

    const store = new SessionStore(env.DATABASE_PATH);
    try {
      const events = store.events(session.code);
      const transcriptEvents = facilitatorBack.view?.transcript.filter((t) => t.event !== null).map((t) => t.event);
      expect(events).toEqual(transcriptEvents);
      expect(events.some((e) => e.type === 'chat.post' && e.text === 'last words before the crash')).toBe(true);
      expect(store.getSession(session.code)?.status).toBe('concluded');
    } finally {
      await store.close();
    }
    for (const p of [...Object.values(back), facilitatorBack]) await p.leave();
  }, 180_000);
});
