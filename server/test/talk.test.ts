/**
 * The computer delegations talk back in the room: a student's bilateral message to Russia (a
 * computer seat) shows Russia typing, and Russia's answer arrives in that channel after the pause,
 * in both languages; a structured move the client built wrong, or one naming an issue the agenda
 * lacks, gets a clear error and changes nothing.
 */
import { createBot } from '@peace-table/shared/bots/decide';
import { type ChatTypingPayload, SERVER_MESSAGE } from '@peace-table/shared/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScenarios } from '../src/sessions/scenarios.ts';
import { createSession, joinAs, type Player } from './support/players.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const PAUSE_MS = 400;
let server: TestServer;
let ukraine: Player;

beforeAll(async () => {
  server = await startTestServer({ createBot, scenarios: contentScenarios(), config: { botDelayMs: PAUSE_MS } });
  const session = await createSession(server.baseUrl, {
    scenario: 'ukraine-2026',
    seats: { ukraine: 'human', russia: 'bot', us: 'bot', europe: 'bot' },
    botLevel: 'standard',
    options: { seed: 7 },
  });
  ukraine = await joinAs(server.wsUrl, { code: session.code, role: 'delegate', delegation: 'ukraine', name: 'Olena' });
});
afterAll(async () => {
  await ukraine.leave();
  await server.colyseus.shutdown();
});

const CHANNEL = 'bilateral:ukraine+russia';

function fromRussia(p: Player) {
  return (p.view?.chat ?? []).filter((m) => m.channel === CHANNEL && m.from === 'russia');
}

describe('the computer delegations answer in the channels', () => {
  it('a bilateral message to Russia gets Russia typing, then its answer in that channel after the pause', async () => {
    const sentAt = Date.now();
    ukraine.send('chat.post', { channel: CHANNEL, text: 'What do you need on Crimea?' });
    await ukraine.until(
      (p) => p.view?.chat.some((m) => m.channel === CHANNEL && m.from === 'ukraine') ?? false,
      'own line',
    );
    const asked = ukraine.view?.chat.find((m) => m.channel === CHANNEL && m.from === 'ukraine');
    await ukraine.until((p) => p.messages.some((m) => m.type === SERVER_MESSAGE.chatTyping), 'Russia typing');
    const typing = ukraine.messages.find((m) => m.type === SERVER_MESSAGE.chatTyping)?.payload as ChatTypingPayload;
    expect(typing).toMatchObject({ delegation: 'russia', channel: CHANNEL });
    expect(typing.ms).toBeGreaterThanOrEqual(PAUSE_MS);
    await ukraine.until((p) => fromRussia(p).length > 0, 'a reply from Russia', 10_000);
    // The answer came after the pause, not at once.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(PAUSE_MS);
    const reply = fromRussia(ukraine)[0];
    expect(reply?.replyTo).toBe(asked?.seq);
    expect(reply?.text).toContain('Crimea');
    expect(reply?.uk).toContain('Крим');
  }, 20_000);

  it('a structured move asks Russia about an issue and gets an answer to it', async () => {
    const before = fromRussia(ukraine).length;
    ukraine.send('chat.move', { channel: CHANNEL, move: { kind: 'ask', issue: 'nato' } });
    await ukraine.until((p) => fromRussia(p).length > before, 'an answer about NATO', 10_000);
    const move = ukraine.view?.chat.find((m) => m.move?.kind === 'ask');
    expect(move?.text).toContain('Ukraine and NATO');
    expect(fromRussia(ukraine).at(-1)?.text).toContain('On Ukraine and NATO, we need');
  }, 20_000);

  it('a malformed structured move gets a clear error and changes nothing', async () => {
    const lines = ukraine.view?.chat.length;
    const missing = await ukraine.expectError('chat.move', { channel: CHANNEL, move: { kind: 'ask' } });
    expect(missing).toMatchObject({ code: 'invalid_message', ref: 'chat.move', reason: 'moveInvalid' });
    expect(missing.message).toContain('move');
    const unknown = await ukraine.expectError('chat.move', { channel: CHANNEL, move: { kind: 'ask', issue: 'mars' } });
    expect(unknown).toMatchObject({ code: 'invalid', reason: 'unknownIssue' });
    expect(unknown.message).toContain('no issue "mars"');
    const badTrade = await ukraine.expectError('chat.move', {
      channel: CHANNEL,
      move: { kind: 'trade', want: { nato: 'joined-tomorrow' }, offer: { sanctions: 'lifted' } },
    });
    expect(badTrade).toMatchObject({ code: 'invalid', reason: 'unknownOption' });
    const own = await ukraine.expectError('chat.move', {
      channel: 'delegation:ukraine',
      move: { kind: 'ask', issue: 'nato' },
    });
    expect(own).toMatchObject({ reason: 'moveChannel' });
    expect(ukraine.view?.chat.length).toBe(lines);
  });
});
