/**
 * A dropped game leaves nothing behind: 200 all-bot games on the real scenario and the mini
 * fixture, each with its own view cache and bots, played and dropped, are all collected (a
 * FinalizationRegistry hears of every game's last context, its view cache and its first transcript
 * line as the engine wrote it and as a delegation read it) and leave the heap
 * within a few MB of where it started. A module that kept a game's transcript, views or contexts
 * after the game (a cache keyed by something that outlives it) would fail here.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../server/src/content/loadScenario.ts';
import { createEngine } from '../../shared/src/engine/game.ts';
import { publicScenario } from '../../shared/src/scenario/public.ts';
import { loadMiniScenario } from '../../shared/test/scenario/miniScenario.ts';
import { botTable } from '../support/botTable.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collect until the heap stops shrinking, letting finalizers run in between. */
async function settle(): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const used = process.memoryUsage().heapUsed;
    if (used >= last - 64 * 1024) return used;
    last = used;
  }
  return last;
}

describe('a dropped game leaves nothing behind', () => {
  it('200 games played and dropped are all collected, and the heap comes back within a few MB', async () => {
    const setups = [await loadScenarioById('ukraine-2026'), loadMiniScenario()].map((scenario) => ({
      engine: createEngine(scenario),
      pub: publicScenario(scenario),
    }));
    const play = (i: number) => {
      const setup = setups[i % 2] as (typeof setups)[number];
      const table = botTable(setup.engine, setup.pub, 5000 + i);
      while (!table.over) table.turn();
      return table;
    };
    // What every game shares and keeps (the scenarios' compiled forms, the code itself) is made first.
    for (let i = 0; i < 10; i += 1) play(i);
    const before = await settle();

    let collected = 0;
    const registry = new FinalizationRegistry<number>(() => {
      collected += 1;
    });
    const GAMES = 200;
    // In a function of its own, so nothing of the last game stays on this test's own stack.
    const playAndDrop = () => {
      let lines = 0;
      for (let i = 0; i < GAMES; i += 1) {
        const table = play(i);
        lines += table.context.transcript.length;
        // Every context and view of a game holds its first transcript line (a view, its copy as
        // read by a delegation): if any of them stays reachable, so does that line.
        const ctx = table.context;
        for (const held of [ctx, table.views, ctx.transcript[0], table.views.view(ctx, 'ukraine').transcript[0]]) {
          registry.register(held as object, i);
        }
      }
      return lines;
    };
    const transcripts = playAndDrop();
    const after = await settle();
    for (let i = 0; i < 20 && collected < 4 * GAMES; i += 1) await settle();

    expect(transcripts).toBeGreaterThan(GAMES * 20);
    expect(collected).toBe(4 * GAMES);
    expect((after - before) / 2 ** 20).toBeLessThan(3);
  });
});
