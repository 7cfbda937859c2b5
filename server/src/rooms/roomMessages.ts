/**
 * The room's `messages` table: one entry per engine event (validated with EVENT_PAYLOADS), one
 * per room message (ROOM_MESSAGE_PAYLOADS), and a fallback that answers unknown names. Every entry
 * passes the per-client rate limit first. Colyseus binds each handler to the room instance.
 */
import type { Client, Messages, Room } from '@colyseus/core';
import { EVENT_NAMES, EVENT_PAYLOADS } from '@peace-table/shared/engine/events';
import type { EngineEventType } from '@peace-table/shared/engine/types';
import { ROOM_MESSAGE_PAYLOADS } from '@peace-table/shared/messages';
import { refusalDetail } from '@peace-table/shared/refusals';
import { checkedMessage, sendError } from './checkedMessage.ts';

export interface MessageHost extends Room {
  /** The rate limit: true when the message may be handled. */
  allow(client: Client, name: string): boolean;
  /** An engine event from a person. */
  onAction(client: Client, type: EngineEventType, payload: object): void;
  /** A room message (view.sync and the facilitator's seat tools). */
  onRoomMessage(client: Client, name: string, payload: unknown): void;
}

export function buildMessages<R extends MessageHost>(): Messages<R> {
  const gate = function (this: R, client: Client, name: string) {
    return this.allow(client, name);
  };
  const entries: [string, unknown][] = EVENT_NAMES.map((name) => [
    name,
    checkedMessage(
      name,
      EVENT_PAYLOADS[name],
      function (this: R, client, payload) {
        this.onAction(client, name, payload as object);
      },
      gate,
    ),
  ]);
  for (const [name, schema] of Object.entries(ROOM_MESSAGE_PAYLOADS)) {
    entries.push([
      name,
      checkedMessage(
        name,
        schema,
        function (this: R, client, payload) {
          this.onRoomMessage(client, name, payload);
        },
        gate,
      ),
    ]);
  }
  // Unknown names get an answer too; Colyseus would otherwise ignore or drop them.
  entries.push([
    '_',
    function (this: R, client: Client, type: string) {
      if (!this.allow(client, String(type))) return;
      const ref = String(type);
      const message = `Unknown message "${ref}".`;
      sendError(client, { code: 'unknown_message', message, ref, ...refusalDetail('unknownMessage', { type: ref }) });
    },
  ]);
  return Object.fromEntries(entries) as Messages<R>;
}
