/**
 * Honest seats: a team's size counts the people present, someone who leaves frees their place
 * (and their key stops working), someone who dropped holds it for the reconnection window only,
 * and only a person holding a place receives the delegation's briefing. Names that would pass for
 * the game's own labels are refused with their reasons.
 */
import { parseJoinRefusal } from '@peace-table/shared/refusals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateStrings } from '../../shared/test/engine/leaks.ts';
import { fixtureScenario } from './support/fixtures.ts';
import { ALL_HUMAN, createSession, type JoinAs, joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  // A one-second reconnection window, so a dropped ghost's place frees within the test.
  server = await startTestServer({ config: { reconnectSeconds: 1 } });
});
afterAll(() => server.colyseus.shutdown());

const BRIEFING = privateStrings(fixtureScenario, 'ukraine')[0] as string;

async function refusal(joining: Promise<unknown>) {
  const error = await joining.then(
    () => new Error('the join was accepted'),
    (e: Error) => e,
  );
  return parseJoinRefusal(error.message);
}

async function facilitatorOf(code: string, facilitatorKey: string) {
  return joinAs(server.wsUrl, { code, role: 'facilitator', facilitatorKey });
}

const ukrainian = (code: string, name: string): JoinAs => ({ code, role: 'delegate', delegation: 'ukraine', name });

describe('honest seats', () => {
  it('ghosts who join and leave free their places; the real student then gets in', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const facilitator = await facilitatorOf(session.code, session.facilitatorKey);
    for (let i = 1; i <= 3; i++) {
      const ghost = await joinAs(server.wsUrl, ukrainian(session.code, `Ghost ${i}`));
      // Holding a place, a ghost reads the briefing as any member does.
      expect(ghost.received(BRIEFING)).toBe(true);
      const key = ghost.seatKey?.key as string;
      await ghost.leave();
      // Gone on purpose: the key no longer opens the seat.
      expect(await refusal(joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: key }))).toMatchObject(
        {
          reason: 'seatKeyInvalid',
        },
      );
    }
    const student = await joinAs(server.wsUrl, ukrainian(session.code, 'Olena'));
    expect(student.view?.viewer).toBe('ukraine');
    await facilitator.until((p) => p.state.seats.ukraine?.members === 1, 'one member present');
    const people = Object.values(facilitator.state.participants).filter((p) => p.delegation === 'ukraine');
    expect(people.map((p) => p.name)).toEqual(['Olena']);
  });

  it('a full team turns the next person away before any briefing reaches them', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    for (const name of ['A', 'B', 'C']) await joinAs(server.wsUrl, ukrainian(session.code, name));
    expect(await refusal(joinAs(server.wsUrl, ukrainian(session.code, 'D')))).toMatchObject({
      reason: 'teamFull',
      params: { size: 3 },
    });
  });

  it('a dropped member holds the place for the window only; back with the key only if there is room', async () => {
    const session = await createSession(server.baseUrl, {
      scenario: 'fixture',
      seats: ALL_HUMAN,
      options: { teamSize: 1 },
    });
    const facilitator = await facilitatorOf(session.code, session.facilitatorKey);
    const ann = await joinAs(server.wsUrl, ukrainian(session.code, 'Ann'));
    const annKey = ann.seatKey?.key as string;
    const annId = ann.seatKey?.participantId as string;
    ann.room.reconnection.enabled = false;
    await ann.room.leave(false); // the laptop's lid closes: a drop, not a leave
    await facilitator.until((p) => p.state.participants[annId]?.connected === false, 'Ann dropped');
    // Inside the window Ann still holds the only place.
    expect(await refusal(joinAs(server.wsUrl, ukrainian(session.code, 'Bob')))).toMatchObject({ reason: 'teamFull' });
    await facilitator.until((p) => p.state.seats.ukraine?.members === 0, 'the window over', 10_000);
    const bob = await joinAs(server.wsUrl, ukrainian(session.code, 'Bob'));
    expect(bob.received(BRIEFING)).toBe(true);
    // Ann is back, but Bob holds the place: her key is still hers, the place is not.
    expect(
      await refusal(joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: annKey })),
    ).toMatchObject({ reason: 'teamFull' });
    // The facilitator sees her, away, and removes her.
    expect(facilitator.state.participants[annId]).toMatchObject({
      name: 'Ann',
      delegation: 'ukraine',
      connected: false,
    });
    facilitator.send('participant.kick', { participantId: annId });
    await facilitator.until((p) => p.state.participants[annId] === undefined, 'Ann removed');
    expect(
      await refusal(joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: annKey })),
    ).toMatchObject({ reason: 'seatKeyInvalid' });
  });
});

describe('names', () => {
  it('refuses names that pass for the game’s labels or hide characters, each with its reason', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const cases: [JoinAs, string][] = [
      [ukrainian(session.code, 'Facilitator'), 'nameReserved'],
      [ukrainian(session.code, 'RUSSIA (computer)'), 'nameReserved'],
      [ukrainian(session.code, 'Russia delegate'), 'nameLikeDelegation'],
      [ukrainian(session.code, 'Anna\u202Eevil'), 'nameDirection'],
      [ukrainian(session.code, '\u200B'), 'nameInvisible'],
      [{ code: session.code, role: 'spectator', name: 'Facilitator' }, 'nameReserved'],
    ];
    for (const [options, reason] of cases) {
      const refused = await refusal(joinAs(server.wsUrl, options));
      expect(refused.reason, JSON.stringify(options)).toBe(reason);
      expect(refused.message).toMatch(/\S/);
    }
    // The facilitator may call herself that; a student's name is stored normalised.
    const facilitator = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
      name: 'Facilitator',
    });
    const olena = await joinAs(server.wsUrl, ukrainian(session.code, '  Olena \u00A0 K. '));
    expect(olena.seatKey?.name).toBe('Olena K.');
    await facilitator.until((p) => p.state.seats.ukraine?.name === 'Olena K.', 'the name on the table');
  });
});
