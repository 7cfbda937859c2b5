/**
 * When an AI delegation pulls a lever. It values a lever by what it does to its own no-deal value
 * (computed from its own private formula on the world after the lever's effects) plus the pressure
 * it puts on the delegations blocking the talks — the delegations that refused the last draft.
 * So the US presses Ukraine when Ukraine stalls, Europe tightens sanctions when Russia hardens, and
 * Russia attacks where its forces are already advancing once Ukraine's pipeline is short (the
 * content's `requires`). Personality.leverUse sets how readily it acts.
 */
import type { SeatView } from '../engine/view.ts';
import { applyEffects, bindSector, evaluateCondition } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Lever } from '../scenario/schema.ts';
import { type OwnModel, ownNoDeal } from './model.ts';

/** What pressing a blocking delegation is worth to a bot, in its own utility units. */
export const PRESSURE_VALUE = 0.03;

export interface LeverChoice {
  lever: Lever;
  sector: string | null;
  value: number;
}

/** Delegations that refused the most recent draft that was answered (or would not sign it). */
export function blockers(view: SeatView): DelegationId[] {
  const closed = [...view.proposals].reverse().find((p) => p.status === 'rejected' || p.status === 'declined');
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
  scenario: PublicScenario,
  own: OwnModel,
  view: SeatView,
  leverUse: number,
  roll: number,
): LeverChoice | null {
  if (view.queuedLevers.some((q) => q.owner === own.self)) return null;
  if (roll > leverUse) return null;
  const blocking = blockers(view).filter((d) => d !== own.self);
  const before = ownNoDeal(own, view.world);
  let best: LeverChoice | null = null;
  for (const lever of view.private[own.self]?.levers ?? []) {
    if ((view.cooldowns[lever.id] ?? 0) > view.round) continue;
    if (lever.requires && !evaluateCondition(lever.requires, { world: view.world })) continue;
    const sector = lever.targetsSector ? bestSector(scenario, view) : null;
    if (lever.targetsSector && !sector) continue;
    const effects = lever.effects.map((e) => bindSector(e, sector ?? undefined));
    const after = ownNoDeal(own, applyEffects(scenario, view.world, effects));
    const pressure = lever.pressures.filter((d) => blocking.includes(d)).length * PRESSURE_VALUE;
    const value = after - before + pressure;
    if (value > 0.004 && (!best || value > best.value)) best = { lever, sector, value };
  }
  return best;
}
