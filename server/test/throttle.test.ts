/**
 * The throttles over the wire: session creation answers 429 with a retry time, guessed join codes
 * get `tooManyAttempts` with a retry time (in the join error the client words), a class of 40 behind
 * one address does not notice any of it, and Colyseus' routes that would tell a running session
 * from a wrong code without a limit are closed. Addresses are told apart through X-Forwarded-For
 * with TRUST_PROXY=1, as behind the documented nginx.
 */
import { Client } from '@colyseus/sdk';
import { NEGOTIATION_ROOM, PROTOCOL_VERSION } from '@peace-table/shared/protocol';
import { parseJoinRefusal } from '@peace-table/shared/refusals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config.ts';
import { ALL_HUMAN, createSession, joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  // The documented defaults (DEFAULT_LIMITS), behind one trusted proxy.
  server = await startTestServer({ config: { trustProxy: 1 } });
});
afterAll(() => server.colyseus.shutdown());

function post(path: string, body: unknown, from: string) {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  });
}

/** A join from `from`, resolving to the refusal the client would word (or 'joined'). */
async function joinFrom(from: string, options: Record<string, unknown>) {
  const client = new Client(server.wsUrl, { headers: { 'x-forwarded-for': from } });
  try {
    const room = await client.join(NEGOTIATION_ROOM, { protocol: PROTOCOL_VERSION, ...options });
    await room.leave(false);
    return 'joined' as const;
  } catch (error) {
    return parseJoinRefusal((error as Error).message);
  }
}

describe('session creation', () => {
  it('answers 429 with Retry-After and tooManySessions past the burst of an address', async () => {
    const body = { scenario: 'fixture', seats: ALL_HUMAN };
    const burst = await Promise.all(
      Array.from({ length: DEFAULT_LIMITS.sessionsBurst }, () => post('/api/sessions', body, '192.0.2.10')),
    );
    expect(burst.every((r) => r.status === 201)).toBe(true);
    const refused = await post('/api/sessions', body, '192.0.2.10');
    expect(refused.status).toBe(429);
    // 120 an hour: the next one within 30 s (less the time the burst took).
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(30);
    expect(await refused.json()).toEqual({
      error: `Too many sessions were created from your network. Try again in ${seconds} s.`,
      reason: 'tooManySessions',
      params: { seconds },
    });
    // Another network is not held up; a made-up X-Forwarded-For in front of the proxy's entry changes nothing.
    expect((await post('/api/sessions', body, '192.0.2.11')).status).toBe(201);
    expect((await post('/api/sessions', body, '6.6.6.6, 192.0.2.10')).status).toBe(429);
  });
});

describe('join codes', () => {
  it('answer a guesser tooManyAttempts with a retry time, for any code, after ten wrong ones', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const guesser = '198.51.100.20';
    for (let i = 0; i < DEFAULT_LIMITS.joinFailuresFree + 1; i++) {
      const code = `ZZZZ${'ABCDEFGHJKMNP'[i]}${'Q'}`;
      expect(await joinFrom(guesser, { code, role: 'spectator' })).toMatchObject({ reason: 'noSession' });
    }
    const refused = await joinFrom(guesser, { code: session.code, role: 'spectator' });
    expect(refused).toEqual({
      message: 'Too many attempts to join from your network. Try again in 1 s.',
      reason: 'tooManyAttempts',
      params: { seconds: 1 },
    });
    // Students at another address join as usual.
    expect(await joinFrom('198.51.100.21', { code: session.code, role: 'spectator' })).toBe('joined');
  });

  it('let a class of 40 behind one address start solo games and join one session at once', async () => {
    const school = '203.0.113.40';
    const solo = { scenario: 'fixture', seats: { ...ALL_HUMAN, russia: 'bot', us: 'bot', europe: 'bot' } };
    // Everyone starts a solo game in the same minute...
    const sessions = await Promise.all(Array.from({ length: 40 }, () => post('/api/sessions', solo, school)));
    expect(sessions.map((r) => r.status)).toEqual(Array(40).fill(201));
    // ...then the teacher's session: 32 delegates, the facilitator and 7 screens watching.
    const lesson = await createSession(server.baseUrl, {
      scenario: 'fixture',
      seats: ALL_HUMAN,
      options: { teamSize: 8 },
    });
    // Two students mistype the code first.
    for (const code of ['K7QX2N', 'K7QX2P']) {
      expect(await joinFrom(school, { code, role: 'spectator' })).toMatchObject({ reason: 'noSession' });
    }
    const delegations = ['ukraine', 'russia', 'us', 'europe'] as const;
    const joins = Array.from({ length: 40 }, (_, i) => {
      const client = new Client(server.wsUrl, { headers: { 'x-forwarded-for': school } });
      const options =
        i < 32
          ? { role: 'delegate', delegation: delegations[i % 4], name: `Student ${i + 1}` }
          : i === 32
            ? { role: 'facilitator', facilitatorKey: lesson.facilitatorKey }
            : { role: 'spectator' };
      return client.join(NEGOTIATION_ROOM, { protocol: PROTOCOL_VERSION, code: lesson.code, ...options });
    });
    const rooms = await Promise.all(joins);
    expect(rooms).toHaveLength(40);
    await Promise.all(rooms.map((room) => room.leave(true)));
  });

  it('cannot be tried through joinById or reconnect, which would answer before any limit', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const byId = await post(`/matchmake/joinById/${session.code}`, { protocol: PROTOCOL_VERSION }, '192.0.2.30');
    expect(byId.status).toBeGreaterThanOrEqual(400);
    expect(await byId.text()).toMatch(/invalid method/);
    // A made-up reconnection: the same answer for a running session and for a code nobody uses.
    const running = await post(`/matchmake/reconnect/${session.code}`, {}, '192.0.2.30');
    const nobody = await post('/matchmake/reconnect/ZZZZZZ', {}, '192.0.2.30');
    const withToken = await post(`/matchmake/reconnect/${session.code}`, { reconnectionToken: 'x' }, '192.0.2.30');
    const answers = await Promise.all([running, nobody, withToken].map(async (r) => [r.status, await r.text()]));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.[1]).toMatch(/reconnection token invalid or expired/);
  });

  it('still reach a student the normal way after all this', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
    const student = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'us', name: 'Sam' });
    expect(student.view?.viewer).toBe('us');
    await student.leave();
  });
});
