/**
 * Sending each seat its view: every client gets its seat's view of the game (the engine's viewFor,
 * through the room's view cache) and nothing else about the game. What a seat may see is decided
 * there alone; this file only tracks what each seat was last sent and sends the difference.
 *
 * Clients of the same seat (a delegation's team, all spectators, all facilitator screens) share
 * one channel. A client receives the whole view once, on joining (`view`), and then only the
 * difference after each change (`view.patch`, see shared/src/viewPatch.ts), so static content such
 * as the private briefing and the transcript so far are not resent with every action.
 */
import type { Client } from '@colyseus/core';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import type { SeatView, ViewerSeat } from '@peace-table/shared/engine/view';
import { SERVER_MESSAGE, type ViewPatchPayload, type ViewPayload } from '@peace-table/shared/protocol';
import { diffView } from '@peace-table/shared/viewPatch';

/** How the publisher gets a seat's view of the game as it stands (the room's view cache). */
export type SeatViews = (ctx: NegotiationContext, viewer: ViewerSeat) => SeatView;

interface ViewChannel {
  version: number;
  view: SeatView;
}

export class ViewPublisher {
  private readonly channels = new Map<ViewerSeat, ViewChannel>();

  private readonly views: SeatViews;
  private readonly context: () => NegotiationContext;

  constructor(views: SeatViews, context: () => NegotiationContext) {
    this.views = views;
    this.context = context;
  }

  /** The full, current view of a seat (what a joining client gets). */
  current(viewer: ViewerSeat): ViewPayload {
    let channel = this.channels.get(viewer);
    if (!channel) {
      channel = { version: 0, view: this.views(this.context(), viewer) };
      this.channels.set(viewer, channel);
    }
    return { version: channel.version, view: channel.view };
  }

  sendFull(client: Client, viewer: ViewerSeat): void {
    client.send(SERVER_MESSAGE.view, this.current(viewer));
  }

  /**
   * After the game changed: send each seat that has clients the patch from its last view. Seats
   * without clients drop their channel, and get a whole view when someone joins again.
   */
  publish(audiences: ReadonlyMap<ViewerSeat, readonly Client[]>): void {
    for (const viewer of [...this.channels.keys()]) {
      if (!audiences.get(viewer)?.length) this.channels.delete(viewer);
    }
    const ctx = this.context();
    for (const [viewer, clients] of audiences) {
      if (clients.length === 0) continue;
      const channel = this.channels.get(viewer);
      if (!channel) {
        // Joined in between (every client gets current() on joining): start them from a whole view.
        for (const client of clients) this.sendFull(client, viewer);
        continue;
      }
      const view = this.views(ctx, viewer);
      const ops = diffView(channel.view, view);
      if (ops.length === 0) continue;
      const patch: ViewPatchPayload = { from: channel.version, to: channel.version + 1, ops };
      channel.version += 1;
      channel.view = view;
      for (const client of clients) client.send(SERVER_MESSAGE.viewPatch, patch);
    }
  }
}
