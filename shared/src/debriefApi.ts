/**
 * The debrief's HTTP answers (server/src/http/debrief.ts), shared by the server that sends them and
 * the client that draws them. Types only: the browser bundle imports this module.
 *
 * - GET    /api/sessions/:code/debrief          → DebriefAnswer (any seat of a concluded session)
 * - GET    /api/sessions/:code/replay?step=&as= → ReplayAnswer  (the view of that seat at that step)
 * - POST   /api/sessions/:code/whatif           → WhatIfAnswer  (facilitator key; body: WhatIfBody)
 * - GET    /api/sessions/:code/whatif/:id       → WhatIfAnswer  (progress, then the result)
 * - DELETE /api/sessions/:code/whatif/:id       → WhatIfAnswer  (cancelled)
 * - POST   /api/sessions/:code/playon           → PlayOnAnswer  (facilitator key; body: PlayOnBody)
 */
import type { BotLevel } from './bots/types.ts';
import type { DealAnalysis } from './engine/dealAnalysis.ts';
import type { Actor, EngineEventType, Phase } from './engine/types.ts';
import type { SeatView, ViewerSeat } from './engine/view.ts';
import type { CreateSessionResponse } from './protocol.ts';
import type { WorldState } from './scenario/evaluate.ts';
import type { Localized } from './scenario/schema.ts';
import type { GameRecord } from './sim/simulate.ts';
import type { ActualOutcome, WhatIfChange, WhatIfSummary } from './sim/whatif.ts';

export type { DealAnalysis };

/** One step of the event log as the asking seat may know it (another delegation's private chat shows as `private`). */
export interface ReplayStep {
  step: number;
  type: EngineEventType | 'private';
  actor: Actor;
  round: number;
  month: number;
  phase: Phase;
}

export interface DebriefAnswer {
  code: string;
  /** Steps run from 0 (the start) to `steps` (the end). */
  steps: number;
  moments: ReplayStep[];
  /** The world as every round began, and as the talks ended. */
  months: Array<{ step: number; round: number; month: number; world: WorldState }>;
  analysis: DealAnalysis;
  /** What this caller may do: replay as any seat and run what-ifs (the facilitator, or a solo player). */
  mayExplore: boolean;
  limits: { maxGames: number; defaultGames: number };
  botLevel: BotLevel;
}

export interface ChangeOfferAnswer {
  label: Localized;
  change: WhatIfChange;
}

export interface ReplayAnswer {
  step: number;
  steps: number;
  as: ViewerSeat;
  view: SeatView;
  /** The choices that could have gone otherwise at this moment (for a caller who may explore). */
  changes: ChangeOfferAnswer[];
}

export interface WhatIfAnswer {
  id: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  step: number;
  change: ChangeOfferAnswer | null;
  games: number;
  done: number;
  seconds: number | null;
  level: BotLevel;
  firstSeed: number;
  actual: ActualOutcome | null;
  summary: WhatIfSummary | null;
  /** Every game's record, once the batch is done (for the export). */
  records: GameRecord[] | null;
}

export type PlayOnAnswer = CreateSessionResponse & { scenarioId: string; from: { code: string; step: number } };
