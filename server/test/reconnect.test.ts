/**
 * Dropped connections and the computer's seats: a short drop keeps the seat, a long one hands it
 * to a bot, the seat key takes it back, and the facilitator can hand seats over, move and remove
 * people. The reconnection window is 2 s here (60 s by default).
 */
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_HUMAN, type CreatedSession, createSession, joinAs, type Player } from './support/players.ts';
import { seatFour, type Table } from './support/script.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
let session: CreatedSession;
let table: Table;
let facilitator: Player;

beforeAll(async () => {
  server = await startTestServer({ config: { reconnectSeconds: 2, botDelayMs: 0 } });
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
});

const seat = (d: DelegationId) => facilitator.state.seats[d];

/** Break the websocket as a network failure would (the SDK treats 4010 as "may reconnect"). */
function dropConnection(p: Player, { reconnect }: { reconnect: boolean }) {
  p.room.reconnection.enabled = reconnect;
  p.room.reconnection.minUptime = 0;
  p.room.connection.close(4010, 'network lost');
}

describe('reconnection', () => {
  it('a client that drops and reconnects within the window keeps its seat and its view', async () => {
    const ukraine = table.ukraine;
    const reconnected = new Promise<void>((resolve) => ukraine.room.onReconnect(() => resolve()));
    dropConnection(ukraine, { reconnect: true });
    await facilitator.until(() => seat('ukraine')?.connected === 0, 'the drop');
    expect(seat('ukraine')).toMatchObject({ control: 'human', members: 1 });
    await reconnected;
    await facilitator.until(() => seat('ukraine')?.connected === 1, 'the reconnection');
    ukraine.send('seat.ready');
    await facilitator.until((p) => p.view?.seats.ukraine.ready === true, 'ukraine ready');
    expect(seat('ukraine')?.control).toBe('human');
    // The reconnected client was sent a whole view again and keeps it up to date.
    await ukraine.until((p) => p.view?.seats.ukraine.ready === true, 'its own ready');
    expect(ukraine.messages.filter((m) => m.type === 'view')).toHaveLength(2);
  });

  it('past the window the computer takes the seat; the seat key takes it back', async () => {
    const key = table.ukraine.seatKey?.key as string;
    dropConnection(table.ukraine, { reconnect: false });
    await facilitator.until(() => seat('ukraine')?.control === 'bot', 'the bot taking over', 6000);
    expect(seat('ukraine')).toMatchObject({ pinned: false, occupied: true, connected: 0 });
    // The bot plays through the same path as a person: Ukraine is marked ready in the lobby.
    await facilitator.until((p) => p.view?.seats.ukraine.ready === true, 'the bot acting');
    expect(server.store.events(session.code).some((e) => e.actor === 'ukraine' && e.type === 'seat.ready')).toBe(true);

    const back = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: key }, 'ukraine again');
    expect(back.seatKey).toMatchObject({ key, delegation: 'ukraine' });
    await facilitator.until(() => seat('ukraine')?.control === 'human', 'the human back');
    expect(seat('ukraine')).toMatchObject({ connected: 1, members: 1, name: 'Player ukraine' });
    // The returning player starts not ready: the computer's "ready" was not theirs.
    await facilitator.until((p) => p.view?.seats.ukraine.ready === false, 'ukraine not ready again');
    await back.until((p) => p.view?.seats.ukraine.ready === false, 'its own view not ready');
    back.send('chat.post', { channel: 'delegation:ukraine', text: 'I am back' });
    await facilitator.until((p) => p.view?.chat.some((m) => m.text === 'I am back') === true, 'the human acting');
  });

  it('a new tab with the seat key replaces the old connection', async () => {
    const key = table.russia.seatKey?.key as string;
    const tab = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'delegate',
      delegation: 'russia',
      seatKey: key,
    });
    await table.russia.until((p) => p.leftWith !== undefined, 'the old tab closed');
    expect(table.russia.notices.map((n) => n.code)).toEqual(['seat.replaced']);
    expect(seat('russia')).toMatchObject({ members: 1, connected: 1, control: 'human' });
    expect(tab.view?.viewer).toBe('russia');
  });
});

describe('facilitator seat tools', () => {
  it('hands a seat to the computer and back', async () => {
    facilitator.send('seat.control', { delegation: 'us', control: 'bot' });
    await table.us.until((p) => p.notices.some((n) => n.code === 'seat.bot'), 'the notice');
    // The notice names the delegation in both languages, for the client's sentence.
    expect(table.us.notices.find((n) => n.code === 'seat.bot')).toMatchObject({
      message: expect.stringMatching(/^The computer now plays /),
      params: { delegation: { en: expect.any(String), uk: expect.any(String) } },
    });
    await facilitator.until(() => seat('us')?.control === 'bot', 'the synced seat');
    expect(seat('us')).toMatchObject({ control: 'bot', pinned: true });
    expect((await table.us.expectError('chat.post', { channel: 'plenary', text: 'me?' })).code).toBe('bot_controlled');
    await facilitator.until((p) => p.view?.seats.us.ready === true, 'the bot readying the US');
    // A pinned seat stays with the computer even when its human rejoins with the key (a reload:
    // the connection drops; leaving on purpose would give the place up).
    const key = table.us.seatKey?.key as string;
    await table.us.room.leave(false);
    const again = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: key });
    expect(again.state.seats.us?.control).toBe('bot');

    facilitator.send('seat.control', { delegation: 'us', control: 'human' });
    await again.until((p) => p.notices.some((n) => n.code === 'seat.human'), 'back to humans');
    await again.until((p) => p.view?.seats.us.ready === false, 'the humans start not ready');
    again.send('chat.post', { channel: 'plenary', text: 'the US speaks for itself' });
    await facilitator.until((p) => p.view?.chat.at(-1)?.text === 'the US speaks for itself', 'the human acting');
  });

  it('moves a participant to another delegation with a new key and view', async () => {
    const mover = table.europe;
    const oldKey = mover.seatKey?.key;
    facilitator.send('participant.move', { participantId: mover.seatKey?.participantId, delegation: 'us' });
    await mover.until((p) => p.seatKey?.delegation === 'us' && p.view?.viewer === 'us', 'the move');
    expect(mover.notices.map((n) => n.code)).toEqual(['seat.moved']);
    expect(mover.notices[0]?.params).toEqual({ delegation: { en: seat('us')?.label, uk: expect.any(String) } });
    expect(mover.seatKey?.key).not.toBe(oldKey);
    expect(Object.keys(mover.view?.private ?? {})).toEqual(['us']);
    await facilitator.until(() => seat('us')?.members === 2 && seat('europe')?.members === 0, 'the roster');
    // A refused move says why, with the delegation's name in both languages for the facilitator's screen.
    const again = await facilitator.expectError('participant.move', {
      participantId: mover.seatKey?.participantId,
      delegation: 'us',
    });
    expect(again).toMatchObject({
      code: 'not_allowed',
      reason: 'alreadyInDelegation',
      params: { name: expect.any(String), delegation: { en: expect.any(String), uk: expect.any(String) } },
    });
    await expect(
      joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: oldKey as string }),
    ).rejects.toThrow(/not valid/);
  });

  it('removes a participant: connection closed, key revoked', async () => {
    const kicked = table.russia;
    const key = kicked.seatKey?.key as string;
    facilitator.send('participant.kick', { participantId: kicked.seatKey?.participantId });
    await kicked.until((p) => p.leftWith !== undefined, 'the disconnect');
    expect(kicked.notices.map((n) => n.code)).toEqual(['kicked']);
    await expect(joinAs(server.wsUrl, { code: session.code, role: 'delegate', seatKey: key })).rejects.toThrow(
      /not valid/,
    );
    await facilitator.until(() => seat('russia')?.members === 0, 'the roster');
    expect(await facilitator.expectError('participant.kick', { participantId: 'nobody' })).toMatchObject({
      code: 'not_found',
      reason: 'noSuchParticipant',
      params: { participant: 'nobody' },
    });
  });

  it('pauses, resumes, advances, extends and injects events', async () => {
    facilitator.send('facilitator.pause');
    await table.us.until((p) => p.view?.paused === true, 'pause');
    expect((await table.us.expectError('seat.ready')).code).toBe('paused');
    facilitator.send('facilitator.resume');
    await table.us.until((p) => p.view?.paused === false, 'resume');
    facilitator.send('facilitator.advance');
    await table.us.untilPhase('briefing');
    facilitator.send('facilitator.advance');
    await table.us.untilPhase('opening');
    facilitator.send('facilitator.extend', { rounds: 2 });
    await table.us.until((p) => p.view?.rounds === 6, 'two more rounds');
    facilitator.send('facilitator.inject', { event: 'rally' });
    await table.us.until(
      (p) => p.view?.fired.some((f) => f.id === 'rally' && f.by === 'facilitator') === true,
      'rally',
    );
    const error = await facilitator.expectError('facilitator.inject', { event: 'no-such-event' });
    expect(error).toMatchObject({ code: 'invalid', ref: 'facilitator.inject' });
  });
});
