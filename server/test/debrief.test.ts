/**
 * The debrief's endpoints on a real concluded session (real scenario, real bots): figures, replay
 * as each seat saw it, what-if batches on worker threads (reproducing a direct replay followed by
 * the simulator, a concurrency limit, cancelling, clear errors) and "play on from here".
 */
import { createBot } from '@peace-table/shared/bots/decide';
import type { DebriefAnswer, ReplayAnswer, WhatIfAnswer } from '@peace-table/shared/debriefApi';
import { createEngine } from '@peace-table/shared/engine/game';
import { viewFor } from '@peace-table/shared/engine/view';
import { FACILITATOR_KEY_HEADER, SEAT_KEY_HEADER } from '@peace-table/shared/protocol';
import { publicScenario } from '@peace-table/shared/scenario/public';
import type { GameRecord } from '@peace-table/shared/sim/simulate';
import { momentOf, playFromMoment } from '@peace-table/shared/sim/whatif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScenarios } from '../src/sessions/scenarios.ts';
import { ALL_HUMAN, type CreatedSession, createSession, joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
let session: CreatedSession;
const scenarios = contentScenarios();

async function api(path: string, init: RequestInit & { key?: string; seatKey?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.key) headers[FACILITATOR_KEY_HEADER] = init.key;
  if (init.seatKey) headers[SEAT_KEY_HEADER] = init.seatKey;
  const res = await fetch(`${server.baseUrl}/api/sessions/${path}`, { ...init, headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const post = (path: string, body: unknown, key?: string) =>
  api(path, { method: 'POST', body: JSON.stringify(body), ...(key ? { key } : {}) });

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

beforeAll(async () => {
  server = await startTestServer({
    createBot,
    scenarios,
    config: { botDelayMs: 0 },
    whatIf: { maxRunning: 1, maxGames: 3000, workers: 2 },
  });
  session = await createSession(server.baseUrl, {
    scenario: 'ukraine-2026',
    seats: { ukraine: 'bot', russia: 'bot', us: 'bot', europe: 'bot' },
    botLevel: 'standard',
    options: { seed: 42 },
  });
  const projector = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' });
  await projector.untilPhase('concluded', 60_000);
  await projector.leave();
}, 90_000);
afterAll(() => server.colyseus.shutdown());

describe('debrief figures and replay', () => {
  it('sends the deal against the possible and the months to any seat of a concluded session', async () => {
    const { status, body } = await api(`${session.code}/debrief`);
    expect(status).toBe(200);
    const debrief = body as unknown as DebriefAnswer;
    expect(debrief.mayExplore).toBe(false);
    expect(debrief.moments).toHaveLength(debrief.steps);
    expect(debrief.analysis.rows.map((r) => r.delegation)).toEqual(['ukraine', 'russia', 'us', 'europe']);
    expect(debrief.analysis.cloud.length).toBeGreaterThanOrEqual(debrief.analysis.frontier.length);
    expect(debrief.months[0]?.round).toBe(1);
    // What happened is the outcome's own score; a reference package is never passed off as an agreement.
    const final = server.store.getSession(session.code)?.result;
    expect(debrief.analysis.outcome).toEqual(
      ['ukraine', 'russia', 'us', 'europe'].map((d) => final?.scores[d as 'us'].utility),
    );
    if (!final?.ratified) expect(debrief.analysis.reference.kind).not.toBe('agreement');
  });

  it('replays any step as the asking seat saw it, and only that', async () => {
    const { body } = await api(`${session.code}/debrief`);
    const steps = (body as unknown as DebriefAnswer).steps;
    const start = (await api(`${session.code}/replay?step=0`)).body as unknown as ReplayAnswer;
    expect(start.view.phase).toBe('lobby');
    expect(start.as).toBe('spectator');
    expect(start.changes).toEqual([]);
    const mid = Math.floor(steps / 2);
    const scenario = await scenarios.load('ukraine-2026');
    const engine = createEngine(scenario);
    const events = server.store.events(session.code);
    const config = server.store.getSession(session.code)?.config;
    if (!config) throw new Error('no config');
    const ctx = engine.replay(config.input, events.slice(0, mid)).context;
    const asRussia = await api(`${session.code}/replay?step=${mid}&as=russia`, { key: session.facilitatorKey });
    expect(asRussia.status).toBe(200);
    expect((asRussia.body as unknown as ReplayAnswer).view).toEqual(
      JSON.parse(JSON.stringify(viewFor(scenario, ctx, 'russia'))),
    );
    expect((asRussia.body as unknown as ReplayAnswer).changes).toEqual(expect.any(Array));
    // Without the facilitator key, no other seat's view.
    expect((await api(`${session.code}/replay?step=${mid}&as=russia`)).status).toBe(403);
    expect(
      (await api(`${session.code}/replay?step=${mid}&as=russia`, { seatKey: 'not-a-real-seat-key-000' })).status,
    ).toBe(403);
  });

  it('names whose next move a change makes different, and how', async () => {
    const scenario = await scenarios.load('ukraine-2026');
    const events = server.store.events(session.code);
    const step = events.findIndex((e) => e.type === 'proposal.respond');
    const event = events[step];
    if (event?.type !== 'proposal.respond' || event.actor === 'facilitator' || event.actor === 'system')
      throw new Error('no answer in the log');
    const answer = (await api(`${session.code}/replay?step=${step}`, { key: session.facilitatorKey }))
      .body as unknown as ReplayAnswer;
    const name = scenario.delegations[event.actor].name;
    const [opposite, was] = event.response === 'accept' ? ['rejects', 'accepting'] : ['accepts', 'rejecting'];
    expect(answer.changes[0]?.label.en).toBe(`${name.en} ${opposite} ${event.proposalId} instead of ${was} it`);
    expect(answer.changes[0]?.label.uk.startsWith(`${name.uk}: `)).toBe(true);
  });

  it('answers bad requests with clear errors', async () => {
    const { body } = await api(`${session.code}/debrief`);
    const steps = (body as unknown as DebriefAnswer).steps;
    const outOfRange = await api(`${session.code}/replay?step=${steps + 1}`);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body).toMatchObject({ reason: 'stepOutOfRange', params: { max: steps } });
    expect((await api('ZZZZZZ/debrief')).body).toMatchObject({ reason: 'noSession' });
    const running = await createSession(server.baseUrl, { scenario: 'ukraine-2026', seats: ALL_HUMAN });
    expect((await api(`${running.code}/debrief`)).body).toMatchObject({ reason: 'debriefNotReady' });
    expect((await post(`${running.code}/whatif`, { step: 0 }, running.facilitatorKey)).status).toBe(409);
    expect((await post(`${session.code}/whatif`, { step: 1 })).status).toBe(403);
    expect((await post(`${session.code}/whatif`, { step: 1 }, 'wrong-key-0000000000000')).status).toBe(403);
    const tooMany = await post(`${session.code}/whatif`, { step: 1, games: 3001 }, session.facilitatorKey);
    expect(tooMany.body).toMatchObject({ reason: 'whatIfTooManyGames', params: { max: 3000 } });
    const farStep = await post(`${session.code}/whatif`, { step: steps + 5 }, session.facilitatorKey);
    expect(farStep.body).toMatchObject({ reason: 'stepOutOfRange' });
    const badChange = await post(
      `${session.code}/whatif`,
      { step: 1, change: { kind: 'replace', event: { type: 'agreement.sign', proposalId: 'P99' } } },
      session.facilitatorKey,
    );
    expect(badChange.body).toMatchObject({ reason: 'whatIfChangeNotAllowed' });
    const malformed = await post(`${session.code}/whatif`, { step: 'x' }, session.facilitatorKey);
    expect(malformed.body).toMatchObject({ reason: 'requestInvalid' });
    const huge = await post(`${session.code}/whatif`, { step: 1, padding: 'x'.repeat(20_000) }, session.facilitatorKey);
    expect(huge.status).toBe(413);
  });
});

describe('what-if batches', () => {
  it('play a batch from a moment as a direct replay followed by the simulator, one batch at a time', async () => {
    const steps = ((await api(`${session.code}/debrief`)).body as unknown as DebriefAnswer).steps;
    const step = Math.floor(steps / 2);
    const started = await post(`${session.code}/whatif`, { step, games: 60, seed: 11 }, session.facilitatorKey);
    expect(started.status).toBe(202);
    const id = String(started.body.id);
    const busy = await post(`${session.code}/whatif`, { step, games: 10 }, session.facilitatorKey);
    expect(busy.status).toBe(429);
    expect(busy.body).toMatchObject({ reason: 'whatIfBusy' });
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    let answer: WhatIfAnswer | undefined;
    await until(async () => {
      answer = (await api(`${session.code}/whatif/${id}`, { key: session.facilitatorKey }))
        .body as unknown as WhatIfAnswer;
      return answer.status !== 'running';
    }, 60_000);
    expect(answer?.status).toBe('done');
    expect(answer?.summary?.games).toBe(60);
    // The same games, played here directly from a replay of the event log.
    const scenario = await scenarios.load('ukraine-2026');
    const engine = createEngine(scenario);
    const config = server.store.getSession(session.code)?.config;
    if (!config) throw new Error('no config');
    const moment = momentOf(engine, engine.start(config.input), server.store.events(session.code), step);
    const direct: GameRecord[] = [];
    playFromMoment(
      engine,
      publicScenario(scenario),
      engine.persist(moment),
      { from: 11, count: 60, level: 'standard' },
      (b) => direct.push(...b),
    );
    expect(answer?.records?.map((r) => [r.seed, r.outcomeId, r.scores])).toEqual(
      direct.map((r) => [r.seed, r.outcomeId, r.scores]),
    );
    expect(answer?.actual?.outcomeId).toBe(server.store.getSession(session.code)?.result?.outcomeId);
  }, 90_000);

  it('cancels a running batch', async () => {
    const started = await post(`${session.code}/whatif`, { step: 0, games: 3000 }, session.facilitatorKey);
    expect(started.status).toBe(202);
    const cancelled = await api(`${session.code}/whatif/${started.body.id}`, {
      method: 'DELETE',
      key: session.facilitatorKey,
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    // The slot is free again at once.
    const next = await post(`${session.code}/whatif`, { step: 0, games: 2 }, session.facilitatorKey);
    expect(next.status).toBe(202);
    await api(`${session.code}/whatif/${next.body.id}`, { method: 'DELETE', key: session.facilitatorKey });
    expect((await api(`${session.code}/whatif/nope`, { key: session.facilitatorKey })).body).toMatchObject({
      reason: 'whatIfUnknown',
    });
  });
});

describe('play on from here', () => {
  it('opens a session whose first view is the replayed moment', async () => {
    const steps = ((await api(`${session.code}/debrief`)).body as unknown as DebriefAnswer).steps;
    const step = Math.floor(steps / 3);
    const created = await post(`${session.code}/playon`, { step, seats: ALL_HUMAN }, session.facilitatorKey);
    expect(created.status).toBe(201);
    const { code, facilitatorKey } = created.body as { code: string; facilitatorKey: string };
    expect(code).not.toBe(session.code);
    const facilitator = await joinAs(server.wsUrl, { code, role: 'facilitator', facilitatorKey });
    const scenario = await scenarios.load('ukraine-2026');
    const engine = createEngine(scenario);
    const config = server.store.getSession(session.code)?.config;
    if (!config) throw new Error('no config');
    const ctx = engine.replay(config.input, server.store.events(session.code).slice(0, step)).context;
    const expected = JSON.parse(JSON.stringify(viewFor(scenario, ctx, 'facilitator')));
    expect(facilitator.view).toEqual(expected);
    await facilitator.leave();
  });
});
