import type { ColyseusTestServer } from '@colyseus/testing';
import { type ErrorPayload, MESSAGE, NEGOTIATION_ROOM, PROTOCOL_VERSION } from '@peace-table/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_TITLE, type NegotiationRoom } from '../src/rooms/NegotiationRoom.ts';
import { nextPatch, startTestServer } from './testServer.ts';

const JOIN = { protocol: PROTOCOL_VERSION };
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  ({ colyseus } = await startTestServer());
});
afterEach(() => colyseus.cleanup());
afterAll(() => colyseus.shutdown());

/** The typed SDK room refuses bad payloads at compile time; these tests must send them anyway. */
const untyped = (room: unknown) => room as { send(type: string, payload: unknown): void };

/** A room whose automatic patch tick is off, so only an explicit broadcastPatch() reaches clients. */
async function quietRoom() {
  const room = await colyseus.createRoom<NegotiationRoom>(NEGOTIATION_ROOM, JOIN);
  room.patchRate = null;
  return room;
}

describe('negotiation room', () => {
  it('syncs the lobby: title, phase and four empty seats in delegation order', async () => {
    const room = await colyseus.createRoom<NegotiationRoom>(NEGOTIATION_ROOM, JOIN);
    const client = await colyseus.connectTo(room, JOIN);
    const state = client.state.toJSON();
    expect(state.scenarioTitle).toBe(DEFAULT_SCENARIO_TITLE);
    expect(state.phase).toBe('lobby');
    expect(Object.keys(state.seats)).toEqual(['ukraine', 'russia', 'us', 'europe']);
    expect(state.seats.us).toEqual({ label: 'United States', occupied: false, name: '' });
  });

  it('can be joined through matchmaking by name, as the browser does', async () => {
    const client = await colyseus.sdk.joinOrCreate(NEGOTIATION_ROOM, JOIN);
    await client.waitForInitialState();
    expect(client.state.toJSON().phase).toBe('lobby');
  });

  it('turns away a client without the current protocol version', async () => {
    const room = await colyseus.createRoom<NegotiationRoom>(NEGOTIATION_ROOM, JOIN);
    await expect(colyseus.sdk.joinById(room.roomId, { protocol: PROTOCOL_VERSION + 1 })).rejects.toThrow(/out of date/);
  });

  it('takes a seat and sends the patch at once, without waiting for the patch tick', async () => {
    const room = await quietRoom();
    const alice = await colyseus.connectTo(room, JOIN);
    const bob = await colyseus.connectTo(room, JOIN);
    alice.send(MESSAGE.seatTake, { delegation: 'ukraine', name: '  Olena ' });
    await nextPatch(bob);
    expect(bob.state.toJSON().seats.ukraine).toEqual({ label: 'Ukraine', occupied: true, name: 'Olena' });
    expect(room.state.seats.get('ukraine')?.occupied).toBe(true);
  });

  it('answers an invalid message with an error to the sender only and changes nothing', async () => {
    const room = await quietRoom();
    const alice = await colyseus.connectTo(room, JOIN);
    const bob = await colyseus.connectTo(room, JOIN);
    const bobErrors: ErrorPayload[] = [];
    bob.onMessage(MESSAGE.error, (payload: ErrorPayload) => bobErrors.push(payload));
    const before = alice.state.toJSON();

    untyped(alice).send(MESSAGE.seatTake, { delegation: 'mars', name: 'Zorg' });
    const error: ErrorPayload = await alice.waitForMessage(MESSAGE.error);
    expect(error.code).toBe('invalid_message');
    expect(error.ref).toBe(MESSAGE.seatTake);
    expect(error.message).toMatch(/delegation/);
    expect(room.state.toJSON()).toEqual(before);

    // Alice was not disconnected: a valid message still works, and Bob never saw her error.
    alice.send(MESSAGE.seatTake, { delegation: 'europe', name: 'Alice' });
    await nextPatch(bob);
    expect(bob.state.toJSON().seats.europe?.name).toBe('Alice');
    expect(alice.state.toJSON()).not.toEqual(before);
    expect(bobErrors).toEqual([]);
  });

  it('refuses a taken seat and a second seat for the same player', async () => {
    const room = await quietRoom();
    const alice = await colyseus.connectTo(room, JOIN);
    const bob = await colyseus.connectTo(room, JOIN);
    alice.send(MESSAGE.seatTake, { delegation: 'russia', name: 'Alice' });
    await nextPatch(bob);

    bob.send(MESSAGE.seatTake, { delegation: 'russia', name: 'Bob' });
    expect(((await bob.waitForMessage(MESSAGE.error)) as ErrorPayload).code).toBe('seat_taken');
    alice.send(MESSAGE.seatTake, { delegation: 'us', name: 'Alice' });
    expect(((await alice.waitForMessage(MESSAGE.error)) as ErrorPayload).code).toBe('already_seated');
    expect(room.state.seats.get('russia')?.name).toBe('Alice');
    expect(room.state.seats.get('us')?.occupied).toBe(false);
  });

  it('answers an unknown message name with an error instead of disconnecting', async () => {
    const room = await quietRoom();
    const alice = await colyseus.connectTo(room, JOIN);
    untyped(alice).send('seat.steal', { delegation: 'us' });
    const error: ErrorPayload = await alice.waitForMessage(MESSAGE.error);
    expect(error).toMatchObject({ code: 'unknown_message', ref: 'seat.steal' });
    expect(room.clients.length).toBe(1);
  });

  it('frees the seat when its player leaves', async () => {
    const room = await quietRoom();
    const alice = await colyseus.connectTo(room, JOIN);
    const bob = await colyseus.connectTo(room, JOIN);
    alice.send(MESSAGE.seatTake, { delegation: 'us', name: 'Alice' });
    await nextPatch(bob);
    const freed = nextPatch(bob); // listen first: the patch may arrive while leave() resolves
    await alice.leave();
    await freed;
    expect(bob.state.toJSON().seats.us).toEqual({ label: 'United States', occupied: false, name: '' });
  });
});
