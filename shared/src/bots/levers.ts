/**
 * When an AI delegation pulls a lever. It values a lever by what it does to its own no-deal value
 * (computed from its own private formula on the world after the lever's effects) plus the pressure
 * it puts on the delegations blocking the talks — the delegations that refused the last draft.
 * So the US presses Ukraine when Ukraine stalls, Europe tightens sanctions when Russia hardens, and
 * Russia attacks where its forces are already advancing once Ukraine's pipeline is short (the
 * content's `requires`). Personality.leverUse sets how readily it acts.
 */
import { coolingUntil } from '../engine/cooldowns.ts';
import type { SeatView } from '../engine/view.ts';
import { holds } from '../scenario/condition.ts';
import { bindSector, noDealAfter } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Lever } from '../scenario/schema.ts';
import type { BotMemory } from './memory.ts';
import { type OwnModel, ownNoDeal } from './model.ts';

/** What pressing a blocking delegation is worth to a bot, in its own utility units. */
export const PRESSURE_VALUE = 0.03;

export interface LeverChoice {
  lever: Lever;
  sector: string | null;
  value: number;
}

/** The most recent draft that was refused or not signed (searched from the end, without copying). */
export function lastClosed(view: SeatView): SeatView['proposals'][number] | undefined {
  for (let i = view.proposals.length - 1; i >= 0; i -= 1) {
    const p = view.proposals[i];
    if (p && (p.status === 'rejected' || p.status === 'declined')) return p;
  }
  return undefined;
}

/** Delegations that refused the most recent draft that was answered (or would not sign it). */
export function blockers(view: SeatView): DelegationId[] {
  const closed = lastClosed(view);
  if (!closed || closed.round < view.round - 1) return [];
  return closed.signatories.filter((d) => {
    const r = closed.responses[d];
    return (
      (r !== undefined && r.response !== 'accept') || (closed.status === 'declined' && !closed.signatures.includes(d))
    );
  });
}

function bestSector(scenario: PublicScenario, view: SeatView): string | null {
  let best: { id: string; momentum: number } | null = null;
  for (const sector of scenario.map.sectors) {
    const momentum = view.world.values[`momentum.${sector.id}`] ?? 0;
    if (!best || momentum > best.momentum) best = { id: sector.id, momentum };
  }
  return best?.id ?? null;
}

/** The lever worth pulling now, if any (at most one a round; the host checks the rules again). */
export function chooseLever(
  memory: BotMemory,
  own: OwnModel,
  view: SeatView,
  leverUse: number,
  roll: number,
): LeverChoice | null {
  const { scenario } = memory;
  for (const q of view.queuedLevers) if (q.owner === own.self) return null;
  if (roll > leverUse) return null;
  const blocking = blockers(view).filter((d) => d !== own.self);
  const before = ownNoDeal(own, view.world);
  let best: LeverChoice | null = null;
  let target: string | null | undefined;
  for (const lever of view.private[own.self]?.levers ?? []) {
    if (coolingUntil(view.cooldowns, lever.id, view.round) !== null) continue;
    const { requires } = memory.lever(lever);
    if (requires && !holds(requires, null, { world: view.world })) continue;
    if (lever.targetsSector && target === undefined) target = bestSector(scenario, view); // once, if a lever needs it
    const sector = lever.targetsSector ? (target as string | null) : null;
    if (lever.targetsSector && !sector) continue;
    const effects = lever.effects.map((e) => bindSector(e, sector ?? undefined));
    const after = noDealAfter(own.prefs, scenario, view.world, effects);
    let pressed = 0;
    for (const d of lever.pressures) if (blocking.includes(d)) pressed += 1;
    const pressure = pressed * PRESSURE_VALUE;
    const value = after - before + pressure;
    if (value > 0.004 && (!best || value > best.value)) best = { lever, sector, value };
  }
  return best;
}
