/**
 * Message validation that answers instead of kicking.
 *
 * Colyseus' own `validate(schema, handler)` disconnects a client whose payload fails the schema.
 * A student with a stale tab should get a readable error instead, so the zod schema is wrapped in
 * one that always succeeds and carries zod's verdict to the handler, which replies with `error`.
 * An optional `gate` runs first for every message, valid or not (the room's rate limit).
 */
import { type Client, type MessageHandlerWithFormat, validate } from '@colyseus/core';
import { payloadRefusal } from '@peace-table/shared/engine/events';
import { type ErrorPayload, SERVER_MESSAGE } from '@peace-table/shared/protocol';
import { z } from 'zod';

export function sendError(client: Client, error: ErrorPayload): void {
  client.send(SERVER_MESSAGE.error, error);
}

/** The first zod issue as one line ("package: the package settles no issue"). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * A `messages` entry that validates with `schema` and sends `error` (code invalid_message) on failure.
 * Typed as if `schema` itself were the format, so typed SDK rooms (tests, bots) see the real payload.
 */
export function checkedMessage<S extends z.ZodType, This>(
  name: string,
  schema: S,
  handler: (this: This, client: Client, message: z.output<S>) => void,
  gate?: (this: This, client: Client, name: string) => boolean,
): MessageHandlerWithFormat<S, This> {
  // `?? {}`: a message sent without a payload means "no fields", as the engine's toEngineEvent reads it.
  const verdict = z.unknown().transform((raw) => schema.safeParse(raw ?? {}));
  const checked = validate(verdict, function (this: This, client, result) {
    if (gate && !gate.call(this, client, name)) return;
    if (!result.success) {
      const message = `${name}: ${describeIssue(result.error)}`;
      sendError(client, { code: 'invalid_message', message, ref: name, ...payloadRefusal(name, result.error) });
      return;
    }
    handler.call(this, client, result.data);
  });
  return checked as unknown as MessageHandlerWithFormat<S, This>;
}
