/**
 * The HTTP API: scenarios, session creation (and its 400s naming the field), transcript export
 * with the facilitator key (kept after the session ends), map files, and /monitor's password.
 */
import { FACILITATOR_KEY_HEADER } from '@peace-table/shared/protocol';
import { parseJoinRefusal } from '@peace-table/shared/refusals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_HUMAN, type CreatedSession, createSession, joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

function post(server: TestServer, body: unknown, raw?: string) {
  return fetch(`${server.baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
}

describe('with bots and no admin password', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.colyseus.shutdown());

  it('lists scenarios and serves their public part only', async () => {
    const list = await (await fetch(`${server.baseUrl}/api/scenarios`)).json();
    expect(list).toEqual({ scenarios: [expect.objectContaining({ id: 'fixture', ok: true, rounds: 4 })] });
    const res = await fetch(`${server.baseUrl}/api/scenarios/fixture`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).agenda.issues.length).toBeGreaterThan(3);
    for (const secret of ['briefing', 'redLines', 'preferences', 'ukraine objective'])
      expect(text).not.toContain(secret);
    expect((await fetch(`${server.baseUrl}/api/scenarios/nope`)).status).toBe(404);
  });

  it('creates a session: 201 with a readable code, a facilitator key and the room id', async () => {
    const res = await post(server, {
      scenario: 'fixture',
      seats: ALL_HUMAN,
      botLevel: 'novice',
      options: { teamSize: 2 },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as CreatedSession;
    expect(body.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(body.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.roomId).toBe(body.code);
    const row = server.store.getSession(body.code);
    expect(row?.config).toMatchObject({ botLevel: 'novice', teamSize: 2, seats: ALL_HUMAN });
    // Only the key's hash is stored.
    expect(JSON.stringify(row)).not.toContain(body.facilitatorKey);
  });

  it.each([
    [{}, /^scenario: /],
    [{ scenario: 'fixture' }, /^seats: /],
    [{ scenario: 'fixture', seats: { ...ALL_HUMAN, russia: 'alien' } }, /^seats\.russia: /],
    [{ scenario: 'fixture', seats: { ukraine: 'human' } }, /^seats\.russia: /],
    [{ scenario: 'fixture', seats: ALL_HUMAN, botLevel: 'god' }, /^botLevel: /],
    [{ scenario: 'fixture', seats: ALL_HUMAN, options: { teamSize: 0 } }, /^options\.teamSize: /],
    [
      { scenario: 'fixture', seats: ALL_HUMAN, options: { phaseSeconds: { talks: 1 } } },
      /^options\.phaseSeconds\.talks: /,
    ],
    [{ scenario: 'fixture', seats: ALL_HUMAN, admin: true }, /admin/],
    [{ scenario: 'nope', seats: ALL_HUMAN }, /^scenario: there is no scenario "nope"/],
  ])('answers 400 naming the field for %j', async (body, error) => {
    const res = await post(server, body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: string; reason: string };
    expect(answer.error).toMatch(error);
    // The rule, for the client to say it in the player's language (shared/src/refusals.ts).
    expect(answer.reason).toBe(
      (body as { scenario?: string }).scenario === 'nope' ? 'scenarioUnavailable' : 'requestInvalid',
    );
  });

  it('names the scenario it cannot play, for the client’s sentence', async () => {
    const res = await post(server, { scenario: 'nope', seats: ALL_HUMAN });
    expect(await res.json()).toMatchObject({ reason: 'scenarioUnavailable', params: { scenario: 'nope' } });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await post(server, null, '{"scenario":');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'the body is not valid JSON', reason: 'requestInvalid' });
  });

  it('refuses to create a room through Colyseus directly (no ticket)', async () => {
    const { Client } = await import('@colyseus/sdk');
    await expect(new Client(server.wsUrl).create('negotiation', { code: 'ABCDEF' })).rejects.toThrow();
    await expect(new Client(server.wsUrl).joinOrCreate('negotiation', { code: 'ABCDEF' })).rejects.toThrow();
  });

  it('exports the transcript to the facilitator as JSON and CSV, also after the session ended', async () => {
    const session = await createSession(server.baseUrl, {
      scenario: 'fixture',
      seats: { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'bot' },
    });
    const me = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'ukraine', name: 'O' });
    me.send('chat.post', { channel: 'plenary', text: 'Hello, "world", =1+1' });
    me.send('seat.ready');
    await me.until((p) => p.view?.phase === 'briefing', 'briefing');
    me.send('seat.ready');
    await me.untilPhase('opening');
    me.send('delegation.walkout', { reason: 'No talks under fire' });
    await me.untilPhase('concluded');
    await me.leave();
    // Everyone left a concluded session: the room closes, the transcript stays.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(server.colyseus.getRoomById(session.code)).toBeUndefined();
    // A late join hears that the session is over, not that its code is wrong.
    const late = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' }).catch((e: Error) => e);
    expect(parseJoinRefusal((late as Error).message)).toEqual({
      message: `Session ${session.code} has ended.`,
      reason: 'sessionEnded',
      params: { code: session.code },
    });

    const url = `${server.baseUrl}/api/sessions/${session.code.toLowerCase()}/transcript`;
    const headers = { [FACILITATOR_KEY_HEADER]: session.facilitatorKey };
    const json = await fetch(`${url}?format=json`, { headers });
    expect(json.status).toBe(200);
    const body = (await json.json()) as {
      result: { ending: string };
      transcript: { kind: string }[];
      participants: unknown[];
    };
    expect(body).toMatchObject({ code: session.code, status: 'concluded', phase: 'concluded' });
    expect(body.result.ending).toBe('walkout');
    expect(body.transcript.some((t) => t.kind === 'delegation.walkout')).toBe(true);
    expect(body.participants).toEqual([{ id: me.seatKey?.participantId, name: 'O', delegation: 'ukraine' }]);

    const csv = await fetch(`${url}?format=csv`, { headers: { authorization: `Bearer ${session.facilitatorKey}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('seq,time,round,month,phase,actor,kind,audience,text_en,text_uk');
    expect(lines.length).toBe(body.transcript.length + 1);
    expect(lines.some((l) => l.includes('"Hello, ""world"", =1+1"') || l.includes('Hello, ""world""'))).toBe(true);

    expect((await fetch(`${url}?format=json`)).status).toBe(401);
    const wrongKey = await fetch(`${url}?format=json`, { headers: { [FACILITATOR_KEY_HEADER]: 'x'.repeat(24) } });
    expect(wrongKey.status).toBe(403);
    // Worded in the facilitator's language by the client: the rule and its params travel with the sentence.
    expect(await wrongKey.json()).toEqual({
      error: 'no session with that code and facilitator key',
      reason: 'facilitatorKeyInvalid',
      params: { code: session.code },
    });
    expect((await fetch(`${url}?format=xml`, { headers })).status).toBe(400);
    const unknown = `${server.baseUrl}/api/sessions/ZZZZZZ/transcript`;
    expect((await fetch(unknown, { headers })).status).toBe(403);
  });

  it('serves map layers but nothing else of content/', async () => {
    const res = await fetch(`${server.baseUrl}/content/map/cities.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toBeTruthy();
    expect((await fetch(`${server.baseUrl}/content/map/..%2Fscenarios%2Fukraine-2026%2Fscenario.yaml`)).status).toBe(
      404,
    );
    expect((await fetch(`${server.baseUrl}/content/scenarios/ukraine-2026/scenario.yaml`)).status).not.toBe(200);
  });

  it('has no monitor without ADMIN_PASSWORD', async () => {
    expect((await fetch(`${server.baseUrl}/monitor`)).status).toBe(404);
  });
});

describe('without bots, with an admin password', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ createBot: null, config: { adminPassword: 'open sesame' } });
  });
  afterAll(() => server.colyseus.shutdown());

  it('refuses bot seats, naming the seat', async () => {
    const res = await post(server, { scenario: 'fixture', seats: { ...ALL_HUMAN, us: 'bot' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'seats.us: this server has no computer players', reason: 'noBots' });
  });

  it('serves /monitor only with the admin password', async () => {
    expect((await fetch(`${server.baseUrl}/monitor/api`)).status).toBe(401);
    const wrong = Buffer.from('admin:guess').toString('base64');
    expect(
      (await fetch(`${server.baseUrl}/monitor/api`, { headers: { authorization: `Basic ${wrong}` } })).status,
    ).toBe(401);
    const right = Buffer.from('admin:open sesame').toString('base64');
    const res = await fetch(`${server.baseUrl}/monitor/api`, { headers: { authorization: `Basic ${right}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('rooms');
  });
});
