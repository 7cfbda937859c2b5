/**
 * Message validation that answers instead of kicking.
 *
 * Colyseus' own `validate(schema, handler)` disconnects a client whose payload fails the schema.
 * A student with a stale tab should get a readable error instead, so the zod schema is wrapped in
 * one that always succeeds and carries zod's verdict to the handler, which replies with `error`.
 */
import { type Client, type MessageHandlerWithFormat, validate } from '@colyseus/core';
import { type ErrorPayload, MESSAGE } from '@peace-table/shared';
import { z } from 'zod';

export function sendError(client: Client, error: ErrorPayload): void {
  client.send(MESSAGE.error, error);
}

/**
 * A `messages` entry that validates with `schema` and sends `error` (code invalid_message) on failure.
 * Typed as if `schema` itself were the format, so typed SDK rooms (tests, bots) see the real payload.
 */
export function checkedMessage<S extends z.ZodType, This>(
  name: string,
  schema: S,
  handler: (this: This, client: Client, message: z.output<S>) => void,
): MessageHandlerWithFormat<S, This> {
  const verdict = z.unknown().transform((raw) => schema.safeParse(raw));
  const checked = validate(verdict, function (this: This, client, result) {
    if (!result.success) {
      sendError(client, { code: 'invalid_message', message: z.prettifyError(result.error), ref: name });
      return;
    }
    handler.call(this, client, result.data);
  });
  return checked as unknown as MessageHandlerWithFormat<S, This>;
}
