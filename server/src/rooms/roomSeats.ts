/**
 * The room's people: joining (with seat keys), dropping and reconnecting, the computer taking a
 * seat over and handing it back, and the facilitator's seat tools (hand a seat to the computer,
 * move or remove a participant). The bookkeeping is Roster's; this file carries its decisions out
 * with Colyseus (keys, notices, views, disconnects) and persists the roster before answering.
 */
import { type Client, CloseCode, type Deferred, ErrorCode } from '@colyseus/core';
import type { BotDecision } from '@peace-table/shared/bots/types';
import type { ViewerSeat } from '@peace-table/shared/engine/view';
import { JoinOptions } from '@peace-table/shared/messages';
import {
  type BotReasonPayload,
  type NoticeCode,
  type NoticePayload,
  type ParticipantKickPayload,
  type ParticipantMovePayload,
  ROOM_MESSAGE,
  SERVER_MESSAGE,
  type SeatControlPayload,
  type SeatKeyPayload,
} from '@peace-table/shared/protocol';
import { refusalDetail } from '@peace-table/shared/refusals';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import { hashKey, newKey } from '../sessions/secrets.ts';
import { sendError } from './checkedMessage.ts';
import { joinOptionsRefused, joinRefused } from './joinRefusal.ts';
import type { NegotiationRoom } from './NegotiationRoom.ts';
import { syncRoster } from './sessionState.ts';

/** Close codes the SDK reports as a plain leave (it only auto-reconnects on 1001/1005/1006/4010). */
export const CLOSE_REPLACED = 4101;
export const CLOSE_KICKED = 4102;

export class RoomSeats {
  private readonly reconnections = new Map<string, Deferred<Client>>();
  private readonly absence = new Map<DelegationId, { clear(): void }>();

  private readonly room: NegotiationRoom;

  constructor(room: NegotiationRoom) {
    this.room = room;
  }

  private get roster() {
    return this.room.roster;
  }

  /** Copy the roster into the synced state. */
  sync(): void {
    syncRoster(this.room.state, this.roster, (d) => `${this.room.scenario.delegations[d].name.en} (computer)`);
  }

  private save(): void {
    this.room.settings.store.saveRoster(this.room.config.code, this.roster.snapshot());
  }

  private saveOrLog(): void {
    try {
      this.save();
    } catch (error) {
      this.room.log.error({ err: error }, 'could not save the roster');
    }
  }

  /** Connected clients grouped by the seat whose view they get. */
  audiences(): Map<ViewerSeat, Client[]> {
    const out = new Map<ViewerSeat, Client[]>();
    for (const client of this.room.clients) {
      const viewer = this.roster.viewerOf(client.sessionId);
      if (!viewer) continue;
      const list = out.get(viewer);
      if (list) list.push(client);
      else out.set(viewer, [client]);
    }
    return out;
  }

  private clientsOf(viewers: readonly ViewerSeat[]): Client[] {
    return this.room.clients.filter((c) => {
      const viewer = this.roster.viewerOf(c.sessionId);
      return viewer !== undefined && viewers.includes(viewer);
    });
  }

  /** A refusal throws: Colyseus rejects the client's `join` with its text (joinRefusal.ts). */
  join(client: Client, raw: unknown): void {
    const parsed = JoinOptions.safeParse(raw);
    if (!parsed.success) throw joinOptionsRefused(parsed.error);
    const options = parsed.data;
    const { code } = this.room.config;
    if (options.code !== code)
      throw joinRefused(`This is session ${code}, not ${options.code}.`, refusalDetail('joinInvalid'));
    const decision = this.roster.join(client.sessionId, options);
    if (!decision.ok) {
      const { ok: _ok, message, ...detail } = decision;
      throw joinRefused(message, detail, ErrorCode.AUTH_FAILED);
    }
    if (decision.changed || decision.reclaimed) {
      try {
        this.save();
      } catch (error) {
        this.room.log.error({ err: error }, 'could not save the roster');
        this.roster.leave(client.sessionId);
        if (decision.changed && decision.connection.memberId) this.roster.removeMember(decision.connection.memberId);
        throw joinRefused('The server could not save your seat. Try again.', refusalDetail('seatNotSaved'));
      }
    }
    if (decision.replaces) this.close(decision.replaces, 'seat.replaced', CLOSE_REPLACED);
    const c = decision.connection;
    if (decision.seatKey && c.delegation && c.memberId) {
      const payload: SeatKeyPayload = {
        code,
        key: decision.seatKey,
        participantId: c.memberId,
        delegation: c.delegation,
        name: c.name,
      };
      client.send(SERVER_MESSAGE.seatKey, payload);
    }
    this.room.views.sendFull(client, this.roster.viewerOf(client.sessionId) as ViewerSeat);
    if (c.delegation) this.clearAbsence(c.delegation);
    if (decision.reclaimed) this.controlChanged(decision.reclaimed);
    this.sync();
    this.room.broadcastPatch();
    this.room.log.info({ role: c.role, delegation: c.delegation, reclaimed: decision.reclaimed }, 'joined');
  }

  drop(client: Client, code: number | undefined): void {
    if (!this.roster.connections.has(client.sessionId)) return; // replaced or kicked: gone for good
    // On shutdown the room is going away: the players come back with their seat keys after the restart.
    if (code === CloseCode.SERVER_SHUTDOWN) return;
    this.roster.setConnected(client.sessionId, false);
    const pending = this.room.allowReconnection(client, this.room.config.reconnectSeconds);
    // Rejected when the window ends (Colyseus then calls onLeave) or when the seat is reopened elsewhere.
    Promise.resolve(pending).catch(() => undefined);
    this.reconnections.set(client.sessionId, pending as Deferred<Client>);
    this.sync();
    this.room.broadcastPatch();
  }

  reconnect(client: Client): void {
    this.reconnections.delete(client.sessionId);
    this.roster.setConnected(client.sessionId, true);
    // Views sent while the connection was down are lost: start again from a whole one.
    const viewer = this.roster.viewerOf(client.sessionId);
    if (viewer) this.room.views.sendFull(client, viewer);
    this.sync();
    this.room.broadcastPatch();
  }

  /** Gone for good: left on purpose (CONSENTED: the member's place is freed), or the window ran out. */
  leave(client: Client, code?: number): void {
    this.reconnections.delete(client.sessionId);
    // After the talks there is no place to free, and the debrief still lists everyone.
    const forGood =
      code === CloseCode.CONSENTED && !this.room.shuttingDown && this.room.session.context.phase !== 'concluded';
    const c = this.roster.leave(client.sessionId, forGood);
    if (!c) return;
    if (forGood && c.memberId) this.saveOrLog();
    if (c.delegation) this.botIfAbandoned(c.delegation);
    this.sync();
    this.room.broadcastPatch();
  }

  /** The computer takes an unpinned seat whose humans are all gone (and the game still runs). */
  private botIfAbandoned(d: DelegationId): void {
    if (!this.room.bots || this.room.shuttingDown || this.room.session.context.phase === 'concluded') return;
    if (!this.roster.shouldBotTakeOver(d)) return;
    this.setControl(d, 'bot', false);
  }

  /** After a restart nobody is connected yet: give each seat's humans the reconnection window to return. */
  afterRestore(): void {
    for (const d of DELEGATION_IDS) if (this.roster.shouldBotTakeOver(d)) this.watchAbsence(d);
  }

  private watchAbsence(d: DelegationId): void {
    this.clearAbsence(d);
    const timer = this.room.later(() => {
      this.absence.delete(d);
      this.botIfAbandoned(d);
      this.sync();
      this.room.broadcastPatch();
    }, this.room.config.reconnectSeconds * 1000);
    this.absence.set(d, { clear: () => timer.clear() });
  }

  private clearAbsence(d: DelegationId): void {
    this.absence.get(d)?.clear();
    this.absence.delete(d);
  }

  private setControl(d: DelegationId, control: 'human' | 'bot', pinned: boolean): void {
    this.roster.setControl(d, { control, pinned });
    this.save();
    this.controlChanged(d);
  }

  /** Tell the delegation's people, and let the bots start or stop. */
  private controlChanged(d: DelegationId): void {
    const toBot = this.roster.control(d).control === 'bot';
    const delegation = this.room.scenario.delegations[d].name;
    const notice: NoticePayload = toBot
      ? { code: 'seat.bot', message: `The computer now plays ${delegation.en}.`, params: { delegation } }
      : { code: 'seat.human', message: `${delegation.en} is back in human hands.`, params: { delegation } };
    for (const client of this.clientsOf([d])) client.send(SERVER_MESSAGE.notice, notice);
    this.room.log.info({ delegation: d, control: toBot ? 'bot' : 'human' }, 'seat control');
    if (!toBot) this.startNotReady(d);
    this.room.bots?.wake();
  }

  /**
   * People taking a seat back from the computer start not ready: a "ready" (or a pass in tabling)
   * left by the computer was its decision, not theirs. In a phase without readiness the engine
   * refuses the event and nothing changes.
   */
  private startNotReady(d: DelegationId): void {
    if (!this.room.session.context.seats[d].ready) return;
    this.room.submit({ type: 'seat.ready', ready: false, actor: d, at: Date.now() });
  }

  /** Close another connection (replaced by a new tab, or kicked), including one waiting to reconnect. */
  private close(sessionId: string, notice: NoticeCode, closeCode: number): void {
    this.roster.leave(sessionId);
    const pending = this.reconnections.get(sessionId);
    if (pending) {
      this.reconnections.delete(sessionId);
      pending.reject(new Error(notice));
    }
    const client = this.room.clients.getById(sessionId);
    if (!client) return;
    const message =
      notice === 'kicked'
        ? 'The facilitator removed you from this session.'
        : 'Your seat was opened in another window.';
    const payload: NoticePayload = { code: notice, message };
    client.send(SERVER_MESSAGE.notice, payload);
    client.leave(closeCode, message);
  }

  sendBotReason(d: DelegationId, decision: BotDecision, at: number): void {
    const payload: BotReasonPayload = { delegation: d, type: decision.action.type, reason: decision.reason, at };
    // The reasoning may draw on the delegation's private briefing: only its own people and the facilitator see it.
    for (const client of this.clientsOf([d, 'facilitator'])) client.send(SERVER_MESSAGE.botReason, payload);
  }

  /** The talks are over: the room may close once everyone has left the debrief. */
  concluded(): void {
    for (const d of DELEGATION_IDS) this.clearAbsence(d);
    this.room.autoDispose = true;
  }

  /** Room messages other than engine events. */
  onRoomMessage(client: Client, name: string, payload: unknown): void {
    const viewer = this.roster.viewerOf(client.sessionId);
    if (name === ROOM_MESSAGE.viewSync) {
      if (viewer) this.room.views.sendFull(client, viewer);
      return;
    }
    if (viewer !== 'facilitator') {
      const message = 'Only the facilitator can do that.';
      sendError(client, { code: 'forbidden', message, ref: name, ...refusalDetail('facilitatorOnly') });
      return;
    }
    const refusal =
      name === ROOM_MESSAGE.seatControl
        ? this.facilitatorControl(payload as SeatControlPayload)
        : name === ROOM_MESSAGE.participantMove
          ? this.facilitatorMove(payload as ParticipantMovePayload)
          : this.facilitatorKick(payload as ParticipantKickPayload);
    if (refusal) {
      sendError(client, { ...refusal, ref: name });
      return;
    }
    this.sync();
    this.room.broadcastPatch();
  }

  private facilitatorControl({ delegation, control }: SeatControlPayload) {
    if (control === 'bot' && !this.room.bots) {
      return {
        code: 'not_allowed' as const,
        message: 'This server has no computer players.',
        ...refusalDetail('noBots'),
      };
    }
    if (this.room.session.context.phase === 'concluded') {
      return { code: 'wrong_phase' as const, message: 'the talks have concluded', ...refusalDetail('talksConcluded') };
    }
    if (control === 'bot') this.setControl(delegation, 'bot', true);
    else {
      this.setControl(delegation, 'human', false);
      if (this.roster.shouldBotTakeOver(delegation)) this.watchAbsence(delegation);
    }
    return null;
  }

  private facilitatorMove({ participantId, delegation }: ParticipantMovePayload) {
    const moved = this.roster.move(participantId, delegation);
    if (!moved.ok) {
      const label = this.room.scenario.delegations[delegation].name;
      const detail =
        moved.reason === 'alreadyInDelegation'
          ? refusalDetail('alreadyInDelegation', { name: moved.name, delegation: label })
          : moved.reason === 'delegationFull'
            ? refusalDetail('delegationFull', { delegation: label })
            : refusalDetail('participantNotSeated', { participant: participantId });
      return { code: 'not_allowed' as const, message: moved.message, ...detail };
    }
    const sessionId = this.roster.connectionOf(participantId);
    const client = sessionId === undefined ? undefined : this.room.clients.getById(sessionId);
    const member = this.roster.member(participantId);
    if (client && member) {
      // A fresh key: the old one named the old delegation in the client's storage.
      const key = newKey();
      member.keyHash = hashKey(key);
      this.save();
      const label = this.room.scenario.delegations[delegation].name;
      const notice: NoticePayload = {
        code: 'seat.moved',
        message: `The facilitator moved you to ${label.en}.`,
        params: { delegation: label },
      };
      client.send(SERVER_MESSAGE.notice, notice);
      const payload: SeatKeyPayload = {
        code: this.room.config.code,
        key,
        participantId,
        delegation,
        name: member.name,
      };
      client.send(SERVER_MESSAGE.seatKey, payload);
      this.room.views.sendFull(client, delegation);
    } else {
      this.save();
    }
    this.botIfAbandoned(moved.from);
    const target = this.roster.control(delegation);
    if (target.control === 'bot' && !target.pinned && this.roster.connectedHumans(delegation) > 0) {
      this.setControl(delegation, 'human', false);
    }
    return null;
  }

  private facilitatorKick({ participantId }: ParticipantKickPayload) {
    const member = this.roster.removeMember(participantId);
    if (member) {
      this.save();
      const sessionId = this.roster.connectionOf(participantId);
      if (sessionId !== undefined) this.close(sessionId, 'kicked', CLOSE_KICKED);
      this.botIfAbandoned(member.delegation);
      return null;
    }
    const c = this.roster.connections.get(participantId);
    if (!c) {
      const message = `There is no participant "${participantId}".`;
      return {
        code: 'not_found' as const,
        message,
        ...refusalDetail('noSuchParticipant', { participant: participantId }),
      };
    }
    if (c.role === 'facilitator') {
      const message = 'Facilitators cannot be removed.';
      return { code: 'not_allowed' as const, message, ...refusalDetail('facilitatorNotRemovable') };
    }
    this.close(participantId, 'kicked', CLOSE_KICKED);
    return null;
  }
}
