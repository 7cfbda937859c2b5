/**
 * Session options over the wire: a no-press session refuses private posts with a clear error and
 * offers only the plenary; an anonymous session sends no student's name to another delegation or
 * to the spectator (frames checked before decoding), and its transcript export names nobody.
 */
import type { ChatMessage } from '@peace-table/shared/engine/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_HUMAN, createSession, joinAs } from './support/players.ts';
import { seatFour, waitAll } from './support/script.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.colyseus.shutdown());

/** The lines posted in the talks (the opening statements, also in Plenary, come first). */
function posted(view: { chat: readonly ChatMessage[] } | undefined | null): ChatMessage[] {
  return (view?.chat ?? []).filter((m) => !m.statement);
}

const NAMES = { ukraine: 'Olena Kovalenko', russia: 'Ivan Petrov', us: 'Mary Smith', europe: 'Jean Dupont' };

async function toTalks(options: Record<string, unknown>) {
  const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN, options });
  const table = await seatFour(server.wsUrl, session.code, NAMES);
  const projector = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' });
  const all = [...Object.values(table), projector];
  for (const p of Object.values(table)) p.send('seat.ready');
  await waitAll(all, (p) => p.view?.phase === 'briefing', 'briefing');
  for (const p of Object.values(table)) p.send('seat.ready');
  await waitAll(all, (p) => p.view?.phase === 'opening', 'opening');
  for (const [d, p] of Object.entries(table)) p.send('statement.make', { text: `${d} opens` });
  await waitAll(all, (p) => p.view?.phase === 'talks', 'talks');
  return { session, table, projector, all };
}

describe('session options', () => {
  it('no press: a bilateral or delegation post is refused with a clear error; the plenary works', async () => {
    const { table, all } = await toTalks({ noPress: true });
    expect(table.ukraine.view?.noPress).toBe(true);
    for (const channel of ['bilateral:ukraine+russia', 'delegation:ukraine']) {
      const error = await table.ukraine.expectError('chat.post', { channel, text: 'psst' });
      expect(error).toMatchObject({ code: 'not_allowed', reason: 'noPress', ref: 'chat.post' });
      expect(error.message).toBe('this is a no-press session: talk in the plenary only');
    }
    table.ukraine.send('chat.post', { channel: 'plenary', text: 'openly' });
    await waitAll(all, (p) => posted(p.view).length === 1, 'the plenary line');
    for (const p of all) expect(posted(p.view).map((m) => m.channel)).toEqual(['plenary']);
  });

  it('names the author of each line to everyone in an ordinary session', async () => {
    const { table, all } = await toTalks({});
    table.ukraine.send('chat.post', { channel: 'plenary', text: 'hello' });
    await waitAll(all, (p) => posted(p.view).length === 1, 'the line');
    for (const p of all) expect(posted(p.view)[0]).toMatchObject({ from: 'ukraine', author: NAMES.ukraine });
    expect(table.russia.state.participants).toBeDefined();
    expect(JSON.stringify(table.russia.state)).toContain(NAMES.ukraine);
  });

  it('anonymous: no other delegation and no spectator receives a student name; the export names nobody', async () => {
    const { session, table, projector, all } = await toTalks({ anonymous: true });
    const facilitator = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
    });
    table.ukraine.send('chat.post', { channel: 'plenary', text: 'hello' });
    table.ukraine.send('chat.post', { channel: 'delegation:ukraine', text: 'among us' });
    await waitAll([...all, facilitator], (p) => posted(p.view).length >= 1, 'the line');
    await table.ukraine.until((p) => posted(p.view).length === 2, 'both lines');
    await facilitator.until((p) => posted(p.view).length === 2, 'both lines');
    expect(posted(table.ukraine.view).every((m) => m.author === NAMES.ukraine)).toBe(true);
    expect(posted(facilitator.view)[0]?.author).toBe(NAMES.ukraine);
    for (const [viewer, player] of [...Object.entries(table), ['spectator', projector] as const]) {
      for (const [d, name] of Object.entries(NAMES)) {
        if (d === viewer) continue;
        expect(player.received(name), `${viewer} received ${d}'s name`).toBe(false);
      }
    }
    expect(table.russia.state.seats.ukraine?.name).toBe('#1');
    const res = await fetch(`${server.baseUrl}/api/sessions/${session.code}/transcript?format=json`, {
      headers: { 'x-facilitator-key': session.facilitatorKey },
    });
    const body = (await res.json()) as { transcript: unknown; participants: unknown; options: unknown };
    expect(body.options).toEqual({ noPress: false, anonymous: true });
    expect(JSON.stringify(body.transcript)).not.toContain(NAMES.ukraine);
    // The facilitator's own part still says who sat where.
    expect(JSON.stringify(body.participants)).toContain(NAMES.ukraine);
  });
});
