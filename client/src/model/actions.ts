/**
 * "May I do this now, and if not, why?" for every button: the engine's own guard (`checkEvent`)
 * run against the seat's reconstructed context, so the UI greys out exactly what the server would
 * refuse and shows the server's sentence as the reason. Also the one place that builds outgoing
 * intents, typed by the engine's payload schemas.
 */
import type { EventPayload } from '@peace-table/shared/engine/events';
import { checkEvent } from '@peace-table/shared/engine/rules';
import type { Actor, EngineEvent, EngineEventType, Rejection } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import { contextFromView, type SeatScenario } from './clientScenario.ts';

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
  const event = { ...action.payload, type: action.type, actor, at: now } as EngineEvent;
  return checkEvent(seat.scenario, ctx, event);
}

/**
 * A refusal in the player's language where the client can word it itself (not this phase, paused);
 * otherwise the engine's own sentence, which names the clause or rule concerned.
 */
export function refusalText(rejection: Rejection, t: (key: string) => string): string {
  if (rejection.code === 'wrong_phase') return t('refusal.wrongPhase');
  if (rejection.code === 'paused') return t('refusal.paused');
  return rejection.message;
}

/** The acting seat of a view, when it is a delegation or the facilitator (spectators never act). */
export function actorOf(view: SeatView): Actor | null {
  return view.viewer === 'spectator' ? null : view.viewer;
}
