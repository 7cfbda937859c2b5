/**
 * Games do not touch each other: 50 rooms' worth of all-bot games on two scenarios (the real one
 * and the mini fixture), played turn by turn interleaved in one process as a server interleaves
 * its rooms, give exactly the transcripts, and show the bots exactly the views, that each game
 * gives when played alone. Anything remembered between games at module level, or shared between
 * one game's view cache or bots and another's, would show here as a difference.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../server/src/content/loadScenario.ts';
import { createEngine } from '../../shared/src/engine/game.ts';
import { publicScenario } from '../../shared/src/scenario/public.ts';
import { DELEGATION_IDS } from '../../shared/src/scenario/schema.ts';
import { loadMiniScenario } from '../../shared/test/scenario/miniScenario.ts';
import { type BotTable, botTable } from '../support/botTable.ts';

const digest = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');

/**
 * What a game showed: every view a bot decided from, then its transcript and every seat's last view
 * in full. A view's transcript and chat are told by the lines shown (their numbers), which the full
 * transcript at the end then pins down.
 */
function record(table: BotTable, into: string[]) {
  table.turn((d, view) => {
    const lines = { transcript: view.transcript.map((t) => t.seq), chat: view.chat.map((m) => m.seq) };
    into.push(`${d} ${digest({ ...view, ...lines })}`);
  });
  if (table.over) {
    into.push(`transcript ${digest(table.context.transcript)}`);
    for (const seat of [...DELEGATION_IDS, 'spectator', 'facilitator'] as const) {
      into.push(`${seat} ${digest(table.views.view(table.context, seat))}`);
    }
  }
}

describe('cross-session isolation', () => {
  it('50 games on two scenarios, interleaved turn by turn, play exactly as each alone', async () => {
    const real = await loadScenarioById('ukraine-2026');
    const mini = loadMiniScenario();
    const setups = [real, mini].map((scenario) => ({
      engine: createEngine(scenario),
      pub: publicScenario(scenario),
    }));
    const games = Array.from({ length: 50 }, (_, i) => ({
      ...(setups[i % 2] as (typeof setups)[number]),
      seed: 100 + i,
    }));

    const alone = games.map(({ engine, pub, seed }) => {
      const table = botTable(engine, pub, seed);
      const shown: string[] = [];
      while (!table.over) record(table, shown);
      return shown;
    });

    const tables = games.map(({ engine, pub, seed }) => botTable(engine, pub, seed));
    const together: string[][] = games.map(() => []);
    // A fixed shuffle of whose turn comes next, so neighbours change from one pass to the next.
    let state = 7;
    for (let pass = 0; tables.some((t) => !t.over); pass += 1) {
      const order = tables
        .map((_, i) => i)
        .sort((a, b) => ((a * 7919 + pass * state) % 101) - ((b * 7919 + pass * state) % 101));
      state = (state * 48271) % 2147483647;
      for (const i of order) if (!(tables[i] as BotTable).over) record(tables[i] as BotTable, together[i] as string[]);
    }

    for (let i = 0; i < games.length; i += 1) expect(together[i], `game ${i}`).toEqual(alone[i]);
    // Whole games on both scenarios: many decisions each, every game finished.
    expect(alone.every((shown) => shown.some((line) => line.startsWith('transcript')))).toBe(true);
    expect(Math.min(...alone.map((shown) => shown.length))).toBeGreaterThan(20);
  });
});
