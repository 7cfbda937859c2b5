/**
 * The client's I/O: creates and joins sessions, keeps the seat keys, fetches the public scenario,
 * and turns everything the server sends into AppState updates. Screens call its methods; they
 * never touch the network themselves.
 */
import type { BotLevel } from '@peace-table/shared/bots/types';
import type { PlayOnAnswer } from '@peace-table/shared/debriefApi';
import {
  type ClientMessageName,
  type CreateSessionResponse,
  type JoinOptionsPayload,
  PROTOCOL_VERSION,
  type SeatKind,
} from '@peace-table/shared/protocol';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import {
  type Catalogs,
  createTranslator,
  ENGLISH,
  LOCALE_STORAGE_KEY,
  LOCALES,
  type Locale,
  loadCatalog,
  type Translator,
} from '../i18n/i18n.ts';
import type { Intent } from '../model/actions.ts';
import { markRead, stillTyping, TYPING_GRACE_MS, unsentChat } from '../model/channels.ts';
import type { PhaseSeconds } from '../model/clock.ts';
import { inEveryLanguage, noticesBetween, serverNotice } from '../model/notices.ts';
import type { Api } from '../net/api.ts';
import { saveClass } from '../net/classKeys.ts';
import { normaliseCode } from '../net/joinCode.ts';
import { rejoinOptions, type SavedSeat, type SeatStore, seatIsGone } from '../net/seatStore.ts';
import type { JoinError, Session } from '../net/session.ts';
import type { StatusCause } from '../net/status.ts';
import { type AppState, initialState, leftSession, withNotices, withView } from '../state/app.ts';
import { createStore, type Store } from '../state/store.ts';

export interface HostOptions {
  scenarioId: string;
  seats: Record<DelegationId, SeatKind>;
  teamSize: number;
  /** The clock per phase (null: no clock; phases end when everyone is ready or the facilitator says so). */
  phaseSeconds: PhaseSeconds | null;
  botLevel: BotLevel;
  name: string;
  /** Session options: the plenary only; students' names hidden from other delegations. */
  noPress: boolean;
  anonymous: boolean;
}

export interface ClassOptions extends HostOptions {
  tables: number;
  studentsChoose: boolean;
}

export interface Controller {
  store: Store<AppState>;
  api: Api;
  translator(): Translator;
  /** Switches the page's language, once its catalog is loaded. */
  setLocale(locale: Locale): Promise<void>;
  playSolo(o: { scenarioId: string; delegation: DelegationId; botLevel: BotLevel; name: string }): Promise<void>;
  host(o: HostOptions): Promise<void>;
  /**
   * Opens a class: its tables, this browser the facilitator of each (a table's join link opens its
   * console here) and the class key saved for the class console. Returns the class code.
   */
  hostClass(o: ClassOptions): Promise<string>;
  join(o: { code: string; delegation: DelegationId; name: string }): Promise<void>;
  watch(code: string): Promise<void>;
  rejoin(seat: SavedSeat): Promise<void>;
  leave(): void;
  send(intent: Intent): void;
  sendRoom(name: ClientMessageName, payload: object): void;
  /** What the player chose to look at (the stage, the tab, the channel, the debrief's replay and what-ifs). */
  select(patch: Partial<Pick<AppState, 'stage' | 'tab' | 'channel' | 'replay' | 'replayAt' | 'whatIfs'>>): void;
  /**
   * Leaves this session for one the debrief's "play on from here" opened: as its facilitator, or,
   * for a solo player, back in the same delegation's seat.
   */
  playOn(created: PlayOnAnswer): Promise<void>;
  readChannel(channel: string): void;
  dismissNotice(id: string): void;
  seats: SeatStore;
}

export interface ControllerDeps {
  api: Api;
  seats: SeatStore;
  wsUrl: string;
  locale: Locale;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The catalogs loaded before start-up (English, and the starting language); others load when chosen. */
  catalogs?: Catalogs;
}

/** The network session (@colyseus/sdk, the largest part of the client after Phaser) loads with the first join. */
const sessionModule = () => import('../net/session.ts');

/** The options a session or each table of a class opens with. */
function sessionOptions(o: Pick<HostOptions, 'teamSize' | 'phaseSeconds' | 'noPress' | 'anonymous'>) {
  return {
    teamSize: o.teamSize,
    noPress: o.noPress,
    anonymous: o.anonymous,
    ...(o.phaseSeconds ? { phaseSeconds: o.phaseSeconds } : {}),
  };
}

export function createController(deps: ControllerDeps): Controller {
  const store = createStore<AppState>(initialState(deps.locale));
  const catalogs: Catalogs = { ...deps.catalogs, en: deps.catalogs?.en ?? ENGLISH };
  let translator = createTranslator(deps.locale, catalogs);
  // Notices are worded in every language at once, so toasts on screen follow a language switch.
  let translators = everyTranslator();
  function everyTranslator() {
    return Object.fromEntries(LOCALES.map((l) => [l, createTranslator(l, catalogs)])) as Record<Locale, Translator>;
  }
  /** Fetches a language's catalog once; a failed fetch leaves English standing in. */
  async function ensureCatalog(locale: Locale): Promise<void> {
    if (catalogs[locale]) return;
    catalogs[locale] = await loadCatalog(locale);
    translators = everyTranslator();
  }
  let session: Session | null = null;
  const update = (f: (s: AppState) => AppState) => store.set(f(store.get()));

  /**
   * One request per scenario, however many state updates (or sessions in this tab) ask for it. The
   * answer is kept, not only the request: leaving a session clears the state's scenario, and the
   * next session of the same scenario must get it back from here without a new request.
   */
  const scenarioRequests = new Map<string, Promise<PublicScenario>>();
  function loadScenario(id: string): Promise<void> {
    if (store.get().scenario?.meta.id === id) return Promise.resolve();
    let request = scenarioRequests.get(id);
    if (!request) {
      request = deps.api.publicScenario(id);
      scenarioRequests.set(id, request);
      // Let a later state update try again after a failure.
      request.catch(() => scenarioRequests.delete(id));
    }
    return request.then((scenario) => {
      // Only for a session that is still open in this tab (a late answer after leaving is dropped).
      const s = store.get();
      if (s.seat && s.scenario?.meta.id !== id) update((current) => ({ ...current, scenario }));
    });
  }

  async function connect(options: JoinOptionsPayload, seat: SavedSeat, rejoining = false) {
    session?.close();
    session = null;
    update((s) => ({ ...leftSession(s), seat }));
    deps.seats.setCurrent(seat.code);
    if (seat.scenarioId) void loadScenario(seat.scenarioId).catch(() => undefined);
    // Toasts in a session are worded in every language: fetch the other catalogs meanwhile.
    for (const l of LOCALES) void ensureCatalog(l).catch(() => undefined);
    let joinError: typeof JoinError | null = null;
    try {
      const net = await sessionModule();
      joinError = net.JoinError;
      session = await net.openSession(
        deps.wsUrl,
        options,
        {
          onStatus: (status) => update((s) => ({ ...s, status })),
          onRoom: (room) => {
            update((s) => ({ ...s, room }));
            if (!store.get().scenario) void loadScenario(room.scenarioId).catch(() => undefined);
            // Remember the scenario with the seat, so a rejoin fetches it while connecting.
            const current = store.get().seat;
            if (current && current.scenarioId !== room.scenarioId && deps.seats.get(current.code)) {
              update((s) => ({ ...s, seat: deps.seats.save({ ...current, scenarioId: room.scenarioId }) }));
            }
          },
          onView: (view) =>
            update((s) => {
              const next = { ...withView(s, view), typing: stillTyping(s.typing, view.chat, Date.now()) };
              const pub = s.scenario;
              if (!pub) return next;
              return withNotices(
                next,
                inEveryLanguage(translators, (tr) => noticesBetween(pub, s.view, view, tr)),
              );
            }),
          onSeatKey: (key) => {
            const saved = deps.seats.save({
              ...seat,
              role: 'delegate',
              seatKey: key.key,
              delegation: key.delegation,
              name: key.name,
            });
            update((s) => ({ ...s, seat: saved }));
          },
          onError: (error) => update((s) => ({ ...s, lastError: { ...error, at: Date.now() } })),
          onNotice: (notice) => {
            const at = Date.now();
            update((s) =>
              withNotices(
                s,
                inEveryLanguage(translators, (tr) => [serverNotice(notice, tr, at)]),
              ),
            );
          },
          onBotReason: (reason) => update((s) => ({ ...s, botReasons: [...s.botReasons, reason].slice(-20) })),
          onTyping: (typing) => {
            const until = Date.now() + typing.ms + TYPING_GRACE_MS;
            update((s) => ({
              ...s,
              typing: [
                ...s.typing.filter((x) => x.delegation !== typing.delegation || x.channel !== typing.channel),
                { ...typing, afterSeq: s.view?.chat.at(-1)?.seq ?? 0, until },
              ],
            }));
            // No line came (refused, or the seat went back to people): stop showing it.
            setTimeout(
              () => update((s) => ({ ...s, typing: stillTyping(s.typing, s.view?.chat ?? [], Date.now()) })),
              until - Date.now() + 50,
            );
          },
          onClosed: (cause) => {
            session = null;
            forgetIfGone(seat.code, cause);
            // Lines still waiting for the connection will not be sent now: no more "waiting to send".
            update((s) => ({ ...s, status: { kind: 'closed', ...cause }, unsent: [] }));
          },
          onWaiting: (messages) => update((s) => ({ ...s, unsent: unsentChat(messages) })),
        },
        rejoining,
      );
    } catch (error) {
      // The first join failed: back to Home with the server's reason on the status line.
      deps.seats.setCurrent(null);
      const cause: StatusCause =
        joinError && error instanceof joinError ? error.statusCause() : { reason: (error as Error).message };
      forgetIfGone(seat.code, cause);
      update((s) => ({ ...leftSession(s), status: { kind: 'error', ...cause } }));
      throw error;
    }
  }

  /** A seat the facilitator removed, or whose key or session the server no longer knows, is forgotten. */
  /** Take the facilitator's seat of a session just created (hosted, or played on from a debrief). */
  async function facilitate(created: CreateSessionResponse & { scenarioId: string }, name?: string) {
    const { code, facilitatorKey, scenarioId } = created;
    const seat = deps.seats.save({ code, role: 'facilitator', scenarioId, facilitatorKey, ...(name ? { name } : {}) });
    await connect(
      { protocol: PROTOCOL_VERSION, code, role: 'facilitator', facilitatorKey, ...(name ? { name } : {}) },
      seat,
    );
    update((s) => ({ ...s, hosted: { ...created, scenarioId } }));
  }

  function forgetIfGone(code: string, cause: StatusCause) {
    if (seatIsGone(cause)) deps.seats.forget(code);
  }

  const controller: Controller = {
    store,
    api: deps.api,
    seats: deps.seats,
    translator: () => translator,
    async setLocale(locale) {
      try {
        await ensureCatalog(locale);
      } catch {
        return; // offline and not loaded yet: the page stays in its language
      }
      translator = createTranslator(locale, catalogs);
      try {
        deps.storage?.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Storage can be unavailable (private mode): the switch still works for this visit.
      }
      update((s) => ({ ...s, locale }));
    },
    async playSolo({ scenarioId, delegation, botLevel, name }) {
      const seats = { ukraine: 'bot', russia: 'bot', us: 'bot', europe: 'bot', [delegation]: 'human' } as Record<
        DelegationId,
        SeatKind
      >;
      const created = await deps.api.createSession({ scenario: scenarioId, seats, botLevel, options: { teamSize: 1 } });
      const seat = deps.seats.save({
        code: created.code,
        role: 'delegate',
        scenarioId,
        delegation,
        name,
        facilitatorKey: created.facilitatorKey,
      });
      await connect({ protocol: PROTOCOL_VERSION, code: created.code, role: 'delegate', delegation, name }, seat);
    },
    async hostClass({
      scenarioId,
      seats,
      teamSize,
      phaseSeconds,
      botLevel,
      noPress,
      anonymous,
      tables,
      studentsChoose,
    }) {
      const options = sessionOptions({ teamSize, phaseSeconds, noPress, anonymous });
      const request = { scenario: scenarioId, seats, botLevel, options, tables, studentsChoose };
      const created = await deps.api.createClass(request);
      const facilitatorKey = created.facilitatorKey;
      for (const code of created.tables) deps.seats.save({ code, role: 'facilitator', scenarioId, facilitatorKey });
      saveClass(deps.storage, { code: created.code, facilitatorKey, scenarioId });
      return created.code;
    },
    async host({ scenarioId, seats, teamSize, phaseSeconds, botLevel, name, noPress, anonymous }) {
      const options = sessionOptions({ teamSize, phaseSeconds, noPress, anonymous });
      const created = await deps.api.createSession({ scenario: scenarioId, seats, botLevel, options });
      await facilitate({ ...created, scenarioId }, name);
    },
    async playOn(created) {
      const { seat: was } = store.get();
      session?.close();
      session = null;
      update((s) => leftSession(s));
      if (was?.role === 'delegate' && was.delegation) {
        const seat = deps.seats.save({
          code: created.code,
          role: 'delegate',
          scenarioId: created.scenarioId,
          delegation: was.delegation,
          name: was.name ?? '',
          facilitatorKey: created.facilitatorKey,
        });
        const name = was.name ?? '';
        await connect(
          { protocol: PROTOCOL_VERSION, code: created.code, role: 'delegate', delegation: was.delegation, name },
          seat,
        );
        return;
      }
      await facilitate(created, was?.name);
    },
    async join({ code, delegation, name }) {
      const c = normaliseCode(code);
      const seat: SavedSeat = { code: c, role: 'delegate', delegation, name, savedAt: Date.now() };
      await connect({ protocol: PROTOCOL_VERSION, code: c, role: 'delegate', delegation, name }, seat);
    },
    async watch(code) {
      const c = normaliseCode(code);
      const seat = deps.seats.save({ code: c, role: 'spectator' });
      await connect({ protocol: PROTOCOL_VERSION, code: c, role: 'spectator' }, seat);
    },
    async rejoin(seat) {
      const options = rejoinOptions(seat, PROTOCOL_VERSION);
      if (!options) {
        deps.seats.forget(seat.code);
        return;
      }
      await connect(options, seat, true);
    },
    leave() {
      session?.close();
      session = null;
      // Leaving on purpose gives a delegate's place up and the server revokes the key; after the
      // talks the seat stays, for the debrief.
      const { seat, view } = store.get();
      if (seat?.role === 'delegate' && view?.phase !== 'concluded') deps.seats.forget(seat.code);
      deps.seats.setCurrent(null);
      update((s) => leftSession({ ...s, status: { kind: 'idle' } }));
    },
    send({ type, payload }) {
      update((s) => ({ ...s, lastError: null }));
      session?.send(type, payload);
    },
    sendRoom(name, payload) {
      session?.send(name, payload);
    },
    select(patch) {
      update((s) => ({ ...s, ...patch }));
    },
    readChannel(channel) {
      update((s) => (s.view ? { ...s, marks: markRead(s.marks, s.view.chat, channel as never) } : s));
    },
    dismissNotice(id) {
      update((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
  return controller;
}
