/**
 * Privacy over the wire. Every seat's client records every websocket frame it receives (schema
 * patches and messages, before the SDK decodes them) through a complete game; then, for every
 * ordered pair of seats (viewer, other delegation), nothing of the other's private briefing text,
 * utility numbers or private channels may be in what the viewer received. The debrief opens the
 * briefings when the talks conclude (viewFor's rule), so briefing and numbers are checked up to
 * that frame; private chat stays private for good and is checked over every frame.
 */
import { canRead } from '@peace-table/shared/engine/channels';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateStrings } from '../../shared/test/engine/leaks.ts';
import { DEAL, fixtureScenario } from './support/fixtures.ts';
import { ALL_HUMAN, createSession, joinAs, type Player } from './support/players.ts';
import { bilateralsOf, marker, playGame, seatFour, waitAll } from './support/script.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.colyseus.shutdown());

const encoder = new TextEncoder();

function contains(frames: readonly Uint8Array[], text: string): boolean {
  const needle = Buffer.from(encoder.encode(text));
  return frames.some((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength).includes(needle));
}

/** Every chat marker the script posts, with the channel it went to. */
function allMarkers() {
  return DELEGATION_IDS.flatMap((d) =>
    (['plenary', `delegation:${d}`, ...bilateralsOf(d)] as const).map((channel) => ({
      channel,
      text: marker(channel, d),
    })),
  );
}

/** The other delegation's utility table as it would appear in any JSON payload. */
function utilityJson(d: DelegationId): string {
  return JSON.stringify(fixtureScenario.delegations[d].preferences.utilities);
}

function checkPair(viewer: DelegationId | 'spectator', player: Player, other: DelegationId) {
  const cut = player.concludedAtFrame;
  expect(cut, `${viewer} saw the conclusion`).toBeDefined();
  const before = player.frames.slice(0, cut);
  expect(before.length).toBeGreaterThan(10);
  const own = new Set(viewer === 'spectator' ? [] : privateStrings(fixtureScenario, viewer));
  const secrets = privateStrings(fixtureScenario, other).filter((t) => !own.has(t));
  expect(secrets.length).toBeGreaterThan(3);
  for (const text of secrets) {
    if (contains(before, text)) throw new Error(`${viewer} received ${other}'s private text "${text}"`);
  }
  // Decoded payloads before the debrief: no other delegation's numbers or private section.
  const concluded = player.messages.findIndex((m) => JSON.stringify(m.payload).includes('"phase":"concluded"'));
  for (const m of player.messages.slice(0, concluded === -1 ? undefined : concluded)) {
    const json = JSON.stringify(m.payload);
    expect(json.includes(utilityJson(other)), `${viewer} got ${other}'s utilities in ${m.type}`).toBe(false);
    expect(json.includes(`"${other}":{"briefing"`), `${viewer} got ${other}'s briefing in ${m.type}`).toBe(false);
  }
  for (const { channel, text } of allMarkers()) {
    if (canRead(viewer, channel)) continue;
    if (contains(player.frames, text)) throw new Error(`${viewer} received a message from ${channel}: ${text}`);
  }
}

/** A new all-human session with its four delegations, a projector and the facilitator connected. */
async function fullTable() {
  const session = await createSession(server.baseUrl, { scenario: 'fixture', seats: ALL_HUMAN });
  const table = await seatFour(server.wsUrl, session.code);
  const projector = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' });
  const facilitator = await joinAs(server.wsUrl, {
    code: session.code,
    role: 'facilitator',
    facilitatorKey: session.facilitatorKey,
  });
  return { table, projector, facilitator };
}

describe('privacy over the wire', () => {
  it('no seat receives another delegation’s briefing, numbers or private channels during a complete game', async () => {
    const { table, projector, facilitator } = await fullTable();
    await playGame(table, { observers: [projector, facilitator] });

    type Seat = DelegationId | 'spectator';
    const seats: [Seat, Player][] = [
      ...DELEGATION_IDS.map((d): [Seat, Player] => [d, table[d]]),
      ['spectator', projector],
    ];
    let pairs = 0;
    for (const [viewer, player] of seats) {
      for (const other of DELEGATION_IDS) {
        if (other === viewer) continue;
        checkPair(viewer, player, other);
        pairs++;
      }
      // The check is not vacuous: each delegation did receive its own secrets and its own channels.
      if (viewer !== 'spectator') {
        expect(contains(player.frames, privateStrings(fixtureScenario, viewer)[0] as string)).toBe(true);
        expect(contains(player.frames, marker(`delegation:${viewer}`, viewer))).toBe(true);
      }
    }
    expect(pairs).toBe(5 * 4 - 4);
    // The facilitator sees everything: every marker, every briefing, before the end.
    for (const { text } of allMarkers()) expect(contains(facilitator.frames, text)).toBe(true);
    const early = facilitator.frames.slice(0, facilitator.concludedAtFrame);
    for (const d of DELEGATION_IDS) expect(contains(early, privateStrings(fixtureScenario, d)[0] as string)).toBe(true);
  });

  it('a withdrawn draft’s sealed answer reaches only the delegation that gave it and the facilitator, until the debrief', async () => {
    const { table, projector, facilitator } = await fullTable();
    const everyone = [...DELEGATION_IDS.map((d) => table[d]), projector, facilitator];
    const phase = (name: string) => waitAll(everyone, (p) => p.view?.phase === name, name);
    for (const next of ['briefing', 'opening'] as const) {
      for (const d of DELEGATION_IDS) table[d].send('seat.ready');
      await phase(next);
    }
    for (const d of DELEGATION_IDS) table[d].send('statement.make', { text: `${d} opens` });
    await phase('talks');
    for (const d of DELEGATION_IDS) table[d].send('seat.ready');
    await phase('tabling');
    // Ukraine, Russia and Europe sign this one: Ukraine's answer alone does not close the responses.
    table.russia.send('proposal.table', { package: DEAL });
    for (const d of ['ukraine', 'us', 'europe'] as const) table[d].send('seat.ready'); // tabling closes
    await phase('responses');
    const sealed = 'SEALED[ukraine answers p1]';
    table.ukraine.send('proposal.respond', { proposalId: 'p1', response: 'reject', reasons: [{ text: sealed }] });
    await waitAll(everyone, (p) => p.view?.proposals[0]?.responded.includes('ukraine') === true, 'the answer noted');
    table.russia.send('proposal.withdraw', { proposalId: 'p1' });
    await waitAll(everyone, (p) => p.view?.proposals[0]?.status === 'withdrawn', 'the draft withdrawn');
    const readers = () =>
      (['ukraine', 'russia', 'us', 'europe', 'spectator', 'facilitator'] as const).filter((seat) => {
        const player = seat === 'spectator' ? projector : seat === 'facilitator' ? facilitator : table[seat];
        return contains(player.frames, sealed);
      });
    expect(readers()).toEqual(['ukraine', 'facilitator']);
    // The debrief opens it, as it opens every transcript line.
    table.russia.send('delegation.walkout', {});
    await phase('concluded');
    expect(readers()).toEqual(['ukraine', 'russia', 'us', 'europe', 'spectator', 'facilitator']);
    for (const p of everyone) await p.leave();
  });

  it("bots' reasons reach only their own delegation and the facilitator", async () => {
    const session = await createSession(server.baseUrl, {
      scenario: 'fixture',
      seats: { ukraine: 'human', russia: 'human', us: 'bot', europe: 'bot' },
    });
    const ukraine = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'delegate',
      delegation: 'ukraine',
      name: 'U',
    });
    const russia = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'delegate',
      delegation: 'russia',
      name: 'R',
    });
    const projector = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' });
    const facilitator = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
    });
    // Russia's human is then handed to the computer: Russia's people see its reasons, nobody else does.
    facilitator.send('seat.control', { delegation: 'russia', control: 'bot' });
    await russia.until((p) => p.notices.some((n) => n.code === 'seat.bot'), 'the hand-over notice');
    ukraine.send('seat.ready');
    await facilitator.until((p) => p.view?.phase === 'briefing', 'briefing');
    await facilitator.until((p) => new Set(p.botReasons.map((r) => r.delegation)).size === 3, 'three bots’ reasons');
    expect(new Set(facilitator.botReasons.map((r) => r.delegation))).toEqual(new Set(['russia', 'us', 'europe']));
    expect(russia.botReasons.length).toBeGreaterThan(0);
    expect(russia.botReasons.every((r) => r.delegation === 'russia')).toBe(true);
    expect(ukraine.botReasons).toEqual([]);
    expect(projector.botReasons).toEqual([]);
    for (const p of [ukraine, russia, projector, facilitator]) await p.leave();
  });
});
