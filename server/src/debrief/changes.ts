/**
 * The changed choices the debrief offers at a moment of the replay: the one event that happened
 * next, made differently (shared/src/sim/whatif.ts says how each kind of change is applied).
 * Each offer is checked against the engine at that moment, so only changes the rules allow are
 * listed; its label names it in both languages.
 */
import type { EngineEvent } from '@peace-table/shared/engine/types';
import type { Localized } from '@peace-table/shared/scenario/schema';
import { momentOf, type WhatIfChange } from '@peace-table/shared/sim/whatif';
import type { SessionHistory } from './history.ts';

export interface ChangeOffer {
  label: Localized;
  change: WhatIfChange;
}

const L = (en: string, uk: string): Localized => ({ en, uk });

function candidates(history: SessionHistory, step: number, event: EngineEvent): ChangeOffer[] {
  const s = history.scenario;
  const offers: ChangeOffer[] = [];
  const replace = (label: Localized, next: Omit<EngineEvent, 'actor' | 'at'>) =>
    offers.push({ label, change: { kind: 'replace', event: next as never } });
  switch (event.type) {
    case 'proposal.respond':
      if (event.response !== 'accept')
        replace(L(`Accept ${event.proposalId} instead`, `Погодитися на ${event.proposalId}`), {
          type: 'proposal.respond',
          proposalId: event.proposalId,
          response: 'accept',
        } as never);
      else
        replace(L(`Reject ${event.proposalId} instead`, `Відхилити ${event.proposalId}`), {
          type: 'proposal.respond',
          proposalId: event.proposalId,
          response: 'reject',
          reasons: [],
        } as never);
      break;
    case 'agreement.decline':
      replace(L(`Sign ${event.proposalId} instead`, `Підписати ${event.proposalId}`), {
        type: 'agreement.sign',
        proposalId: event.proposalId,
      } as never);
      break;
    case 'agreement.sign':
      replace(L(`Decline to sign ${event.proposalId}`, `Відмовитися підписати ${event.proposalId}`), {
        type: 'agreement.decline',
        proposalId: event.proposalId,
      } as never);
      break;
    case 'lever.use': {
      const used = s.levers.find((l) => l.id === event.lever);
      offers.push({
        label: L(
          `Do not use “${used?.title.en ?? event.lever}”`,
          `Не застосовувати «${used?.title.uk ?? event.lever}»`,
        ),
        change: { kind: 'remove' },
      });
      for (const lever of s.levers) {
        if (lever.owner !== event.actor || lever.id === event.lever) continue;
        const sector = lever.targetsSector ? (event.sector ?? s.map.sectors[0]?.id) : undefined;
        replace(L(`Use “${lever.title.en}” instead`, `Застосувати «${lever.title.uk}» натомість`), {
          type: 'lever.use',
          lever: lever.id,
          ...(sector ? { sector } : {}),
        } as never);
      }
      break;
    }
    case 'facilitator.inject': {
      const ev = s.events.find((e) => e.id === event.event);
      offers.push({
        label: L(
          `The facilitator does not inject “${ev?.title.en ?? event.event}”`,
          `Ведучий не вводить «${ev?.title.uk ?? event.event}»`,
        ),
        change: { kind: 'remove' },
      });
      break;
    }
    case 'proposal.table':
    case 'proposal.amend':
    case 'proposal.withdraw':
      offers.push({
        label: L('This draft move is not made', 'Цього кроку з проєктом не роблять'),
        change: { kind: 'remove' },
      });
      break;
  }
  // Events the round's resolution drew at this step: each may be withheld.
  const before = history.at(step).context.fired.length;
  for (const fired of history.at(step + 1).context.fired.slice(before)) {
    if (fired.by !== 'draw') continue;
    const ev = s.events.find((e) => e.id === fired.id);
    offers.push({
      label: L(`“${ev?.title.en ?? fired.id}” does not happen`, `«${ev?.title.uk ?? fired.id}» не стається`),
      change: { kind: 'withhold', event: fired.id },
    });
  }
  return offers;
}

/** The changes the rules allow for the event at `step` (none at the end of the log). */
export function changesAt(history: SessionHistory, step: number): ChangeOffer[] {
  const event = history.events[step];
  if (!event) return [];
  return candidates(history, step, event).filter((offer) => {
    try {
      momentOf(history.engine, history.at(step), [...history.events.slice(step)], 0, offer.change);
      return true;
    } catch {
      return false;
    }
  });
}
