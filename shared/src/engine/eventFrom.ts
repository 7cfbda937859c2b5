/**
 * The one place an engine event is put together: a payload, its event's name, who sent it (the
 * host decides: the seat of the connection, never the payload) and when (the host's clock). The
 * room does it for a person's message once its schema has passed (as events.ts toEngineEvent
 * does), for a bot's action (which already carries its `type`) and for its own clock; the simulator
 * and the client's hints do it the same way. Free of zod and of the event schemas, so the browser
 * client can import it cheaply.
 */
export function eventFrom<T extends string, P extends object, A extends string>(
  type: T,
  payload: P,
  actor: A,
  at: number,
): P & { type: T; actor: A; at: number } {
  const event = Object.assign({}, payload) as P & { type: T; actor: A; at: number };
  event.type = type;
  event.actor = actor;
  event.at = at;
  return event;
}
