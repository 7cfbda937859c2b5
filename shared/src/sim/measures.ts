/**
 * The scenario's measures (outcomes.yaml `measures`): conditions on the world the simulator
 * counts besides the outcomes, such as "Ukraine's weapons pipeline ran short", so that the figures
 * can say how often it happened and which outcomes came where it did (a breakthrough only where
 * the pipeline ran short).
 */
import type { Engine } from '../engine/game.ts';
import { holds } from '../scenario/condition.ts';
import type { WorldState } from '../scenario/evaluate.ts';
import type { Measure } from '../scenario/schema.ts';

/** What a game's record says about the measures (sim/simulate.ts GameRecord). */
interface MeasuredGame {
  outcomeId: string;
  measures: readonly string[];
}

/** One game's watch over the measures: which held after some step. Dropped with the game. */
export function watchMeasures(engine: Engine) {
  const conditions = engine.rules.measures;
  const held = new Set<number>();
  let seen: WorldState | null = null;
  return {
    /** The world after a step (a world the game did not change is not looked at again). */
    see(world: WorldState): void {
      if (world === seen) return;
      seen = world;
      conditions.forEach((condition, i) => {
        if (!held.has(i) && holds(condition, null, { world })) held.add(i);
      });
    },
    /** The ids of the measures that held, in content order. */
    held(): string[] {
      return engine.scenario.measures.filter((_, i) => held.has(i)).map((m) => m.id);
    },
  };
}

export interface MeasureFigures {
  id: string;
  title: string;
  /** Share of the games in which it held after some step. */
  share: number;
  /** For each outcome that came: the share of its games in which the measure held. */
  byOutcome: Record<string, number>;
}

export function measureFigures(measures: readonly Measure[], records: readonly MeasuredGame[]): MeasureFigures[] {
  const n = records.length || 1;
  return measures.map((m) => {
    const byOutcome: Record<string, number> = {};
    for (const outcome of new Set(records.map((r) => r.outcomeId))) {
      const games = records.filter((r) => r.outcomeId === outcome);
      byOutcome[outcome] = games.filter((r) => r.measures.includes(m.id)).length / games.length;
    }
    return {
      id: m.id,
      title: m.title.en,
      share: records.filter((r) => r.measures.includes(m.id)).length / n,
      byOutcome,
    };
  });
}
