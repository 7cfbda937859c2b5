/**
 * The negotiation room: one classroom session, hosting the engine authoritatively.
 *
 * Thin by design. A message is validated by its zod schema (Colyseus message validation), the
 * acting seat is taken from the connection (never the payload), the engine decides, the event is
 * committed to the database, and only then are its effects sent: per-seat `view.patch` messages
 * filtered by viewFor, and the public schema patch at once (broadcastPatch) instead of on the next
 * tick. A refusal goes back to the sender alone as `error {code, message, ref}`.
 *
 * Seats, bots, reconnection and facilitator tools are in roomSeats.ts; this file is the room's
 * lifecycle and its path from message to engine.
 */
import { type Client, ErrorCode, type Messages, matchMaker, Room, ServerError } from '@colyseus/core';
import type { BotDecision } from '@peace-table/shared/bots/types';
import { eventFrom } from '@peace-table/shared/engine/eventFrom';
import type { EngineEvent, EngineEventType } from '@peace-table/shared/engine/types';
import { JoinOptions } from '@peace-table/shared/messages';
import { PROTOCOL_VERSION, type ErrorCode as WireErrorCode } from '@peace-table/shared/protocol';
import { type RefusalDetail, refusalDetail } from '@peace-table/shared/refusals';
import type { DelegationId, Localized, Scenario } from '@peace-table/shared/scenario/schema';
import type { Logger } from 'pino';
import { initialRoster, MAX_FACILITATORS, Roster } from '../sessions/roster.ts';
import { hasEnded, isRunning, markEnded, markRunning, markStopped, takeTicket } from '../sessions/tickets.ts';
import type { SessionConfig } from '../sessions/types.ts';
import { BotSeats } from './botSeats.ts';
import { describeIssue, sendError } from './checkedMessage.ts';
import { GameSession } from './gameSession.ts';
import { joinRefused } from './joinRefusal.ts';
import { TokenBucket } from './rateLimit.ts';
import { buildMessages } from './roomMessages.ts';
import { RoomSeats } from './roomSeats.ts';
import type { NegotiationRoomSettings } from './roomSettings.ts';
import { createSessionState, type SessionState, syncGame } from './sessionState.ts';
import { ViewPublisher } from './views.ts';

export type { NegotiationRoomSettings };

export type SubmitOutcome =
  | { ok: true }
  | ({ ok: false; code: WireErrorCode; message: string } & Partial<RefusalDetail>);

export class NegotiationRoom extends Room<{ state: SessionState }> {
  override autoDispose = false;
  // Scripts that ignore `rate_limited` errors get disconnected by Colyseus itself.
  override maxMessagesPerSecond = 40;

  settings!: NegotiationRoomSettings;
  log!: Logger;
  config!: SessionConfig;
  scenario!: Scenario;
  session!: GameSession;
  roster!: Roster;
  views!: ViewPublisher;
  bots: BotSeats | null = null;
  seats!: RoomSeats;
  private readonly buckets = new Map<string, TokenBucket>();
  private deadline: { at: number; clear(): void } | null = null;
  private idle: { clear(): void } | null = null;
  private disposed = false;
  /** Set on a graceful shutdown: people leaving then are not leaving the game, the server is. */
  shuttingDown = false;

  override messages: Messages<NegotiationRoom> = buildMessages<NegotiationRoom>();

  /**
   * Runs before a seat is reserved: a wrong code or malformed options get a readable refusal, with
   * its reason for the client's language (joinRefusal.ts).
   */
  static override async onAuth(_token: string, options: unknown): Promise<unknown> {
    const parsed = JoinOptions.safeParse(options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue?.path[0] === 'protocol') {
        throw joinRefused(
          `This page is out of date for the server (protocol ${PROTOCOL_VERSION}). Reload the page.`,
          refusalDetail('protocolOutdated', { version: PROTOCOL_VERSION }),
        );
      }
      throw joinRefused(`Cannot join: ${describeIssue(parsed.error)}`, refusalDetail('joinInvalid'));
    }
    // Matchmaking filters rooms by the options' raw `code` right after this hook, on this same
    // object: normalising it here lets "k7q-x2m" find room K7QX2M.
    const { code } = parsed.data;
    (options as { code: string }).code = code;
    if (!(await isRunning(matchMaker.presence, code))) {
      if (await hasEnded(matchMaker.presence, code)) {
        throw joinRefused(
          `Session ${code} has ended.`,
          refusalDetail('sessionEnded', { code }),
          ErrorCode.MATCHMAKE_INVALID_CRITERIA,
        );
      }
      throw joinRefused(
        `No session with code ${code} is running. Check the code with your facilitator.`,
        refusalDetail('noSession', { code }),
        ErrorCode.MATCHMAKE_INVALID_CRITERIA,
      );
    }
    return true;
  }

  override async onCreate(options: { code: string } & NegotiationRoomSettings) {
    this.settings = options;
    const ticket = await takeTicket(this.presence, options.code);
    if (!ticket) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, `There is no session ${options.code} to open.`);
    const { store, scenarios, node } = options;
    if (ticket.kind === 'new') {
      this.config = ticket.config;
      this.scenario = await scenarios.load(this.config.scenarioId);
      this.roster = new Roster(this.config, initialRoster(this.config), this.labels());
      this.session = GameSession.start(store, this.scenario, this.config, this.roster.snapshot(), node);
    } else {
      const row = store.getSession(options.code);
      if (row?.status !== 'open') throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'nothing to restore');
      this.config = row.config;
      this.scenario = await scenarios.load(this.config.scenarioId);
      this.roster = new Roster(this.config, row.roster, this.labels());
      this.session = GameSession.restore(store, this.scenario, options.code);
    }
    this.log = options.logger.child({ session: this.config.code });
    // The join code is the room id: stable across restarts, and what the facilitator reads out.
    this.roomId = this.config.code;
    this.maxClients = 4 * this.config.teamSize + this.config.maxSpectators + MAX_FACILITATORS;
    this.patchRate = options.patchRate;
    this.state = createSessionState(this.config.code, this.scenario);
    this.views = new ViewPublisher(this.scenario, () => this.session.context);
    this.seats = new RoomSeats(this);
    if (options.createBot) {
      this.bots = new BotSeats(
        {
          scenario: this.scenario,
          context: () => this.session.context,
          isBot: (d) => this.roster.control(d).control === 'bot',
          submit: (d, decision) => this.submitBot(d, decision),
          setTimeout: (fn, ms) => this.later(fn, ms),
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
    syncGame(this.state, this.session.context);
    this.seats.sync();
    await markRunning(this.presence, this.config.code);
    this.armDeadline();
    if (ticket.kind === 'restore') this.seats.afterRestore();
    this.bots?.wake();
    this.watchIdle();
    this.log.info({ restored: ticket.kind === 'restore', events: this.session.eventCount }, 'session open');
  }

  override onJoin(client: Client, options: unknown) {
    this.seats.join(client, options);
    this.idle?.clear();
    this.idle = null;
    this.buckets.set(client.sessionId, new TokenBucket(this.settings.rateLimit, Date.now()));
  }

  override onDrop(client: Client, code?: number) {
    this.seats.drop(client, code);
  }

  override onReconnect(client: Client) {
    this.seats.reconnect(client);
  }

  override onLeave(client: Client) {
    this.buckets.delete(client.sessionId);
    this.seats.leave(client);
    if (this.clients.length === 0) this.watchIdle();
  }

  /**
   * A session nobody has been connected to for `idleMs` is closed and marked abandoned, so a
   * forgotten session does not hold memory (or come back after every restart). Its transcript stays.
   */
  private watchIdle() {
    if (this.idle || this.clients.length > 0) return;
    this.idle = this.later(() => {
      this.idle = null;
      if (this.clients.length > 0 || this.shuttingDown) return;
      if (this.session.context.phase !== 'concluded') this.settings.store.setStatus(this.config.code, 'abandoned');
      this.log.info('session closed after being idle');
      void this.disconnect();
    }, this.settings.idleMs);
  }

  override onBeforeShutdown() {
    this.shuttingDown = true;
    super.onBeforeShutdown();
  }

  override async onDispose() {
    this.disposed = true;
    this.deadline?.clear();
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
  later(work: () => void, ms: number): { clear(): void } {
    const timer = this.clock.setTimeout(() => {
      queueMicrotask(() => {
        if (!this.disposed) work();
      });
    }, ms);
    return { clear: () => timer.clear() };
  }

  private labels(): Record<DelegationId, Localized> {
    const d = this.scenario.delegations;
    return { ukraine: d.ukraine.name, russia: d.russia.name, us: d.us.name, europe: d.europe.name };
  }

  /** The per-client rate limit: true when the message may be handled. */
  allow(client: Client, name: string): boolean {
    const bucket = this.buckets.get(client.sessionId);
    const now = Date.now();
    if (!bucket || bucket.take(now)) return true;
    if (bucket.shouldWarn(now)) {
      const message = 'Too many messages: slow down a little.';
      sendError(client, { code: 'rate_limited', message, ref: name, ...refusalDetail('rateLimited') });
    }
    return false;
  }

  /** A person's action: the actor is whoever the connection sits for. */
  onRoomMessage(client: Client, name: string, payload: unknown) {
    this.seats.onRoomMessage(client, name, payload);
  }

  onAction(client: Client, type: EngineEventType, payload: object) {
    const connection = this.roster.connections.get(client.sessionId);
    let actor: EngineEvent['actor'];
    if (connection?.role === 'facilitator') actor = 'facilitator';
    else if (connection?.role === 'delegate' && connection.delegation) {
      actor = connection.delegation;
      if (this.roster.control(actor).control === 'bot') {
        const message = 'The facilitator has handed your delegation to the computer for now.';
        return sendError(client, { code: 'bot_controlled', message, ref: type, ...refusalDetail('botControlled') });
      }
    } else {
      const message = 'Spectators can watch but not act.';
      return sendError(client, { code: 'not_seated', message, ref: type, ...refusalDetail('notSeated') });
    }
    const outcome = this.submit(eventFrom(type, payload, actor, Date.now()) as EngineEvent);
    if (!outcome.ok) {
      const { ok: _ok, ...error } = outcome;
      sendError(client, { ...error, ref: type });
    }
  }

  /** The one path into the engine, for people, bots and the clock alike. */
  submit(event: EngineEvent): SubmitOutcome {
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
    if (outcome.ok) this.seats.sendBotReason(d, decision, event.at);
    return outcome.ok;
  }

  /** Send the effects of an accepted event: seat views, the public state, timers and bots. */
  afterGameChange() {
    const ctx = this.session.context;
    syncGame(this.state, ctx);
    this.views.publish(this.seats.audiences());
    this.broadcastPatch();
    this.armDeadline();
    this.bots?.wake();
    if (ctx.phase === 'concluded') this.seats.concluded();
  }

  /** Keep one clock timeout armed at the phase's deadline; it sends `clock.deadline` as 'system'. */
  private armDeadline() {
    const at = this.session.context.deadlineAt;
    if (this.deadline?.at === at) return;
    this.deadline?.clear();
    this.deadline = null;
    if (at === null) return;
    const timer = this.later(
      () => {
        this.deadline = null;
        if (this.session.context.deadlineAt !== at) return this.armDeadline();
        // The clock ticks in steps; never stamp the event before the deadline it enforces.
        const outcome = this.submit({ type: 'clock.deadline', actor: 'system', at: Math.max(Date.now(), at) });
        if (!outcome.ok) this.log.warn({ reason: outcome.message }, 'deadline refused');
      },
      Math.max(0, at - Date.now()),
    );
    this.deadline = { at, clear: () => timer.clear() };
  }
}
