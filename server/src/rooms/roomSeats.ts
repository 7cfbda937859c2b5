/**
 * The room's people: joining (with seat keys), dropping and reconnecting, the computer taking a
 * seat over when its people are gone and handing it back when they return, and closing a
 * connection (replaced by a new tab, or removed by the facilitator). The bookkeeping is Roster's;
 * this file carries its decisions out with Colyseus clients (keys, notices, views, disconnects),
 * through the narrow SeatHost its room passes in, and saves the roster before answering.
 */
import { type Client, CloseCode, type Deferred, ErrorCode } from '@colyseus/core';
import type { BotDecision } from '@peace-table/shared/bots/types';
import { type Channel, canRead } from '@peace-table/shared/engine/channels';
import type { ViewerSeat } from '@peace-table/shared/engine/view';
import { JoinOptions } from '@peace-table/shared/messages';
import {
  type BotReasonPayload,
  type ChatTypingPayload,
  type ErrorPayload,
  type NoticeCode,
  type NoticePayload,
  SERVER_MESSAGE,
  type SeatKeyPayload,
} from '@peace-table/shared/protocol';
import { refusalDetail } from '@peace-table/shared/refusals';
import { DELEGATION_IDS, type DelegationId, type Localized } from '@peace-table/shared/scenario/schema';
import type { Logger } from 'pino';
import type { Roster } from '../sessions/roster.ts';
import type { RosterData } from '../sessions/types.ts';
import { joinOptionsRefused, joinRefused } from './joinRefusal.ts';

/** Close codes the SDK reports as a plain leave (it only auto-reconnects on 1001/1005/1006/4010). */
export const CLOSE_REPLACED = 4101;
export const CLOSE_KICKED = 4102;

/** An error for the client, without the `ref` its room adds (the message it answers). */
export type Refusal = Omit<ErrorPayload, 'ref'>;

/** What the seats need of their room, and nothing more. */
export interface SeatHost {
  /** The session's join code. */
  readonly code: string;
  /** How long a dropped person may take to come back. */
  readonly reconnectSeconds: number;
  readonly log: Logger;
  /** The computer players; null on a server without them. */
  readonly bots: { wake(): void } | null;
  delegationName(d: DelegationId): Localized;
  /** The room's clients, connected or inside their reconnection window. */
  clients(): Iterable<Client>;
  client(sessionId: string): Client | undefined;
  /** Colyseus' reconnection window for a client that dropped. */
  allowReconnection(client: Client, seconds: number): Deferred<Client>;
  /** Store the roster (throws if it cannot). */
  saveRoster(roster: RosterData): void;
  /** Send a client the whole current view of its seat. */
  sendView(client: Client, viewer: ViewerSeat): void;
  /** The roster changed: publish who sits where. */
  rosterChanged(): void;
  later(work: () => void, ms: number): { clear(): void };
  talksConcluded(): boolean;
  /**
   * People taking a seat back from the computer start not ready: a "ready" (or a pass in tabling)
   * left by the computer was its decision, not theirs.
   */
  unready(d: DelegationId): void;
  /** The server is going down: people leaving now come back after the restart. */
  shuttingDown(): boolean;
}

export class RoomSeats {
  private readonly reconnections = new Map<string, Deferred<Client>>();
  private readonly absence = new Map<DelegationId, { clear(): void }>();

  private readonly host: SeatHost;
  readonly roster: Roster;

  constructor(host: SeatHost, roster: Roster) {
    this.host = host;
    this.roster = roster;
  }

  save(): void {
    this.host.saveRoster(this.roster.snapshot());
  }

  private saveOrLog(): void {
    try {
      this.save();
    } catch (error) {
      this.host.log.error({ err: error }, 'could not save the roster');
    }
  }

  /** Connected clients grouped by the seat whose view they get. */
  audiences(): Map<ViewerSeat, Client[]> {
    const out = new Map<ViewerSeat, Client[]>();
    for (const client of this.host.clients()) {
      const viewer = this.roster.viewerOf(client.sessionId);
      if (!viewer) continue;
      const list = out.get(viewer);
      if (list) list.push(client);
      else out.set(viewer, [client]);
    }
    return out;
  }

  clientsOf(viewers: readonly ViewerSeat[]): Client[] {
    return [...this.host.clients()].filter((c) => {
      const viewer = this.roster.viewerOf(c.sessionId);
      return viewer !== undefined && viewers.includes(viewer);
    });
  }

  /**
   * Who acts for this connection: its delegation (unless the computer plays it now) or the
   * facilitator; `by` is the person's name at a delegation's seat (a chat line's author).
   */
  actorFor(
    sessionId: string,
  ): { ok: true; actor: DelegationId | 'facilitator'; by?: string } | { ok: false; refusal: Refusal } {
    const connection = this.roster.connections.get(sessionId);
    if (connection?.role === 'facilitator') return { ok: true, actor: 'facilitator' };
    if (connection?.role === 'delegate' && connection.delegation) {
      const actor = connection.delegation;
      if (this.roster.control(actor).control !== 'bot') return { ok: true, actor, by: connection.name };
      const message = 'The facilitator has handed your delegation to the computer for now.';
      return { ok: false, refusal: { code: 'bot_controlled', message, ...refusalDetail('botControlled') } };
    }
    const message = 'Spectators can watch but not act.';
    return { ok: false, refusal: { code: 'not_seated', message, ...refusalDetail('notSeated') } };
  }

  /** A refusal throws: Colyseus rejects the client's `join` with its text (joinRefusal.ts). */
  join(client: Client, raw: unknown): void {
    const parsed = JoinOptions.safeParse(raw);
    if (!parsed.success) throw joinOptionsRefused(parsed.error);
    const options = parsed.data;
    const { code } = this.host;
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
        this.host.log.error({ err: error }, 'could not save the roster');
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
    this.host.sendView(client, this.roster.viewerOf(client.sessionId) as ViewerSeat);
    if (c.delegation) this.clearAbsence(c.delegation);
    if (decision.reclaimed) this.controlChanged(decision.reclaimed);
    this.host.rosterChanged();
    this.host.log.info({ role: c.role, delegation: c.delegation, reclaimed: decision.reclaimed }, 'joined');
  }

  drop(client: Client, code: number | undefined): void {
    if (!this.roster.connections.has(client.sessionId)) return; // replaced or kicked: gone for good
    // On shutdown the room is going away: the players come back with their seat keys after the restart.
    if (code === CloseCode.SERVER_SHUTDOWN) return;
    this.roster.setConnected(client.sessionId, false);
    const pending = this.host.allowReconnection(client, this.host.reconnectSeconds);
    // Rejected when the window ends (Colyseus then calls onLeave) or when the seat is reopened elsewhere.
    pending.catch(() => undefined);
    this.reconnections.set(client.sessionId, pending);
    this.host.rosterChanged();
  }

  reconnect(client: Client): void {
    this.reconnections.delete(client.sessionId);
    this.roster.setConnected(client.sessionId, true);
    // Views sent while the connection was down are lost: start again from a whole one.
    const viewer = this.roster.viewerOf(client.sessionId);
    if (viewer) this.host.sendView(client, viewer);
    this.host.rosterChanged();
  }

  /** Gone for good: left on purpose (CONSENTED: the member's place is freed), or the window ran out. */
  leave(client: Client, code?: number): void {
    this.reconnections.delete(client.sessionId);
    // After the talks there is no place to free, and the debrief still lists everyone.
    const forGood = code === CloseCode.CONSENTED && !this.host.shuttingDown() && !this.host.talksConcluded();
    const c = this.roster.leave(client.sessionId, forGood);
    if (!c) return;
    if (forGood && c.memberId) this.saveOrLog();
    if (c.delegation) this.botIfAbandoned(c.delegation);
    this.host.rosterChanged();
  }

  /** The computer takes an unpinned seat whose humans are all gone (and the game still runs). */
  botIfAbandoned(d: DelegationId): void {
    if (!this.host.bots || this.host.shuttingDown() || this.host.talksConcluded()) return;
    if (!this.roster.shouldBotTakeOver(d)) return;
    this.setControl(d, 'bot', false);
  }

  /** After a restart nobody is connected yet: give each seat's humans the reconnection window to return. */
  afterRestore(): void {
    for (const d of DELEGATION_IDS) if (this.roster.shouldBotTakeOver(d)) this.watchAbsence(d);
  }

  /** Hand the seat to the computer if its humans are not back within the reconnection window. */
  watchAbsence(d: DelegationId): void {
    this.clearAbsence(d);
    const timer = this.host.later(() => {
      this.absence.delete(d);
      this.botIfAbandoned(d);
      this.host.rosterChanged();
    }, this.host.reconnectSeconds * 1000);
    this.absence.set(d, timer);
  }

  private clearAbsence(d: DelegationId): void {
    this.absence.get(d)?.clear();
    this.absence.delete(d);
  }

  setControl(d: DelegationId, control: 'human' | 'bot', pinned: boolean): void {
    this.roster.setControl(d, { control, pinned });
    this.save();
    this.controlChanged(d);
  }

  /** Tell the delegation's people, and let the bots start or stop. */
  private controlChanged(d: DelegationId): void {
    const toBot = this.roster.control(d).control === 'bot';
    const delegation = this.host.delegationName(d);
    const notice: NoticePayload = toBot
      ? { code: 'seat.bot', message: `The computer now plays ${delegation.en}.`, params: { delegation } }
      : { code: 'seat.human', message: `${delegation.en} is back in human hands.`, params: { delegation } };
    for (const client of this.clientsOf([d])) client.send(SERVER_MESSAGE.notice, notice);
    this.host.log.info({ delegation: d, control: toBot ? 'bot' : 'human' }, 'seat control');
    if (!toBot) this.host.unready(d);
    this.host.bots?.wake();
  }

  /** Close another connection (replaced by a new tab, or kicked), including one waiting to reconnect. */
  close(sessionId: string, notice: NoticeCode, closeCode: number): void {
    this.roster.leave(sessionId);
    const pending = this.reconnections.get(sessionId);
    if (pending) {
      this.reconnections.delete(sessionId);
      pending.reject(new Error(notice));
    }
    const client = this.host.client(sessionId);
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

  /** A computer delegation is typing in a channel: those who can read it see so. */
  typing(d: DelegationId, channel: Channel, ms: number): void {
    const payload: ChatTypingPayload = { delegation: d, channel, ms };
    for (const client of this.host.clients()) {
      const viewer = this.roster.viewerOf(client.sessionId);
      if (viewer !== undefined && canRead(viewer, channel)) client.send(SERVER_MESSAGE.chatTyping, payload);
    }
  }

  /** The talks are over: nobody's seat goes to the computer any more. */
  concluded(): void {
    for (const d of DELEGATION_IDS) this.clearAbsence(d);
  }
}
