/**
 * The changed choices the debrief offers at a moment of the replay: the one event that happened
 * next, made differently (shared/src/sim/whatif.ts says how each kind of change is applied).
 * Each offer is checked against the engine at that moment, so only changes the rules allow are
 * listed; its label names it in both languages.
 */
import type { EngineEvent } from '@peace-table/shared/engine/types';
import { DELEGATION_IDS, type Localized } from '@peace-table/shared/scenario/schema';
import { momentOf, type WhatIfChange } from '@peace-table/shared/sim/whatif';
import type { SessionHistory } from './history.ts';

export interface ChangeOffer {
  label: Localized;
  change: WhatIfChange;
}

const L = (en: string, uk: string): Localized => ({ en, uk });

/**
 * Who makes the move, for a label: the change is to the move that comes next after the moment
 * shown, so the label says whose it is ("Russia rejects p18 instead of accepting it").
 */
function who(history: SessionHistory, event: EngineEvent): Localized {
  const actor = DELEGATION_IDS.find((d) => d === event.actor);
  return actor ? history.scenario.delegations[actor].name : L('The facilitator', 'Ведучий');
}

function candidates(history: SessionHistory, step: number, event: EngineEvent): ChangeOffer[] {
  const s = history.scenario;
  const offers: ChangeOffer[] = [];
  const name = who(history, event);
  const replace = (label: Localized, next: Omit<EngineEvent, 'actor' | 'at'>) =>
    offers.push({ label, change: { kind: 'replace', event: next as never } });
  switch (event.type) {
    case 'proposal.respond':
      if (event.response !== 'accept')
        replace(
          L(
            `${name.en} accepts ${event.proposalId} instead of rejecting it`,
            `${name.uk}: погоджуємося на ${event.proposalId} замість відхилити`,
          ),
          {
            type: 'proposal.respond',
            proposalId: event.proposalId,
            response: 'accept',
          } as never,
        );
      else
        replace(
          L(
            `${name.en} rejects ${event.proposalId} instead of accepting it`,
            `${name.uk}: відхиляємо ${event.proposalId} замість погодитися`,
          ),
          {
            type: 'proposal.respond',
            proposalId: event.proposalId,
            response: 'reject',
            reasons: [],
          } as never,
        );
      break;
    case 'agreement.decline':
      replace(
        L(
          `${name.en} signs ${event.proposalId} instead of declining`,
          `${name.uk}: підписуємо ${event.proposalId} замість відмовитися`,
        ),
        {
          type: 'agreement.sign',
          proposalId: event.proposalId,
        } as never,
      );
      break;
    case 'agreement.sign':
      replace(
        L(`${name.en} declines to sign ${event.proposalId}`, `${name.uk}: відмовляємося підписати ${event.proposalId}`),
        {
          type: 'agreement.decline',
          proposalId: event.proposalId,
        } as never,
      );
      break;
    case 'lever.use': {
      const used = s.levers.find((l) => l.id === event.lever);
      offers.push({
        label: L(
          `${name.en} does not use “${used?.title.en ?? event.lever}”`,
          `${name.uk}: не застосовуємо «${used?.title.uk ?? event.lever}»`,
        ),
        change: { kind: 'remove' },
      });
      for (const lever of s.levers) {
        if (lever.owner !== event.actor || lever.id === event.lever) continue;
        const sector = lever.targetsSector ? (event.sector ?? s.map.sectors[0]?.id) : undefined;
        replace(
          L(`${name.en} uses “${lever.title.en}” instead`, `${name.uk}: застосовуємо «${lever.title.uk}» натомість`),
          {
            type: 'lever.use',
            lever: lever.id,
            ...(sector ? { sector } : {}),
          } as never,
        );
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
      offers.push({
        label: L(`${name.en} does not table this draft`, `${name.uk}: не вносимо цього проєкту`),
        change: { kind: 'remove' },
      });
      break;
    case 'proposal.withdraw':
      offers.push({
        label: L(`${name.en} does not withdraw ${event.proposalId}`, `${name.uk}: не відкликаємо ${event.proposalId}`),
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
      // «Без події …» ("without the event"): no verb to agree with a title of any number or gender.
      label: L(`“${ev?.title.en ?? fired.id}” does not happen`, `Без події «${ev?.title.uk ?? fired.id}»`),
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
