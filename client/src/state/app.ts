/**
 * The client's whole state in one plain object, and the pure rules on it: which screen to show,
 * and how incoming server data updates it. The controller (app/controller.ts) does the I/O and
 * calls these; the screens read the state and never change it directly.
 */
import type { WhatIfAnswer } from '@peace-table/shared/debriefApi';
import type { SeatView, ViewerSeat } from '@peace-table/shared/engine/view';
import type {
  BotReasonPayload,
  CreateSessionResponse,
  ErrorPayload,
  SessionStateSnapshot,
} from '@peace-table/shared/protocol';
import type { WorldState } from '@peace-table/shared/scenario/evaluate';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Locale } from '../i18n/i18n.ts';
import type { ReadMarks, Typing, UnsentLine } from '../model/channels.ts';
import type { Notice } from '../model/notices.ts';
import type { SavedSeat } from '../net/seatStore.ts';
import type { ConnectionStatus } from '../net/status.ts';

export type ScreenId = 'home' | 'connecting' | 'lobby' | 'briefing' | 'game' | 'console' | 'debrief' | 'projector';
export type StageMode = 'table' | 'map';
export type PanelTab = 'proposal' | 'channels' | 'levers' | 'briefing';

/**
 * The debrief's what-ifs in this session: the finished ones (newest last), shown and exported
 * with the figures, and the one still running on the server. Kept here, not in the debrief's
 * panel, so that a redraw (a language switch) shows them again and follows the running one.
 */
export interface WhatIfMemory {
  done: WhatIfAnswer[];
  running: { id: string; games: number } | null;
}

export interface AppState {
  locale: Locale;
  status: ConnectionStatus;
  /** Who this tab is in the current session; null at Home. */
  seat: SavedSeat | null;
  scenario: PublicScenario | null;
  room: SessionStateSnapshot | null;
  view: SeatView | null;
  /** The world before the latest change, for animated gauges and the map's front changes. */
  previousWorld: WorldState | null;
  marks: ReadMarks;
  /** Chat lines typed while the connection was down: shown as waiting until they are sent. */
  unsent: UnsentLine[];
  notices: Notice[];
  botReasons: BotReasonPayload[];
  /** Computer delegations writing in a channel right now. */
  typing: Typing[];
  /** The last refusal from the server, shown next to the action that caused it. */
  lastError: (ErrorPayload & { at: number }) | null;
  /** A session this browser just created as host, to show its code and link. */
  hosted: (CreateSessionResponse & { scenarioId: string }) | null;
  stage: StageMode;
  tab: PanelTab;
  channel: string;
  /** The debrief's replay: the view of the chosen seat at the chosen step, drawn instead of `view` by the stage. */
  replay: SeatView | null;
  /** Where the replay stands (its step and whose view): a redraw in another language comes back there. */
  replayAt: { step: number; as: ViewerSeat } | null;
  whatIfs: WhatIfMemory;
}

export function initialState(locale: Locale): AppState {
  return {
    locale,
    status: { kind: 'idle' },
    seat: null,
    scenario: null,
    room: null,
    view: null,
    previousWorld: null,
    marks: {},
    unsent: [],
    notices: [],
    botReasons: [],
    typing: [],
    lastError: null,
    hosted: null,
    stage: 'table',
    tab: 'proposal',
    channel: 'plenary',
    replay: null,
    replayAt: null,
    whatIfs: { done: [], running: null },
  };
}

export function screenFor(s: Pick<AppState, 'seat' | 'view' | 'scenario'>): ScreenId {
  if (!s.seat) return 'home';
  if (!s.view || !s.scenario) return 'connecting';
  const phase = s.view.phase;
  if (s.seat.role === 'spectator') return 'projector';
  if (s.seat.role === 'facilitator') return phase === 'concluded' ? 'debrief' : 'console';
  if (phase === 'lobby') return 'lobby';
  if (phase === 'briefing') return 'briefing';
  if (phase === 'concluded') return 'debrief';
  return 'game';
}

/** A new view arrived: keep the previous world for change animations when the world moved. */
export function withView(s: AppState, view: SeatView): AppState {
  const moved = s.view !== null && JSON.stringify(s.view.world.values) !== JSON.stringify(view.world.values);
  return { ...s, view, previousWorld: moved && s.view ? s.view.world : s.previousWorld };
}

/**
 * Keeps the newest notices (deduplicated by id), at most `limit`: three toasts are readable at a
 * glance, and more would cover the gauges when phases pass quickly (the live region announced them all).
 */
export function withNotices(s: AppState, notices: Notice[], limit = 3): AppState {
  if (notices.length === 0) return s;
  const seen = new Set(notices.map((n) => n.id));
  const all = [...s.notices.filter((n) => !seen.has(n.id)), ...notices];
  // Past the limit the oldest routine notices (a new phase, a new message) go first: news of the
  // world or of a draft (a breakthrough, a rejection) is what a player must not miss.
  while (all.length > limit) {
    const routine = all.findIndex((n) => n.tone === 'info');
    all.splice(routine === -1 ? 0 : routine, 1);
  }
  return { ...s, notices: all };
}

/** Leaving a session: back to Home, keeping the language. */
export function leftSession(s: AppState): AppState {
  return { ...initialState(s.locale), status: s.status };
}
