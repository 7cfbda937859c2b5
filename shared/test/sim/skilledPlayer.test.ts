/**
 * The scripted skilled player (src/sim/skilledPlayer.ts) plays from exactly what its seat sees:
 * every view it is handed is viewFor its own seat (its own private content only), and changing
 * another delegation's secrets changes nothing it does. It also plays a whole game through the
 * engine without a refused action, and accepts only what beats its walk-away value.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { compilePublicRules } from '../../src/bots/publicRules.ts';
import type { CreateTablePlayer, TablePlayer } from '../../src/bots/types.ts';
import { createEngine } from '../../src/engine/game.ts';
import { type SeatView, viewFor } from '../../src/engine/view.ts';
import { noDealValue, packageUtility } from '../../src/scenario/evaluate.ts';
import { publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../../src/scenario/schema.ts';
import { playGame, seatFigures } from '../../src/sim/simulate.ts';
import { createSkilledPlayer } from '../../src/sim/skilledPlayer.ts';
import { atFirstTabling } from '../support/firstTalks.ts';

const scenario = await loadScenarioById('ukraine-2026');
const engine = createEngine(scenario);
const pub = publicScenario(scenario);

/** The skilled player, watching every view it is handed. */
function watched(seen: SeatView[]): CreateTablePlayer {
  return (rules, options): TablePlayer => {
    const player = createSkilledPlayer(rules, options);
    return {
      decide: (view) => {
        seen.push(view);
        return player.decide(view);
      },
    };
  };
}

describe('the skilled player', () => {
  it.each(DELEGATION_IDS)('in the %s seat, is handed only its own seat’s view and is never refused', (seat) => {
    const seen: SeatView[] = [];
    const { record } = playGame(
      engine,
      { seed: 11, level: 'standard', player: { delegation: seat, create: watched(seen) } },
      pub,
    );
    expect(seen.length).toBeGreaterThan(10);
    for (const view of seen) {
      expect(view.viewer).toBe(seat);
      expect(Object.keys(view.private)).toEqual([seat]);
    }
    expect(record.refused).toBe(0);
    expect(record.redLinesCrossed).toBe(0);
  });

  it('cannot tell another delegation’s secrets apart: changing them changes nothing it does', () => {
    const altered = structuredClone(scenario);
    altered.delegations.russia.preferences.utilities.nato = {
      'aspiration-kept': 1,
      deferred: 1,
      renounced: 1,
      'constitutional-ban': 1,
    };
    altered.delegations.russia.redLines = [];
    const firstTabling = (s: Scenario, seat: DelegationId) => viewFor(s, atFirstTabling(s).snap.context, seat);
    for (const seat of ['ukraine', 'us', 'europe'] as const) {
      const options = { delegation: seat, level: 'standard', seed: 3 } as const;
      const before = createSkilledPlayer(compilePublicRules(pub), options).decide(firstTabling(scenario, seat));
      const after = createSkilledPlayer(compilePublicRules(publicScenario(altered)), options).decide(
        firstTabling(altered, seat),
      );
      expect(before?.action.type).toBe('proposal.table');
      expect(after).toEqual(before);
    }
  });

  it('accepts only what beats its walk-away value now', () => {
    const decisions: Array<{ view: SeatView; accepted: boolean }> = [];
    const create: CreateTablePlayer = (rules, options) => {
      const player = createSkilledPlayer(rules, options);
      return {
        decide: (view) => {
          const choice = player.decide(view);
          if (choice?.action.type === 'proposal.respond')
            decisions.push({ view, accepted: choice.action.response === 'accept' });
          return choice;
        },
      };
    };
    for (const seed of [1, 2, 3, 4, 5])
      playGame(engine, { seed, level: 'standard', player: { delegation: 'russia', create } }, pub);
    expect(decisions.length).toBeGreaterThan(3);
    for (const { view, accepted } of decisions) {
      const draft = view.proposals.find((p) => p.id === view.onTable);
      if (!draft) throw new Error('no draft on the table');
      const gain =
        packageUtility(scenario, 'russia', draft.package, view.world) - noDealValue(scenario, 'russia', view.world);
      if (accepted) expect(gain).toBeGreaterThan(0);
    }
  });

  it('finds fewer deals worth having against expert delegations than against standard ones', () => {
    // The headline measure of the skilled-player figures: a ratified agreement that leaves the
    // player better off than its walk-away value, over the same seeded games at each level.
    const betterOff = (level: 'standard' | 'expert') => {
      const records = Array.from(
        { length: 60 },
        (_, i) =>
          playGame(engine, { seed: i + 1, level, player: { delegation: 'ukraine', create: createSkilledPlayer } }, pub)
            .record,
      );
      return seatFigures(records, 'ukraine').betterThanWalkAwayShare;
    };
    const standard = betterOff('standard');
    const expert = betterOff('expert');
    expect(standard).toBeGreaterThan(0.2);
    expect(expert).toBeLessThan(standard * 0.75);
  });
});
