/**
 * The one place seat-specific data leaves the server: every client gets `viewFor(scenario, ctx,
 * itsSeat)` (engine/view.ts, the single filtering point) and nothing else about the game.
 *
 * Clients of the same seat (a delegation's team, all spectators, all facilitator screens) share
 * one channel. A client receives the whole view once, on joining (`view`), and then only the
 * difference after each change (`view.patch`, see shared/src/viewPatch.ts), so static content such
 * as the private briefing and the transcript so far are not resent with every action.
 *
 * Incremental filtering: the transcript and chat only ever grow, and viewFor filters them entry by
 * entry, so after a change it is enough to run viewFor on a context holding only the entries
 * added since the last publish and append its result. The one exception is the debrief (the move
 * to `concluded` opens earlier entries), where the whole view is computed again. A test checks
 * that this always equals viewFor on the whole context.
 */
import type { Client } from '@colyseus/core';
import type { NegotiationContext } from '@peace-table/shared/engine/types';
import { type SeatView, type ViewerSeat, viewFor } from '@peace-table/shared/engine/view';
import { SERVER_MESSAGE, type ViewPatchPayload, type ViewPayload } from '@peace-table/shared/protocol';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import { diffView, type ViewPatchOp } from '@peace-table/shared/viewPatch';

interface ViewChannel {
  version: number;
  view: SeatView;
  /** How much of ctx.transcript and ctx.chat the view has already filtered. */
  transcriptSeen: number;
  chatSeen: number;
}

/** The next view of a channel, and the operations that lead there from its current view. */
export function nextView(
  scenario: Scenario,
  ctx: NegotiationContext,
  viewer: ViewerSeat,
  channel: ViewChannel,
): { view: SeatView; ops: ViewPatchOp[] } {
  const prev = channel.view;
  const reopened = ctx.phase === 'concluded' && prev.phase !== 'concluded';
  const shrunk = ctx.transcript.length < channel.transcriptSeen || ctx.chat.length < channel.chatSeen;
  if (reopened || shrunk) {
    const view = viewFor(scenario, ctx, viewer);
    return { view, ops: diffView(prev, view) };
  }
  const fresh = viewFor(
    scenario,
    { ...ctx, transcript: ctx.transcript.slice(channel.transcriptSeen), chat: ctx.chat.slice(channel.chatSeen) },
    viewer,
  );
  const { transcript: newEntries, chat: newChat, ...rest } = fresh;
  const { transcript: _t, chat: _c, ...prevRest } = prev;
  const ops = diffView(prevRest, rest);
  if (newChat.length > 0) ops.push({ op: 'splice', key: 'chat', from: prev.chat.length, items: newChat });
  if (newEntries.length > 0) {
    ops.push({ op: 'splice', key: 'transcript', from: prev.transcript.length, items: newEntries });
  }
  const view: SeatView = { ...fresh, transcript: prev.transcript.concat(newEntries), chat: prev.chat.concat(newChat) };
  return { view, ops };
}

export class ViewPublisher {
  private readonly channels = new Map<ViewerSeat, ViewChannel>();

  private readonly scenario: Scenario;
  private readonly context: () => NegotiationContext;

  constructor(scenario: Scenario, context: () => NegotiationContext) {
    this.scenario = scenario;
    this.context = context;
  }

  /** The full, current view of a seat (what a joining client gets). */
  current(viewer: ViewerSeat): ViewPayload {
    let channel = this.channels.get(viewer);
    if (!channel) {
      const ctx = this.context();
      channel = {
        version: 0,
        view: viewFor(this.scenario, ctx, viewer),
        transcriptSeen: ctx.transcript.length,
        chatSeen: ctx.chat.length,
      };
      this.channels.set(viewer, channel);
    }
    return { version: channel.version, view: channel.view };
  }

  sendFull(client: Client, viewer: ViewerSeat): void {
    client.send(SERVER_MESSAGE.view, this.current(viewer));
  }

  /**
   * After the game changed: send each seat that has clients the patch from its last view. Seats
   * without clients drop their cached view (memory), and get a fresh one when someone joins.
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
      const { view, ops } = nextView(this.scenario, ctx, viewer, channel);
      channel.transcriptSeen = ctx.transcript.length;
      channel.chatSeen = ctx.chat.length;
      if (ops.length === 0) continue;
      const patch: ViewPatchPayload = { from: channel.version, to: channel.version + 1, ops };
      channel.version += 1;
      channel.view = view;
      for (const client of clients) client.send(SERVER_MESSAGE.viewPatch, patch);
    }
  }
}
