/**
 * End-to-end games with real SDK clients over real websockets: four humans, a solo player against
 * three computer seats, and a team of two sharing a delegation.
 */
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEAL } from './support/fixtures.ts';
import { ALL_HUMAN, createSession, joinAs, type Player } from './support/players.ts';
import { playGame, seatFour } from './support/script.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.colyseus.shutdown());

async function leaveAll(players: Player[]) {
  await Promise.all(players.map((p) => (p.leftWith === undefined ? p.leave() : undefined)));
}

describe('a full game', () => {
  it('four humans, a facilitator and a projector play to a ratified ceasefire', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    expect(session.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(session.roomId).toBe(session.code);
    const table = await seatFour(server.wsUrl, session.code);
    const facilitator = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
    });
    // Codes are read aloud and typed by hand: lower case and a dash still find the session.
    const typed = `${session.code.slice(0, 3).toLowerCase()}-${session.code.slice(3)}`;
    const projector = await joinAs(server.wsUrl, { code: typed, role: 'spectator' }, 'projector');

    for (const d of DELEGATION_IDS) {
      expect(table[d].seatKey).toMatchObject({ code: session.code, delegation: d, name: `Player ${d}` });
      expect(table[d].view?.viewer).toBe(d);
      expect(Object.keys(table[d].view?.private ?? {})).toEqual([d]);
    }
    expect(projector.view?.viewer).toBe('spectator');
    expect(projector.state.seats.ukraine).toMatchObject({ occupied: true, name: 'Player ukraine', control: 'human' });

    await playGame(table, { observers: [facilitator, projector] });

    for (const p of [...Object.values(table), facilitator, projector]) {
      expect(p.view?.result?.outcomeId).toBe('ceasefire');
      expect(p.view?.agreements.at(-1)).toMatchObject({ package: DEAL, ratified: true });
      expect(p.errors).toEqual([]);
    }
    // The public schema followed the game, and every accepted event is in the log, in order.
    await projector.until((p) => p.state.phase === 'concluded', 'the concluded schema');
    const row = server.store.getSession(session.code);
    expect(row?.status).toBe('concluded');
    expect(row?.result?.outcomeId).toBe('ceasefire');
    const events = server.store.events(session.code);
    expect(events.length).toBe(row?.eventCount);
    expect(events.filter((e) => e.type === 'chat.post')).toHaveLength(4 * 5);
    expect(events.at(-1)).toMatchObject({ type: 'agreement.sign', actor: 'europe' });
    await leaveAll([...Object.values(table), facilitator, projector]);
  });
});

describe('solo play', () => {
  it('one human against three computer seats reaches an outcome; bots act through the same path', async () => {
    const session = await createSession(server.baseUrl, {
      scenario: 'fixture',
      seats: { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'bot' },
    });
    const me = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'delegate',
      delegation: 'ukraine',
      name: 'Olena',
    });
    expect(me.state.seats.russia).toMatchObject({ control: 'bot', pinned: true, occupied: true });
    await expect(
      joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'russia', name: 'Sneaky' }),
    ).rejects.toThrow(/played by the computer/);

    me.send('seat.ready');
    await me.untilPhase('briefing');
    me.send('seat.ready');
    await me.untilPhase('opening');
    me.send('statement.make', { text: 'Ukraine wants a just peace' });
    await me.untilPhase('talks');
    await me.until((p) => DELEGATION_IDS.every((d) => p.view?.seats[d].statement !== null), 'every statement');
    me.send('seat.ready');
    await me.untilPhase('tabling');
    me.send('proposal.table', { package: DEAL });
    await me.untilPhase('signing');
    me.send('agreement.sign', { proposalId: me.view?.onTable });
    await me.untilPhase('concluded');
    expect(me.view?.result?.outcomeId).toBe('ceasefire');
    // Bots' actions are recorded like anyone's; their reasons went only to their own seats (none here).
    const actors = new Set(server.store.events(session.code).map((e) => e.actor));
    expect(actors).toEqual(new Set(['ukraine', 'russia', 'us', 'europe']));
    expect(me.botReasons).toEqual([]);
    await me.leave();
  });
});

describe('teams', () => {
  it('two students share a delegation: both see it, either can act, a third is turned away', async () => {
    const session = await createSession(server.baseUrl, {
      scenario: 'fixture',
      seats: ALL_HUMAN,
      options: { teamSize: 2 },
    });
    const anna = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'delegate',
      delegation: 'europe',
      name: 'Anna',
    });
    const ben = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'europe', name: 'Ben' });
    await expect(
      joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'europe', name: 'Cleo' }),
    ).rejects.toThrow(/delegation is full \(2 people\)/);
    expect(anna.seatKey?.key).not.toBe(ben.seatKey?.key);
    await anna.until((p) => p.state.seats.europe?.name === 'Anna, Ben', 'both names on the seat');
    expect(anna.state.seats.europe).toMatchObject({ members: 2, connected: 2 });

    ben.send('chat.post', { channel: 'delegation:europe', text: 'I will take the lead on the force' });
    await anna.until((p) => p.view?.chat.some((m) => m.text.includes('take the lead')) === true, 'team chat');
    anna.send('seat.ready');
    await ben.until((p) => p.view?.seats.europe.ready === true, 'the team marked ready by Anna');
    expect(anna.view).toEqual(ben.view);
    await leaveAll([anna, ben]);
  });
});
