/**
 * First version of the negotiation room: a lobby with four seats that players can take.
 * It proves the wiring (schema sync, zod-validated messages, error replies, immediate patches)
 * and will be replaced by the real negotiation driven by shared/src/engine.
 */
import { type Client, ErrorCode, Room, ServerError } from '@colyseus/core';
import { JoinOptions, MESSAGE, PROTOCOL_VERSION, SeatTake } from '@peace-table/shared';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import type { Logger } from 'pino';
import { checkedMessage, sendError } from './checkedMessage.ts';
import { createLobbyState, type NegotiationState } from './negotiationState.ts';

/** Placeholder until the scenario loader (shared/src/scenario) provides the title from content/. */
export const DEFAULT_SCENARIO_TITLE = 'Peace talks 2026: opening session';

/**
 * Set by the server in `defineRoom(NegotiationRoom, options)`. Colyseus merges a client's join
 * options underneath these, so app.ts always sets both keys to keep clients from overriding them.
 */
export interface NegotiationRoomOptions {
  scenarioTitle: string;
  logger: Logger;
}

export class NegotiationRoom extends Room<{ state: NegotiationState }> {
  // Four delegations plus a facilitator and observers; bounded so a stray script can't fill memory.
  override maxClients = 16;
  override state = createLobbyState(DEFAULT_SCENARIO_TITLE);

  /** Which delegation each connected client sits at. Server-only: not part of the synced state. */
  private seatOf = new Map<string, DelegationId>();
  private log: Logger | undefined;

  override messages = {
    [MESSAGE.seatTake]: checkedMessage(MESSAGE.seatTake, SeatTake, function (this: NegotiationRoom, client, msg) {
      this.takeSeat(client, msg.delegation, msg.name);
    }),
    // Unknown message names get an answer too; Colyseus would otherwise drop the connection.
    _: function (this: NegotiationRoom, client: Client, type: string) {
      sendError(client, { code: 'unknown_message', message: `Unknown message "${type}".`, ref: String(type) });
    },
  };

  override onCreate(options: NegotiationRoomOptions) {
    this.log = options.logger.child({ room: this.roomId });
    this.state.scenarioTitle = options.scenarioTitle;
    this.log.info('negotiation room created');
  }

  override onJoin(_client: Client, options?: unknown) {
    if (!JoinOptions.safeParse(options).success) {
      const message = `This page is out of date for the server (protocol ${PROTOCOL_VERSION}). Reload the page.`;
      throw new ServerError(ErrorCode.APPLICATION_ERROR, message);
    }
  }

  override onLeave(client: Client) {
    const delegation = this.seatOf.get(client.sessionId);
    if (!delegation) return;
    this.seatOf.delete(client.sessionId);
    const seat = this.state.seats.get(delegation);
    if (seat) {
      seat.occupied = false;
      seat.name = '';
    }
    this.broadcastPatch();
  }

  private takeSeat(client: Client, delegation: DelegationId, name: string) {
    const ref = MESSAGE.seatTake;
    const seat = this.state.seats.get(delegation);
    if (!seat) return; // unreachable: the schema only admits the four delegations
    if (this.seatOf.has(client.sessionId)) {
      sendError(client, { code: 'already_seated', message: 'You already hold a seat at the table.', ref });
      return;
    }
    if (seat.occupied) {
      sendError(client, { code: 'seat_taken', message: `The ${seat.label} seat is already taken.`, ref });
      return;
    }
    seat.occupied = true;
    seat.name = name;
    this.seatOf.set(client.sessionId, delegation);
    this.log?.info({ delegation }, 'seat taken');
    // Send the change now rather than on the next patch tick, so every screen updates at once.
    this.broadcastPatch();
  }
}
