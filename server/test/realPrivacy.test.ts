/**
 * Privacy over the wire on the real scenario (content/scenarios/ukraine-2026), as privacy.test.ts
 * does on the small fixture: four people, a projector and a facilitator play the seed's fragile
 * ceasefire through real clients, with chat on every channel; every websocket frame each of them
 * received is searched for the other delegations' private text (briefings, red lines, ratification,
 * preferences' rationale, personality, phrases) up to the debrief, and for private chat throughout.
 */

import { canRead } from '@peace-table/shared/engine/channels';
import type { Channel } from '@peace-table/shared/engine/types';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '@peace-table/shared/scenario/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateStrings } from '../../shared/test/engine/leaks.ts';
import { FRAGILE_CEASEFIRE, FRAGILE_CEASEFIRE_SIGNATORIES as SIGNATORIES } from '../../tests/engine/seedPackages.ts';
import { contentScenarios } from '../src/sessions/scenarios.ts';
import { ALL_HUMAN, createSession, framesContain, joinAs, type Player } from './support/players.ts';
import { bilateralsOf, marker, seatFour, type Table, waitAll } from './support/script.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const scenarios = contentScenarios();
let scenario: Scenario;
let server: TestServer;
beforeAll(async () => {
  scenario = await scenarios.load('ukraine-2026');
  server = await startTestServer({ scenarios });
});
afterAll(() => server.colyseus.shutdown());

function channelsOf(d: DelegationId): Channel[] {
  return ['plenary', `delegation:${d}`, ...bilateralsOf(d)] as Channel[];
}

async function play(table: Table, observers: Player[]) {
  const all = [...Object.values(table), ...observers];
  const phase = (name: string) => waitAll(all, (p) => p.view?.phase === name, name);
  for (const d of DELEGATION_IDS) table[d].send('seat.ready');
  await phase('briefing');
  for (const d of DELEGATION_IDS) table[d].send('seat.ready');
  await phase('opening');
  for (const d of DELEGATION_IDS) table[d].send('statement.make', { text: `${d} opens the talks` });
  await phase('talks');
  for (const d of DELEGATION_IDS) {
    for (const channel of channelsOf(d)) table[d].send('chat.post', { channel, text: marker(channel, d) });
  }
  // Every line reached its readers before the talks move on.
  const last = marker(channelsOf('europe').at(-1) as Channel, 'europe');
  await table.europe.until((p) => p.view?.chat.some((c) => c.text === last) ?? false, 'the last chat line');
  for (const d of DELEGATION_IDS) table[d].send('seat.ready');
  await phase('tabling');
  table.us.send('proposal.table', { package: FRAGILE_CEASEFIRE, note: 'A ceasefire that can hold' });
  for (const d of ['ukraine', 'russia', 'europe'] as const) table[d].send('seat.ready'); // tabling closes
  await phase('responses');
  const draft = table.us.view?.onTable as string;
  for (const d of SIGNATORIES) table[d].send('proposal.respond', { proposalId: draft, response: 'accept' });
  await phase('signing');
  for (const d of SIGNATORIES) table[d].send('agreement.sign', { proposalId: draft });
  await phase('concluded');
}

describe('privacy over the wire, real scenario', () => {
  it('no seat receives another delegation’s private text or channels during a game of ukraine-2026', async () => {
    const session = await createSession(server.baseUrl, { scenario: 'ukraine-2026', seats: ALL_HUMAN });
    const table = await seatFour(server.wsUrl, session.code);
    const projector = await joinAs(server.wsUrl, { code: session.code, role: 'spectator' });
    const facilitator = await joinAs(server.wsUrl, {
      code: session.code,
      role: 'facilitator',
      facilitatorKey: session.facilitatorKey,
    });
    await play(table, [projector, facilitator]);
    expect(facilitator.view?.result).toMatchObject({ ending: 'signed', outcomeId: 'fragile-ceasefire' });

    const viewers: [DelegationId | 'spectator', Player][] = [
      ...DELEGATION_IDS.map((d): [DelegationId, Player] => [d, table[d]]),
      ['spectator', projector],
    ];
    let checked = 0;
    for (const [viewer, player] of viewers) {
      const before = player.frames.slice(0, player.concludedAtFrame);
      expect(before.length).toBeGreaterThan(10);
      const own = new Set(viewer === 'spectator' ? [] : privateStrings(scenario, viewer));
      for (const other of DELEGATION_IDS) {
        if (other === viewer) continue;
        const secrets = privateStrings(scenario, other).filter((t) => !own.has(t));
        expect(secrets.length).toBeGreaterThan(10);
        for (const text of secrets) {
          if (framesContain(before, text)) throw new Error(`${viewer} received ${other}'s private text "${text}"`);
          checked++;
        }
      }
      for (const d of DELEGATION_IDS) {
        for (const channel of channelsOf(d)) {
          const seen = framesContain(player.frames, marker(channel, d));
          expect(seen, `${viewer} and ${channel}`).toBe(canRead(viewer, channel));
        }
      }
      // Not vacuous: a delegation does receive its own briefing.
      if (viewer !== 'spectator')
        expect(framesContain(before, privateStrings(scenario, viewer)[0] as string)).toBe(true);
    }
    expect(checked).toBeGreaterThan(200);
    for (const p of [...Object.values(table), projector, facilitator]) await p.leave();
  });
});
