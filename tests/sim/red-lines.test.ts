/**
 * Bots never cross a red line, over thousands of seeded games: every acceptance and signature is
 * checked against the acting delegation's red lines in the full content at the moment it acts
 * (simulate.ts counts them as `redLinesCrossed`), and the engine refuses none of their actions.
 * 1,200 games: 800 standard, 200 novice, 200 expert (the expensive part of `npm test`, ~1 minute on
 * a loaded 2-core machine).
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../server/src/content/loadScenario.ts';
import type { BotLevel } from '../../shared/src/bots/types.ts';
import { createEngine } from '../../shared/src/engine/game.ts';
import { publicScenario } from '../../shared/src/scenario/public.ts';
import { playGame, summarise } from '../../shared/src/sim/simulate.ts';

const RUNS: Array<[BotLevel, number, number]> = [
  ['standard', 10_001, 800],
  ['novice', 20_001, 200],
  ['expert', 30_001, 200],
];

describe('red lines over thousands of seeded all-bot games', () => {
  it.each(RUNS)(
    '%s bots: no red line crossed, no action refused (seeds %i…, %i games)',
    async (level, first, games) => {
      const scenario = await loadScenarioById('ukraine-2026');
      const engine = createEngine(scenario);
      const pub = publicScenario(scenario);
      const records = Array.from({ length: games }, (_, i) => playGame(engine, { seed: first + i, level }, pub).record);
      const summary = summarise(pub, records);
      expect(summary.games).toBe(games);
      expect(summary.redLinesCrossed).toBe(0);
      expect(summary.refused).toBe(0);
      expect(summary.forced).toBe(0);
      // The sweep covers games where drafts were accepted and signed, not just refusals.
      expect(records.some((r) => r.agreement)).toBe(true);
    },
    600_000,
  );
});
