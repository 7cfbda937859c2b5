/**
 * The negotiation room: one classroom session, adapting Colyseus to the engine and nothing more.
 *
 * A message is validated by its zod schema (roomMessages.ts), the acting seat is taken from the
 * connection (never the payload), the engine decides, the event is committed to the database, and
 * only then are its effects sent: each seat's view patch and the public schema patch at once
 * (broadcastPatch) instead of on the next tick. A refusal goes back to the sender alone as
 * `error {code, message, ref}`.
 *
 * The rest sits behind narrow interfaces the room passes in, each in its own file: the game and
 * its persistence (GameSession), the people and their seats (RoomSeats, SeatTools), each seat's
 * view (ViewPublisher, from this room's view cache), the computer players (BotSeats), the phase
 * timer (PhaseDeadline), the frame and message limits (FrameGuard) and how long an empty session
 * waits (SessionLifetime). None of them knows the room.
 */
import { type Client, type Messages, matchMaker, Room } from '@colyseus/core';
import type { BotDecision } from '@peace-table/shared/bots/types';
import { eventFrom } from '@peace-table/shared/engine/eventFrom';
import type { EngineEvent, EngineEventType } from '@peace-table/shared/engine/types';
import { type ClassCommand, ROOM_MESSAGE, type ErrorCode as WireErrorCode } from '@peace-table/shared/protocol';
import { type RefusalDetail, refusalDetail } from '@peace-table/shared/refusals';
import type { DelegationId, Scenario } from '@peace-table/shared/scenario/schema';
import type { Logger } from 'pino';
import { MAX_FACILITATORS, type Roster } from '../sessions/roster.ts';
import { markEnded, markRunning, markStopped } from '../sessions/tickets.ts';
import type { SessionConfig } from '../sessions/types.ts';
import { BotSeats } from './botSeats.ts';
import { sendError } from './checkedMessage.ts';
import { FrameGuard } from './frameGuard.ts';
import type { GameSession } from './gameSession.ts';
import { checkJoin } from './joinRefusal.ts';
import { SessionLifetime } from './lifetime.ts';
import { openSession } from './openSession.ts';
import { PhaseDeadline } from './phaseDeadline.ts';
import { buildMessages } from './roomMessages.ts';
import { RoomSeats, type SeatHost } from './roomSeats.ts';
import type { NegotiationRoomSettings } from './roomSettings.ts';
import { SeatTools } from './seatTools.ts';
import { createSessionState, type SessionState, syncGame, syncRoster } from './sessionState.ts';
import { ViewPublisher } from './views.ts';

export type { NegotiationRoomSettings };

type SubmitOutcome = { ok: true } | ({ ok: false; code: WireErrorCode; message: string } & Partial<RefusalDetail>);

export class NegotiationRoom extends Room<{ state: SessionState }> {
  override autoDispose = false;
  override messages: Messages<NegotiationRoom> = buildMessages<NegotiationRoom>();

  private settings!: NegotiationRoomSettings;
  private log!: Logger;
  private config!: SessionConfig;
  private scenario!: Scenario;
  private session!: GameSession;
  private roster!: Roster;
  private seats!: RoomSeats;
  private tools!: SeatTools;
  private views!: ViewPublisher;
  private bots: BotSeats | null = null;
  private deadline!: PhaseDeadline;
  /** Rate limits and unreadable frames, on real time (frameGuard.ts); Colyseus' own limit is off. */
  private frames!: FrameGuard;
  private lifetime!: SessionLifetime;
  private idle: { clear(): void } | null = null;
  private disposed = false;
  /** Set on a graceful shutdown: people leaving then are not leaving the game, the server is. */
  private shuttingDown = false;

  /** Runs before a seat is reserved: a wrong code or malformed options get a readable refusal. */
  static override async onAuth(_token: string, options: unknown): Promise<unknown> {
    await checkJoin(matchMaker.presence, options);
    return true;
  }

  override async onCreate(options: { code: string } & NegotiationRoomSettings) {
    this.settings = options;
    const opened = await openSession(this.presence, options.code, options);
    ({ config: this.config, scenario: this.scenario, roster: this.roster, session: this.session } = opened);
    this.log = options.logger.child({ session: this.config.code });
    this.frames = new FrameGuard({ messages: options.rateLimit, frames: options.frameLimit, log: this.log });
    this.frames.install(this);
    this.lifetime = SessionLifetime.of(options.store, this.config.code, options, this.log);
    // The join code is the room id: stable across restarts, and what the facilitator reads out.
    this.roomId = this.config.code;
    this.maxClients = 4 * this.config.teamSize + this.config.maxSpectators + MAX_FACILITATORS;
    this.patchRate = options.patchRate;
    this.state = createSessionState(this.config.code, this.scenario);
    // This room's views of its game (a view cache by default), dropped with the room.
    this.views = new ViewPublisher(options.views(this.scenario), () => this.session.context);
    if (options.createBot) {
      this.bots = new BotSeats(
        {
          scenario: this.scenario,
          context: () => this.session.context,
          isBot: (d) => this.roster.control(d).control === 'bot',
          submit: (d, decision) => this.submitBot(d, decision),
          setTimeout: (fn, ms) => this.later(fn, ms),
          typing: (d, channel, ms) => this.seats.typing(d, channel, ms),
          log: this.log,
        },
        {
          createBot: options.createBot,
          level: this.config.botLevel,
          seed: this.config.input.seed,
          delayMs: this.config.botDelayMs,
        },
      );
    }
    const seatHost = this.seatHost();
    this.seats = new RoomSeats(seatHost, this.roster);
    this.tools = new SeatTools(seatHost, this.seats);
    this.deadline = new PhaseDeadline({
      deadlineAt: () => this.session.context.deadlineAt,
      later: (work, ms) => this.later(work, ms),
      expire: (at) => {
        const outcome = this.submit({ type: 'clock.deadline', actor: 'system', at });
        if (!outcome.ok) this.log.warn({ reason: outcome.message }, 'deadline refused');
      },
    });
    syncGame(this.state, this.session.context);
    this.syncRoster();
    await markRunning(this.presence, this.config.code);
    this.deadline.arm();
    if (opened.restored) this.seats.afterRestore();
    this.bots?.wake();
    this.watchIdle();
    this.log.info({ restored: opened.restored, events: this.session.eventCount }, 'session open');
  }

  /** What the seats may ask of the room. */
  private seatHost(): SeatHost {
    return {
      code: this.config.code,
      reconnectSeconds: this.config.reconnectSeconds,
      log: this.log,
      bots: this.bots,
      delegationName: (d) => this.scenario.delegations[d].name,
      clients: () => this.clients,
      client: (sessionId) => this.clients.getById(sessionId),
      allowReconnection: (client, seconds) => this.allowReconnection(client, seconds),
      saveRoster: (roster) => this.settings.store.saveRoster(this.config.code, roster),
      sendView: (client, viewer) => this.views.sendFull(client, viewer),
      rosterChanged: () => {
        this.syncRoster();
        this.broadcastPatch();
      },
      later: (work, ms) => this.later(work, ms),
      talksConcluded: () => this.session.context.phase === 'concluded',
      // In a phase without readiness the engine refuses the event and nothing changes.
      unready: (d) => {
        if (this.session.context.seats[d].ready)
          this.submit({ type: 'seat.ready', ready: false, actor: d, at: Date.now() });
      },
      shuttingDown: () => this.shuttingDown,
    };
  }

  private syncRoster(): void {
    const anonymous = this.session.context.options.anonymous === true;
    syncRoster(this.state, this.roster, (d) => `${this.scenario.delegations[d].name.en} (computer)`, anonymous);
  }

  override onJoin(client: Client, options: unknown) {
    this.seats.join(client, options);
    this.idle?.clear();
    this.idle = null;
    this.frames.join(client);
    this.lifetime.joined();
  }

  override onDrop(client: Client, code?: number) {
    this.seats.drop(client, code);
  }

  override onReconnect(client: Client) {
    this.frames.join(client);
    this.seats.reconnect(client);
  }

  override onLeave(client: Client, code?: number) {
    this.frames.leave(client);
    this.seats.leave(client, code);
    if (this.clients.length === 0) this.watchIdle();
  }

  /**
   * A session nobody has been connected to for `idleMs` (or nobody joined within `unjoinedMs` of
   * its creation: lifetime.ts) is closed and marked abandoned, so a forgotten session does not hold
   * memory (or come back after every restart). Its transcript stays.
   */
  private watchIdle() {
    if (this.idle || this.clients.length > 0) return;
    this.idle = this.later(() => {
      this.idle = null;
      if (this.clients.length > 0 || this.shuttingDown) return;
      if (this.session.context.phase !== 'concluded') this.settings.store.setStatus(this.config.code, 'abandoned');
      this.log.info('session closed after being idle');
      void this.disconnect();
    }, this.lifetime.emptyFor());
  }

  override onBeforeShutdown() {
    this.shuttingDown = true;
    super.onBeforeShutdown();
  }

  override async onDispose() {
    this.disposed = true;
    this.deadline.stop();
    this.idle?.clear();
    this.bots?.stopAll();
    // Concluded, or closed after being idle: late joins hear that it is over, not that the code is wrong.
    const ended =
      this.session.context.phase === 'concluded' ||
      (!this.shuttingDown && this.settings.store.getSession(this.config.code)?.status === 'abandoned');
    if (ended) await markEnded(this.presence, this.config.code);
    await markStopped(this.presence, this.config.code);
    this.log.info({ events: this.session.eventCount }, 'session closed');
  }

  /**
   * A room clock timeout whose work runs just after the clock's tick, not inside it: the work
   * calls broadcastPatch(), which ticks the same clock, and a tick inside a tick corrupts the
   * clock's list of timers. Nothing runs once the room is disposed.
   */
  private later(work: () => void, ms: number): { clear(): void } {
    const timer = this.clock.setTimeout(() => {
      queueMicrotask(() => {
        if (!this.disposed) work();
      });
    }, ms);
    return { clear: () => timer.clear() };
  }

  /** The per-client rate limit: true when the message may be handled. */
  allow(client: Client, name: string): boolean {
    return this.frames.allow(client, name);
  }

  /** A room message other than an engine event: a whole view again, or a facilitator's seat tool. */
  onRoomMessage(client: Client, name: string, payload: unknown) {
    const viewer = this.roster.viewerOf(client.sessionId);
    if (name === ROOM_MESSAGE.viewSync) {
      if (viewer) this.views.sendFull(client, viewer);
      return;
    }
    const refusal = this.tools.run(viewer, name, payload);
    if (refusal) sendError(client, { ...refusal, ref: name });
  }

  /**
   * The class console's one way into a table (classes/classApi.ts, by remote room call): pause,
   * resume or advance, as this table's facilitator would.
   */
  classCommand(type: ClassCommand): SubmitOutcome {
    return this.submit({ type, actor: 'facilitator', at: Date.now() } as EngineEvent);
  }

  /** A person's action: the actor is whoever the connection sits for, and `by` the person's name. */
  onAction(client: Client, type: EngineEventType, payload: object) {
    const seat = this.seats.actorFor(client.sessionId);
    if (!seat.ok) return sendError(client, { ...seat.refusal, ref: type });
    const sent = seat.by === undefined ? payload : { ...payload, by: seat.by };
    const outcome = this.submit(eventFrom(type, sent, seat.actor, Date.now()) as EngineEvent);
    if (!outcome.ok) {
      const { ok: _ok, ...error } = outcome;
      sendError(client, { ...error, ref: type });
    }
  }

  /** The one path into the engine, for people, bots and the clock alike. */
  private submit(event: EngineEvent): SubmitOutcome {
    const result = this.session.step(event);
    if (!result.ok) {
      if ('writeError' in result) {
        this.log.error({ err: result.writeError, type: event.type }, 'could not record an event');
        const message = 'The server could not record that; nothing changed.';
        return { ok: false, code: 'server_error', message, ...refusalDetail('notRecorded') };
      }
      return { ok: false, ...result.rejection };
    }
    this.afterGameChange();
    return { ok: true };
  }

  private submitBot(d: DelegationId, decision: BotDecision): boolean {
    const event = eventFrom(decision.action.type, decision.action, d, Date.now()) as EngineEvent;
    const outcome = this.submit(event);
    // A line in a channel speaks for itself; a move at the table is explained to the seat's people.
    if (outcome.ok && event.type !== 'chat.post') this.seats.sendBotReason(d, decision, event.at);
    return outcome.ok;
  }

  /** Send the effects of an accepted event: seat views, the public state, timers and bots. */
  private afterGameChange() {
    const ctx = this.session.context;
    syncGame(this.state, ctx);
    this.views.publish(this.seats.audiences());
    this.broadcastPatch();
    this.deadline.arm();
    this.bots?.wake();
    if (ctx.phase === 'concluded') {
      this.seats.concluded();
      // The room may close once everyone has left the debrief.
      this.autoDispose = true;
    }
  }
}
