/**
 * "May I do this now, and if not, why?" for every button: the engine's own guard (`checkEvent`)
 * run against the seat's reconstructed context, so the UI greys out exactly what the server would
 * refuse and shows the server's sentence as the reason. Also the one place that builds outgoing
 * intents, typed by the engine's payload schemas.
 */
import { eventFrom } from '@peace-table/shared/engine/eventFrom';
import type { EventPayload } from '@peace-table/shared/engine/events';
import { checkEvent } from '@peace-table/shared/engine/rules';
import type { Actor, EngineEvent, EngineEventType, Rejection } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import type { Locale, Translator } from '../i18n/i18n.ts';
import { contextFromView, type SeatScenario } from './clientScenario.ts';
import { refusalWords } from './refusals.ts';

/** A message the client sends: the engine event's name and its wire payload. */
export interface Intent<T extends EngineEventType = EngineEventType> {
  type: T;
  payload: EventPayload<T>;
}

export function intent<T extends EngineEventType>(type: T, payload: EventPayload<T>): Intent<T> {
  return { type, payload };
}

/** null when the engine would accept the intent from `actor` now; otherwise its refusal. */
export function refusal(
  seat: SeatScenario,
  view: SeatView,
  actor: Actor,
  action: Intent,
  now: number = Date.now(),
): Rejection | null {
  const ctx = contextFromView(seat.scenario, view, now);
  const event = eventFrom(action.type, action.payload, actor, now) as EngineEvent;
  return checkEvent(seat.rules, ctx, event);
}

/**
 * Why a button is greyed out, in the player's language: "not in this phase (you can prepare it
 * now)" for a phase refusal, else the engine's rule with its clause, lever or red line named.
 */
export function refusalText(rejection: Rejection, t: Translator['t'], locale: Locale): string {
  if (rejection.code === 'wrong_phase') return t('refusal.wrongPhase');
  if (rejection.code === 'paused') return t('refusal.paused');
  return refusalWords(rejection, t, locale);
}

/** The acting seat of a view, when it is a delegation or the facilitator (spectators never act). */
export function actorOf(view: SeatView): Actor | null {
  return view.viewer === 'spectator' ? null : view.viewer;
}
