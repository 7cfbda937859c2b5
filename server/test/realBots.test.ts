/**
 * The real computer players (shared/src/bots/decide.ts) on the real scenario (content/), hosted
 * by the server: a session of four bot seats plays itself to an outcome through the same path as
 * people, watched by a projector. This is the integration of content, engine, bots and server.
 */
import { createBot } from '@peace-table/shared/bots/decide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScenarios } from '../src/sessions/scenarios.ts';
import { createSession, joinAs } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ createBot, scenarios: contentScenarios(), config: { botDelayMs: 0 } });
});
afterAll(() => server.colyseus.shutdown());

describe('real bots on the real scenario', () => {
  it('four computer delegations negotiate ukraine-2026 to an outcome', async () => {
    const session = await createSession(server.baseUrl, {
      scenario: 'ukraine-2026',
      seats: { ukraine: 'bot', russia: 'bot', us: 'bot', europe: 'bot' },
      botLevel: 'standard',
      options: { seed: 42 },
    });
    const projector = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' });
    await projector.untilPhase('concluded', 60_000);
    expect(projector.view?.result?.outcomeId).toEqual(expect.any(String));
    const events = server.store.events(session.code);
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(['ukraine', 'russia', 'us', 'europe']));
    await projector.leave();
  }, 90_000);
});
