/**
 * A delegation's levers as the Levers screen lists them: what each costs, what it is expected to
 * do to the world (from its effects), whether it may be pulled now and, if not, why; and whether
 * it is already queued for this round's resolution.
 */
import { coolingUntil } from '@peace-table/shared/engine/cooldowns';
import type { Rejection } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import type { DelegationId, Lever, Localized } from '@peace-table/shared/scenario/schema';
import { intent, refusal } from './actions.ts';
import type { SeatScenario } from './clientScenario.ts';

export interface EffectLine {
  /** The world variable's label; null for a flag or a per-sector effect. */
  label: Localized | null;
  delta: number | null;
  /** True when the effect applies to the front sector chosen when pulling the lever. */
  perSector: boolean;
}

export interface LeverRow {
  lever: Lever;
  effects: EffectLine[];
  queued: boolean;
  /** The round from which it can be used again, when cooling down. */
  availableFrom: number | null;
  /** Why it cannot be pulled now (the engine's refusal), or null when it can. */
  blocked: Rejection | null;
  sectors: { id: string; name: Localized }[];
}

export function effectLines(seat: SeatScenario, lever: Lever): EffectLine[] {
  return lever.effects.map((effect) => {
    if ('flag' in effect) return { label: null, delta: null, perSector: false };
    const delta = 'delta' in effect ? effect.delta : null;
    // "$sector" effects hit the sector chosen when pulling the lever; the screen words that itself.
    if (effect.variable.includes('$sector')) return { label: null, delta, perSector: true };
    const variable = seat.scenario.world.variables.find((v) => v.id === effect.variable);
    return { label: variable?.label ?? null, delta, perSector: false };
  });
}

export function leverRows(seat: SeatScenario, view: SeatView, who: DelegationId, now?: number): LeverRow[] {
  const sectors = seat.scenario.map.sectors;
  return seat.scenario.levers
    .filter((l) => l.owner === who)
    .map((lever) => {
      const firstSector = sectors[0]?.id;
      const probe = intent('lever.use', {
        lever: lever.id,
        ...(lever.targetsSector && firstSector ? { sector: firstSector } : {}),
      });
      return {
        lever,
        effects: effectLines(seat, lever),
        queued: view.queuedLevers.some((q) => q.lever === lever.id && q.round === view.round),
        availableFrom: coolingUntil(view.cooldowns, lever.id, view.round),
        blocked: refusal(seat, view, who, probe, now),
        sectors: lever.targetsSector ? sectors : [],
      };
    });
}
