/**
 * Phase timers and restarts: a room arms a clock timeout at the phase's deadline and sends
 * `clock.deadline` as the system; after a restart the deadline is re-armed from the database and
 * humans who do not come back within the reconnection window are replaced by the computer.
 *
 * Sessions here are opened with sub-second phase timers, below what POST /api/sessions allows
 * (10 s), by issuing the creation ticket directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { matchMaker } from '@colyseus/core';
import type { EngineOptions } from '@peace-table/shared/engine/types';
import { NEGOTIATION_ROOM } from '@peace-table/shared/protocol';
import { parseJoinRefusal } from '@peace-table/shared/refusals';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hashKey, newJoinCode, newKey } from '../src/sessions/secrets.ts';
import { issueTicket } from '../src/sessions/tickets.ts';
import type { SessionConfig } from '../src/sessions/types.ts';
import { SessionStore } from '../src/store/sessionStore.ts';
import { joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'peace-table-restore-'));
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

async function openSession(phaseMs: EngineOptions['phaseMs']) {
  const code = newJoinCode();
  const facilitatorKey = newKey();
  const config: SessionConfig = {
    code,
    scenarioId: 'fixture',
    seats: { ukraine: 'human', russia: 'human', us: 'human', europe: 'human' },
    botLevel: 'standard',
    teamSize: 3,
    reconnectSeconds: 1,
    botDelayMs: 0,
    maxSpectators: 5,
    facilitatorKeyHash: hashKey(facilitatorKey),
    input: { seed: 3, now: Date.now(), options: { phaseMs } },
  };
  await issueTicket(matchMaker.presence, code, { kind: 'new', config });
  await matchMaker.createRoom(NEGOTIATION_ROOM, { code });
  return { code, facilitatorKey };
}

describe('phase timers', () => {
  it('end a phase with clock.deadline from the system; a pause holds the clock', async () => {
    server = await startTestServer({ store });
    const { code, facilitatorKey } = await openSession({ lobby: 400, briefing: 400 });
    const projector = await joinAs(server.wsUrl, { code, role: 'spectator' });
    expect(projector.state.deadlineAt).toBeGreaterThan(Date.now() - 1000);
    await projector.untilPhase('briefing');
    const facilitator = await joinAs(server.wsUrl, { code, role: 'facilitator', facilitatorKey });
    facilitator.send('facilitator.pause');
    await projector.until((p) => p.view?.paused === true && p.view.deadlineAt === null, 'the paused clock');
    const held = projector.view?.remainingMs ?? 0;
    expect(held).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(projector.view?.phase).toBe('briefing');
    facilitator.send('facilitator.resume');
    await projector.untilPhase('opening');
    const deadlines = store.events(code).filter((e) => e.type === 'clock.deadline');
    expect(deadlines.map((e) => e.actor)).toEqual(['system', 'system']);
  });
});

describe('a restart', () => {
  it('re-arms the deadline and gives absent humans the window before the computer takes over', async () => {
    server = await startTestServer({ store, config: { reconnectSeconds: 1 } });
    const { code } = await openSession({ lobby: 1200 });
    const student = await joinAs(server.wsUrl, { code, role: 'delegate', delegation: 'ukraine', name: 'Ira' });
    student.room.reconnection.enabled = false;
    const key = student.seatKey?.key as string;
    await server.colyseus.shutdown();
    expect(store.getSession(code)?.status).toBe('open');

    server = await startTestServer({ store, config: { reconnectSeconds: 1 } });
    expect(await server.restoreSessions()).toContain(code);
    const projector = await joinAs(server.wsUrl, { code, role: 'spectator' });
    // Ira keeps her key but holds no place until she is back; the participants list still has her.
    expect(projector.state.seats.ukraine).toMatchObject({ control: 'human', members: 0, connected: 0 });
    expect(Object.values(projector.state.participants)).toContainEqual(
      expect.objectContaining({ name: 'Ira', delegation: 'ukraine', connected: false }),
    );
    await projector.untilPhase('briefing', 5000);
    await projector.until((p) => p.state.seats.ukraine?.control === 'bot', 'the computer at the empty seat', 5000);
    // Seats nobody ever took keep waiting for people.
    expect(projector.state.seats.russia).toMatchObject({ control: 'human', members: 0 });
    const back = await joinAs(server.wsUrl, { code, role: 'delegate', seatKey: key });
    await projector.until((p) => p.state.seats.ukraine?.control === 'human', 'Ira back');
    expect(back.view?.viewer).toBe('ukraine');
  });
});

describe('an idle session', () => {
  it('closes when nobody has been connected for the idle time, and is not restored again', async () => {
    server = await startTestServer({ store, idleMs: 300 });
    const { code } = await openSession({});
    const visitor = await joinAs(server.wsUrl, { code, role: 'spectator' });
    await visitor.leave();
    await expect.poll(() => store.getSession(code)?.status, { timeout: 5000 }).toBe('abandoned');
    // Its code is remembered as ended: a late join hears that, in the player's language too (reason).
    const late = await joinAs(server.wsUrl, { code, role: 'spectator' }).catch((e: Error) => e);
    expect(parseJoinRefusal((late as Error).message)).toMatchObject({
      message: `Session ${code} has ended.`,
      reason: 'sessionEnded',
    });
    expect(store.openSessions('test')).not.toContain(code);

    // A restart without Redis starts with an empty presence store: the database reminds it.
    await server.colyseus.shutdown();
    server = await startTestServer({ store });
    expect(await server.restoreSessions()).not.toContain(code);
    const later = await joinAs(server.wsUrl, { code, role: 'spectator' }).catch((e: Error) => e);
    expect(parseJoinRefusal((later as Error).message)).toMatchObject({ reason: 'sessionEnded', params: { code } });
    // A code nobody ever used is still "no such session".
    const wrong = await joinAs(server.wsUrl, { code: newJoinCode(), role: 'spectator' }).catch((e: Error) => e);
    expect(parseJoinRefusal((wrong as Error).message)).toMatchObject({ reason: 'noSession' });
  });
});
