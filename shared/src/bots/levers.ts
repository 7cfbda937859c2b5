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

/** Who stood in the way of a draft: its signatories that refused it, or accepted and would not sign. */
function refusers(draft: SeatView['proposals'][number]): DelegationId[] {
  return draft.signatories.filter((d) => {
    const r = draft.responses[d];
    return (
      (r !== undefined && r.response !== 'accept') || (draft.status === 'declined' && !draft.signatures.includes(d))
    );
  });
}

/** How many months back a delegation looks for the draft that came closest. */
const CLOSEST_WITHIN_ROUNDS = 2;

/**
 * Of the drafts refused (or not signed) lately, the one that came closest: the fewest delegations
 * stood in its way (the latest of equals). Pressure goes to those few: a mediator presses whoever
 * blocks the package everyone else could live with, not whoever answered the last draft on the
 * table. Lately is the last two months, amended drafts included: a table whose chair amends one
 * draft a month (as novices do) still remembers the version that nearly passed.
 */
export function closestRefused(view: SeatView): SeatView['proposals'][number] | undefined {
  let closest: { draft: SeatView['proposals'][number]; refused: number } | undefined;
  for (const draft of view.proposals) {
    const closed = draft.status === 'rejected' || draft.status === 'declined' || draft.status === 'superseded';
    if (!closed || draft.round < view.round - CLOSEST_WITHIN_ROUNDS) continue;
    const refused = refusers(draft).length;
    if (refused > 0 && (!closest || refused <= closest.refused)) closest = { draft, refused };
  }
  return closest?.draft;
}

/** Delegations that blocked the draft that came closest lately (closestRefused). */
export function blockers(view: SeatView): DelegationId[] {
  const closest = closestRefused(view);
  return closest ? refusers(closest) : [];
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
