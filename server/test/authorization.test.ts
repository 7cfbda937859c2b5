/**
 * Authorization: acting for another delegation, acting out of phase, facilitator powers without
 * the key, reusing another seat's key. Every refusal is an `error` to the sender only, and the
 * game (its event log and everyone's view) does not change.
 */

import { PROTOCOL_VERSION } from '@peace-table/shared/protocol';
import { parseJoinRefusal } from '@peace-table/shared/refusals';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_HUMAN, type CreatedSession, createSession, joinAs, type Player } from './support/players.ts';
import { seatFour, type Table } from './support/script.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
let session: CreatedSession;
let table: Table;
let facilitator: Player;
let projector: Player;

beforeAll(async () => {
  server = await startTestServer({ rateLimit: { perSecond: 2, burst: 12 } });
});
afterAll(() => server.colyseus.shutdown());

beforeEach(async () => {
  session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
  table = await seatFour(server.wsUrl, session.code);
  facilitator = await joinAs(server.wsUrl, {
    code: session.code,
    role: 'facilitator',
    facilitatorKey: session.facilitatorKey,
  });
  projector = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' });
});

/**
 * Sends as `who`, expects the error code, and checks nothing changed for anyone. Every refusal
 * names its rule (`reason`, shared/src/refusals.ts) so the client can word it in the player's language.
 */
async function refused(who: Player, type: string, payload: unknown, code: string, reason?: string) {
  const events = server.store.getSession(session.code)?.eventCount;
  const views = [facilitator, ...Object.values(table)].map((p) => ({ p, version: p.version, errors: p.errors.length }));
  const error = await who.expectError(type, payload);
  expect(error).toMatchObject({ code, ref: type });
  expect(error.message.length).toBeGreaterThan(5);
  expect(error.reason).toBeTypeOf('string');
  if (reason) expect(error.reason).toBe(reason);
  // A message sent afterwards is answered after this one: by then any (wrong) effect would have shown.
  await who.expectError('no.such.message');
  expect(server.store.getSession(session.code)?.eventCount).toBe(events);
  for (const { p, version, errors } of views) {
    expect(p.version).toBe(version);
    if (p !== who) expect(p.errors.length).toBe(errors);
  }
  return error;
}

/**
 * A refused join, split as the browser client splits it: the English sentence and the reason with
 * its params (carried in the join error's text, the only thing Colyseus passes on).
 */
async function joinRefusal(joining: Promise<unknown>) {
  const error = await joining.then(
    () => {
      throw new Error('the join was accepted');
    },
    (e: Error) => e,
  );
  return parseJoinRefusal(error.message);
}

describe('acting for another delegation', () => {
  it('has no way to name another actor: the payload cannot carry one', async () => {
    await refused(table.ukraine, 'seat.ready', { actor: 'russia' }, 'invalid_message');
    expect(facilitator.view?.seats.russia.ready).toBe(false);
  });

  it("cannot write in another delegation's channel or a bilateral it is not part of", async () => {
    const chat = (channel: string) => ({ channel, text: 'hello' });
    await refused(table.ukraine, 'chat.post', chat('delegation:russia'), 'not_allowed', 'otherDelegationChannel');
    await refused(table.ukraine, 'chat.post', chat('bilateral:russia+us'), 'not_allowed', 'notInBilateral');
    await refused(table.ukraine, 'chat.post', chat('announcements'), 'not_allowed', 'announcementsFacilitatorOnly');
  });

  it("cannot pull another delegation's lever", async () => {
    for (const d of ['ukraine', 'russia', 'us', 'europe'] as const) table[d].send('seat.ready');
    await facilitator.untilPhase('briefing');
    for (const d of ['ukraine', 'russia', 'us', 'europe'] as const) table[d].send('seat.ready');
    await facilitator.untilPhase('opening');
    for (const d of ['ukraine', 'russia', 'us', 'europe'] as const) table[d].send('statement.make', { text: 'hi' });
    await facilitator.untilPhase('talks');
    const error = await refused(table.ukraine, 'lever.use', { lever: 'ru-offensive', sector: 'front' }, 'not_allowed');
    expect(error.message).toMatch(/belongs to RUSSIA/);
    // The server attaches what the sentence needs, names in both languages, for the client to word it.
    expect(error).toMatchObject({
      reason: 'notYourLever',
      params: { lever: { en: expect.any(String), uk: expect.any(String) }, owner: { en: 'RUSSIA' } },
    });
  });
});

describe('acting out of phase', () => {
  it('cannot table a draft in the lobby or speak twice', async () => {
    const error = await refused(table.us, 'proposal.table', { package: { ceasefire: 'line' } }, 'wrong_phase');
    expect(error.message).toBe('proposal.table is not allowed during lobby');
    expect(error).toMatchObject({ reason: 'wrongPhase', params: { type: 'proposal.table', phase: 'lobby' } });
  });
});

describe('facilitator powers', () => {
  it('are refused to delegates and spectators', async () => {
    await refused(table.russia, 'facilitator.pause', {}, 'wrong_actor');
    await refused(table.russia, 'facilitator.advance', {}, 'wrong_actor');
    await refused(projector, 'facilitator.pause', {}, 'not_seated', 'notSeated');
    await refused(projector, 'chat.post', { channel: 'plenary', text: 'hi' }, 'not_seated');
    await refused(table.us, 'seat.control', { delegation: 'russia', control: 'bot' }, 'forbidden', 'facilitatorOnly');
    await refused(table.us, 'participant.kick', { participantId: table.russia.seatKey?.participantId }, 'forbidden');
    await refused(table.us, 'clock.deadline', {}, 'wrong_actor');
  });

  it('need the right key to join as facilitator', async () => {
    const other = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    for (const facilitatorKey of ['A'.repeat(24), other.facilitatorKey]) {
      await expect(joinAs(server.wsUrl, { code: session.code, role: 'facilitator', facilitatorKey })).rejects.toThrow(
        /facilitator key is not valid/,
      );
    }
  });

  it('work with the key', async () => {
    facilitator.send('facilitator.pause');
    for (const p of [facilitator, ...Object.values(table)]) await p.until((x) => x.view?.paused === true, 'the pause');
    await refused(table.us, 'seat.ready', {}, 'paused', 'paused');
  });
});

describe('seat keys', () => {
  it("cannot be used for another delegation's seat, another session or made up", async () => {
    const ukraineKey = table.ukraine.seatKey?.key as string;
    await expect(
      joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'russia', seatKey: ukraineKey }),
    ).rejects.toThrow(/belongs to the UKRAINE delegation, not RUSSIA/);
    const other = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    await expect(joinAs(server.wsUrl, { code: other.code, role: 'delegate', seatKey: ukraineKey })).rejects.toThrow(
      /seat key is not valid/,
    );
    await expect(
      joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: 'x'.repeat(24) }),
    ).rejects.toThrow(/seat key is not valid/);
    expect(table.ukraine.leftWith).toBeUndefined();
    expect(facilitator.state.seats.russia?.name).toBe('Player russia');
  });
});

describe('bad input', () => {
  it('answers unknown names and malformed payloads, and keeps serving the sender', async () => {
    const unknown = await refused(table.europe, 'seat.steal', {}, 'unknown_message', 'unknownMessage');
    expect(unknown.params).toEqual({ type: 'seat.steal' });
    await refused(table.europe, 'chat.post', 'not an object', 'invalid_message', 'invalidPayload');
    const long = await refused(
      table.europe,
      'chat.post',
      { channel: 'plenary', text: 'x'.repeat(1001) },
      'invalid_message',
      'textTooLong',
    );
    expect(long.params).toEqual({ max: 1000 });
    await refused(table.europe, 'chat.post', { channel: 'plenary', text: '  ' }, 'invalid_message', 'textEmpty');
    await refused(
      table.europe,
      'chat.post',
      { channel: 'plenary', text: 'bell\u0007' },
      'invalid_message',
      'textControlCharacters',
    );
    table.europe.send('chat.post', { channel: 'plenary', text: 'still here' });
    await projector.until((p) => p.view?.chat.at(-1)?.text === 'still here', 'the chat line');
  });

  it('turns away joins without a code, with a wrong code or a stale protocol', async () => {
    await expect(joinAs(server.wsUrl, { role: 'spectator' } as never)).rejects.toThrow(/code/);
    await expect(joinAs(server.wsUrl, { code: 'ZZZZZZ', role: 'spectator' })).rejects.toThrow(
      /No session with code ZZZZZZ/,
    );
    const { Client } = await import('@colyseus/sdk');
    await expect(
      new Client(server.wsUrl).join('negotiation', { protocol: 1, code: session.code, role: 'spectator' }),
    ).rejects.toThrow(/out of date/);
  });

  it('says why a join is refused with a reason and params the client can word', async () => {
    const { code } = session;
    expect(await joinRefusal(joinAs(server.wsUrl, { code: 'ZZZZZZ', role: 'spectator' }))).toEqual({
      message: 'No session with code ZZZZZZ is running. Check the code with your facilitator.',
      reason: 'noSession',
      params: { code: 'ZZZZZZ' },
    });
    const { Client } = await import('@colyseus/sdk');
    const stale = new Client(server.wsUrl).join('negotiation', { protocol: 1, code, role: 'spectator' });
    expect(await joinRefusal(stale)).toMatchObject({
      reason: 'protocolOutdated',
      params: { version: PROTOCOL_VERSION },
    });
    const facilitatorKey = 'A'.repeat(24);
    expect(await joinRefusal(joinAs(server.wsUrl, { code, role: 'facilitator', facilitatorKey }))).toEqual({
      message: `That facilitator key is not valid for session ${code}.`,
      reason: 'facilitatorKeyInvalid',
      params: { code },
    });
    const madeUp = joinAs(server.wsUrl, { code, role: 'delegate', seatKey: 'x'.repeat(24) });
    expect(await joinRefusal(madeUp)).toMatchObject({ reason: 'seatKeyInvalid', params: { code } });
    const ukraineKey = table.ukraine.seatKey?.key as string;
    const wrongSeat = joinAs(server.wsUrl, { code, role: 'delegate', delegation: 'russia', seatKey: ukraineKey });
    expect(await joinRefusal(wrongSeat)).toMatchObject({
      message: 'That seat key belongs to the UKRAINE delegation, not RUSSIA.',
      reason: 'seatKeyOtherDelegation',
      // Names in both languages, as in every refusal.
      params: { delegation: { en: 'UKRAINE', uk: expect.any(String) }, asked: { en: 'RUSSIA' } },
    });
  });

  it('says when a delegation is full or played by the computer, with its name and the team size', async () => {
    const small = await createSession(server.baseUrl, {
      scenario: 'fixture',
      seats: { ...ALL_HUMAN, russia: 'bot' },
      options: { teamSize: 1 },
    });
    await joinAs(server.wsUrl, { code: small.code, role: 'delegate', delegation: 'ukraine', name: 'First' });
    const second = joinAs(server.wsUrl, { code: small.code, role: 'delegate', delegation: 'ukraine', name: 'Second' });
    expect(await joinRefusal(second)).toMatchObject({
      message: 'The UKRAINE delegation is full (1 person).',
      reason: 'teamFull',
      params: { delegation: { en: 'UKRAINE' }, size: 1 },
    });
    const computer = joinAs(server.wsUrl, { code: small.code, role: 'delegate', delegation: 'russia', name: 'R' });
    expect(await joinRefusal(computer)).toMatchObject({
      reason: 'seatComputerOnly',
      params: { delegation: { en: 'RUSSIA', uk: expect.any(String) } },
    });
  });

  it('rate-limits a flood with one error and drops the excess', async () => {
    const before = server.store.getSession(session.code)?.eventCount ?? 0;
    for (let i = 0; i < 30; i++) table.us.send('chat.post', { channel: 'plenary', text: `spam ${i}` });
    await table.us.until((p) => p.errors.some((e) => e.code === 'rate_limited'), 'rate_limited');
    const accepted = (server.store.getSession(session.code)?.eventCount ?? 0) - before;
    expect(accepted).toBeGreaterThanOrEqual(12);
    expect(accepted).toBeLessThan(30);
    expect(table.us.errors.filter((e) => e.code === 'rate_limited')).toEqual([
      expect.objectContaining({ reason: 'rateLimited' }),
    ]);
  });
});
