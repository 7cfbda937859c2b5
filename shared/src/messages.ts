/**
 * zod schemas for every client → server message, keyed by the names in `protocol.ts`.
 *
 * The server validates each incoming payload with these before any handler runs; bots and the
 * simulator can build payloads with the same schemas. Kept apart from `protocol.ts` so the browser
 * bundle, which only needs names and types, does not ship zod.
 */
import { z } from 'zod';
import { type JoinOptionsPayload, PROTOCOL_VERSION, type SeatTakePayload } from './protocol.ts';
import { DelegationId } from './scenario/schema.ts';

export const SeatTake = z.strictObject({
  delegation: DelegationId,
  name: z
    .string()
    .trim()
    .min(1, 'name is empty')
    .max(40, 'name is longer than 40 characters')
    // Names are drawn on the shared table: reject control characters that would garble the text.
    .regex(/^[^\p{Cc}]*$/u, 'name contains control characters'),
}) satisfies z.ZodType<SeatTakePayload>;

/** Join options: a client built for another protocol version must reload before it can play. */
export const JoinOptions = z.object({ protocol: z.literal(PROTOCOL_VERSION) }) satisfies z.ZodType<JoinOptionsPayload>;
