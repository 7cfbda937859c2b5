/**
 * Two classes on one server at the same time: both games are played to the end at once, through
 * real clients, and nothing of one session (its code, its people's names, its chat) reaches a
 * client of the other; each session's event log holds its own game only.
 */
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_HUMAN, createSession, joinAs, type Player } from './support/players.ts';
import { playGame, seatFour, type Table } from './support/script.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.colyseus.shutdown());

async function openClass(label: string) {
  const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
  const names = Object.fromEntries(DELEGATION_IDS.map((d) => [d, `${label} ${d} student`]));
  const table = await seatFour(server.wsUrl, session.code, names);
  const facilitator = await joinAs(server.wsUrl, {
    code: session.code,
    role: 'facilitator',
    facilitatorKey: session.facilitatorKey,
  });
  return { session, table, facilitator, names: Object.values(names) };
}

const everyone = (c: { table: Table; facilitator: Player }) => [...Object.values(c.table), c.facilitator];

describe('two sessions at once', () => {
  it('play to the end side by side without anything crossing between them', async () => {
    const [a, b] = await Promise.all([openClass('Alpha'), openClass('Bravo')]);
    await Promise.all([
      playGame(a.table, { observers: [a.facilitator] }),
      playGame(b.table, { observers: [b.facilitator] }),
    ]);
    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      expect(own.facilitator.view?.result?.outcomeId).toBe('ceasefire');
      for (const player of everyone(own)) {
        expect(player.received(other.session.code), `${player.label} got the other code`).toBe(false);
        for (const name of other.names) expect(player.received(name), `${player.label} got ${name}`).toBe(false);
      }
      // Each log is one game's: its own people's names, the same length as the other's (same script).
      const events = server.store.events(own.session.code);
      expect(events.length).toBe(server.store.events(other.session.code).length);
      expect(own.facilitator.view?.transcript.filter((t) => t.event !== null).map((t) => t.event)).toEqual(events);
    }
    for (const player of [...everyone(a), ...everyone(b)]) await player.leave();
  });
});
