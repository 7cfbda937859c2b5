/**
 * The client's reconstruction of a seat's scenario and context must let the engine's own guard
 * give the same verdict as on the server, while holding nothing the seat may not see.
 */
import { EVENT_NAMES } from '@peace-table/shared/engine/events';
import { checkEvent } from '@peace-table/shared/engine/rules';
import type { EngineEvent } from '@peace-table/shared/engine/types';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Intent, refusal, refusalText } from '../src/model/actions.ts';
import { seatScenario } from '../src/model/clientScenario.ts';
import { refusalWords } from '../src/model/refusals.ts';
import {
  en,
  FRAGILE_CEASEFIRE,
  play,
  TO_TABLING,
  tabledAlone,
  type Untimed,
  uk,
  view,
  type World,
  world,
} from './fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});

/** A sample payload per event type, valid in shape (the engine decides whether it is allowed). */
const SAMPLES: Record<string, object[]> = {
  'seat.ready': [{}, { ready: false }],
  'statement.make': [{ text: 'We want peace' }],
  'chat.post': [
    { channel: 'plenary', text: 'hi' },
    { channel: 'delegation:russia', text: 'x' },
    { channel: 'bilateral:ukraine+us', text: 'x' },
    { channel: 'announcements', text: 'x' },
  ],
  'proposal.table': [{ package: FRAGILE_CEASEFIRE }, { package: { 'status-crimea': 'recognised-russian' } }],
  'proposal.amend': [{ proposalId: 'p1', package: { prisoners: 'all-for-all' } }],
  'proposal.respond': [
    { proposalId: 'p1', response: 'accept' },
    { proposalId: 'p1', response: 'reject' },
  ],
  'proposal.withdraw': [{ proposalId: 'p1' }],
  'lever.use': [
    { lever: 'ru-offensive', sector: 'dnipro-kherson' },
    { lever: 'us-supply-up' },
    { lever: 'ua-appeal-partners' },
  ],
  'agreement.sign': [{ proposalId: 'p1' }],
  'agreement.decline': [{ proposalId: 'p1' }],
  'delegation.walkout': [{}],
  'facilitator.pause': [{}],
  'facilitator.resume': [{}],
  'facilitator.advance': [{}],
  'facilitator.inject': [{ event: 'grid-strikes' }, { event: 'no-such-event' }],
  'facilitator.extend': [{ rounds: 1 }, { ms: 60_000 }],
  'clock.deadline': [{}],
};

const STAGES: [string, Untimed[]][] = [
  ['lobby', []],
  ['opening', TO_TABLING.slice(0, 8)],
  ['tabling', TO_TABLING],
  ['responses', [...TO_TABLING, ...tabledAlone('us', FRAGILE_CEASEFIRE)]],
  [
    'signing',
    [
      ...TO_TABLING,
      ...tabledAlone('us', FRAGILE_CEASEFIRE),
      ...(['ukraine', 'russia', 'europe'] as const).map((d) => ({
        type: 'proposal.respond' as const,
        actor: d,
        proposalId: 'p1',
        response: 'accept' as const,
      })),
    ],
  ],
];

describe('seatScenario', () => {
  it('holds the seat’s own private content and none of another delegation’s', () => {
    const snapshot = play(w, TO_TABLING);
    const seat = seatScenario(w.pub, view(w, snapshot, 'ukraine'));
    expect(seat.known).toEqual(['ukraine']);
    expect(seat.scenario.delegations.ukraine.redLines).toEqual(w.scenario.delegations.ukraine.redLines);
    for (const d of ['russia', 'us', 'europe'] as const) {
      expect(seat.scenario.delegations[d].redLines).toEqual([]);
      expect(seat.scenario.delegations[d].preferences.weights).toEqual({});
      const secret = JSON.stringify(w.scenario.delegations[d].briefing.objectives);
      expect(JSON.stringify(seat.scenario)).not.toContain(secret.slice(1, 60));
    }
    // Its own private levers are known; other delegations' private ones are not.
    expect(seat.scenario.levers.some((l) => l.id === 'ru-back-channel-signal')).toBe(false);
    const russia = seatScenario(w.pub, view(w, snapshot, 'russia'));
    expect(russia.scenario.levers.some((l) => l.id === 'ru-back-channel-signal')).toBe(true);
  });

  it('knows every delegation for the facilitator', () => {
    const seat = seatScenario(w.pub, view(w, play(w, []), 'facilitator'));
    expect(seat.known).toEqual([...DELEGATION_IDS]);
  });
});

describe('refusal (the UI’s hint) agrees with the engine’s guard on the server', () => {
  it.each(STAGES)('in %s, for every event, actor and sample payload', (_name, events) => {
    const snapshot = play(w, events);
    const now = 999_999;
    let compared = 0;
    for (const actor of [...DELEGATION_IDS, 'facilitator' as const]) {
      const seatView = view(w, snapshot, actor);
      const seat = seatScenario(w.pub, seatView);
      for (const type of EVENT_NAMES) {
        for (const payload of SAMPLES[type] ?? []) {
          const client = refusal(seat, seatView, actor, { type, payload } as Intent, now);
          const server = checkEvent(w.engine.rules, { ...snapshot.context, now }, {
            ...payload,
            type,
            actor,
            at: now,
          } as EngineEvent);
          expect([type, actor, client?.message ?? null]).toEqual([type, actor, server?.message ?? null]);
          expect([type, actor, client?.reason, client?.params]).toEqual([type, actor, server?.reason, server?.params]);
          if (server) {
            // Every refusal the engine gives has its rule, worded in both languages with nothing left over.
            expect(server.reason, `${type} by ${actor}`).toBeDefined();
            for (const [t, locale] of [
              [en.t, 'en'],
              [uk.t, 'uk'],
            ] as const) {
              expect(refusalWords(server, t, locale), `${type} by ${actor}`).not.toMatch(/[{}]|^refusal\./);
            }
          }
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('refusalText', () => {
  it('words phase and pause refusals as hints and the engine’s specific rules in the player’s language', () => {
    expect(refusalText({ code: 'wrong_phase', message: 'lever.use is not allowed during lobby' }, en.t, 'en')).toBe(
      'not in this phase (you can prepare it now)',
    );
    expect(refusalText({ code: 'paused', message: 'the session is paused' }, uk.t, 'uk')).toBe('сесію призупинено');
    const redLine = {
      code: 'red_line' as const,
      message: 'Ukraine cannot sign: the package breaks red line "No recognition"',
      reason: 'redLinePackage' as const,
      params: { delegation: { en: 'Ukraine', uk: 'Україна' }, redLine: { en: 'No recognition', uk: 'Без визнання' } },
    };
    expect(refusalText(redLine, en.t, 'en')).toBe(
      'Ukraine cannot sign this: the package breaks the red line “No recognition”',
    );
    expect(refusalText(redLine, uk.t, 'uk')).toBe(
      'делегація «Україна» не може це підписати: пакет порушує червону лінію «Без визнання»',
    );
  });
});
