/**
 * The benchmark's baseline: a bare Colyseus room with no game in it. It relays each message to
 * everyone in the room, which is the least a shared table can do, so the negotiation room's
 * figures can be read as a ratio to what Colyseus itself costs on the same machine and load.
 */
import { type Client, Room } from '@colyseus/core';
import { schema, t } from '@colyseus/schema';

const BareState = schema({ messages: t.uint32().default(0) }, 'BareState');

export class BareRoom extends Room {
  override maxClients = 64;
  override state = new BareState();

  override messages = {
    chat(this: BareRoom, client: Client, payload: { text?: unknown }) {
      const text = typeof payload?.text === 'string' ? payload.text.slice(0, 1000) : '';
      this.state.messages += 1;
      this.broadcast('chat', { from: client.sessionId, text });
      this.broadcastPatch();
    },
  };
}
