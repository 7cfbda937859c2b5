/**
 * The debrief's endpoints (shared/src/debriefApi.ts lists them): the figures and the months of a
 * concluded session, its replay as a seat saw it at any step, "what if" batches and "play on from
 * here".
 *
 * Who may ask, and what they see:
 * - Only a concluded session answers: during the talks a replay or a what-if would show what other
 *   delegations have not yet revealed.
 * - The replay is always `viewFor` of one seat at that step: a caller with the join code alone gets
 *   the projector's (public) view, a seat key gets its delegation's, and the facilitator key may
 *   choose any seat. So another delegation's private chat stays private for good.
 * - What-ifs and play-on need the facilitator key: the facilitator, or the solo player, who holds
 *   the key of the session they started.
 */
import { matchMaker } from '@colyseus/core';
import type {
  ChangeOfferAnswer,
  DebriefAnswer,
  PlayOnAnswer,
  ReplayAnswer,
  WhatIfAnswer,
} from '@peace-table/shared/debriefApi';
import { canRead } from '@peace-table/shared/engine/channels';
import type { PersistedGame } from '@peace-table/shared/engine/game';
import { type ViewerSeat, viewFor } from '@peace-table/shared/engine/view';
import { normaliseJoinCode, PlayOnBody, WhatIfBody, type WhatIfChangeBody } from '@peace-table/shared/messages';
import {
  FACILITATOR_KEY_HEADER,
  JOIN_CODE_LENGTH,
  NEGOTIATION_ROOM,
  SEAT_KEY_HEADER,
} from '@peace-table/shared/protocol';
import { refusalDetail } from '@peace-table/shared/refusals';
import { publicScenario } from '@peace-table/shared/scenario/public';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/schema';
import { actualOutcome, momentOf, type WhatIfChange, WhatIfError } from '@peace-table/shared/sim/whatif';
import express, { type Request, type Response, type Router } from 'express';
import { changesAt } from '../debrief/changes.ts';
import type { SessionHistories, SessionHistory } from '../debrief/history.ts';
import type { WhatIfRunner, WhatIfState } from '../debrief/whatIfRunner.ts';
import { hashKey, keyMatches, newKey } from '../sessions/secrets.ts';
import { issueTicket } from '../sessions/tickets.ts';
import type { SessionConfig } from '../sessions/types.ts';
import type { SessionRow } from '../store/sessionStore.ts';
import { freshCode, refuse, type SessionApiDeps } from './sessions.ts';

export interface DebriefDeps extends SessionApiDeps {
  histories: SessionHistories;
  whatIfs: WhatIfRunner;
}

/** Games in a what-if when the request names none. */
export const DEFAULT_WHATIF_GAMES = 1000;

interface Caller {
  row: SessionRow;
  history: SessionHistory;
  /** Who is asking: the facilitator key, a seat key's delegation, or the join code alone. */
  seat: ViewerSeat;
}

function header(req: Request, name: string): string | undefined {
  return req.get(name)?.trim() || undefined;
}

/** The session and who asks, or an error answer already sent (null). */
async function caller(req: Request, res: Response, deps: DebriefDeps): Promise<Caller | null> {
  const code = normaliseJoinCode(String(req.params.code ?? ''));
  const row = code.length === JOIN_CODE_LENGTH ? deps.store.getSession(code) : undefined;
  const facilitatorKey = header(req, FACILITATOR_KEY_HEADER);
  const seatKey = header(req, SEAT_KEY_HEADER);
  let seat: ViewerSeat = 'spectator';
  if (facilitatorKey) {
    // Unknown session and wrong key answer alike, so codes cannot be probed with made-up keys.
    if (!row || !keyMatches(facilitatorKey, row.config.facilitatorKeyHash)) {
      refuse(
        res,
        403,
        'no session with that code and facilitator key',
        refusalDetail('facilitatorKeyInvalid', { code }),
      );
      return null;
    }
    seat = 'facilitator';
  } else if (seatKey) {
    const member = row?.roster.members.find((m) => m.keyHash !== '' && keyMatches(seatKey, m.keyHash));
    if (!row || !member) {
      refuse(res, 403, `that seat key is not valid for session ${code}`, refusalDetail('seatKeyInvalid', { code }));
      return null;
    }
    seat = member.delegation;
  }
  if (!row) {
    refuse(res, 404, `there is no session ${code}`, refusalDetail('noSession', { code }));
    return null;
  }
  let history: SessionHistory | null;
  try {
    history = await deps.histories.get(row);
  } catch (error) {
    deps.logger.error({ err: error, session: code }, 'could not replay the session');
    refuse(res, 500, 'the session could not be replayed', refusalDetail('internalError'));
    return null;
  }
  if (!history) {
    refuse(res, 409, 'the replay and what-ifs open once the talks have concluded', refusalDetail('debriefNotReady'));
    return null;
  }
  return { row, history, seat };
}

function fieldError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

function stepInRange(res: Response, history: SessionHistory, step: number): boolean {
  if (Number.isInteger(step) && step >= 0 && step <= history.steps) return true;
  refuse(res, 400, `step must be from 0 to ${history.steps}`, refusalDetail('stepOutOfRange', { max: history.steps }));
  return false;
}

function requireFacilitator(res: Response, who: Caller): boolean {
  if (who.seat === 'facilitator') return true;
  refuse(
    res,
    403,
    `send the facilitator key in the ${FACILITATOR_KEY_HEADER} header`,
    refusalDetail('facilitatorKeyInvalid', { code: who.row.code }),
  );
  return false;
}

/** The moment a what-if or play-on starts from, or an error answer already sent (null). */
function momentFor(res: Response, who: Caller, step: number, change: WhatIfChangeBody | undefined) {
  if (!stepInRange(res, who.history, step)) return null;
  const { history } = who;
  try {
    // From the kept snapshot at that step: only the change itself is stepped.
    return momentOf(
      history.engine,
      history.at(step),
      history.events.slice(step),
      0,
      change as WhatIfChange | undefined,
    );
  } catch (error) {
    if (!(error instanceof WhatIfError)) throw error;
    refuse(res, 400, error.message, refusalDetail('whatIfChangeNotAllowed'));
    return null;
  }
}

function changeLabel(who: Caller, step: number, change: WhatIfChangeBody | undefined): ChangeOfferAnswer | null {
  if (!change) return null;
  const key = JSON.stringify(change);
  const offer = changesAt(who.history, step).find((o) => JSON.stringify(o.change) === key);
  return { label: offer?.label ?? { en: change.kind, uk: change.kind }, change: change as WhatIfChange };
}

function whatIfAnswer(state: WhatIfState): WhatIfAnswer {
  return {
    id: state.id,
    status: state.status,
    step: state.step,
    change: state.change as ChangeOfferAnswer | null,
    games: state.games,
    done: state.done,
    seconds: state.seconds,
    level: state.level,
    firstSeed: state.firstSeed,
    actual: state.actual,
    summary: state.summary,
    records: state.records,
  };
}

export function debriefRouter(deps: DebriefDeps): Router {
  const router = express.Router({ mergeParams: true });
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/debrief', async (req, res) => {
    const who = await caller(req, res, deps);
    if (!who) return;
    const { history, seat } = who;
    const moments = history.events.map((event, step) => {
      const ctx = history.at(step + 1).context;
      const hidden = event.type === 'chat.post' && !canRead(seat, event.channel);
      return {
        step: step + 1,
        type: hidden ? ('private' as const) : event.type,
        actor: event.actor,
        round: ctx.round,
        month: ctx.world.month,
        phase: ctx.phase,
      };
    });
    const answer: DebriefAnswer = {
      code: who.row.code,
      steps: history.steps,
      moments,
      months: history.months(),
      analysis: history.analysis(),
      mayExplore: seat === 'facilitator',
      limits: { maxGames: deps.whatIfs.limits.maxGames, defaultGames: DEFAULT_WHATIF_GAMES },
      botLevel: who.row.config.botLevel,
    };
    res.json(answer);
  });

  router.get('/replay', async (req, res) => {
    const who = await caller(req, res, deps);
    if (!who) return;
    const step = Number(req.query.step ?? who.history.steps);
    if (!stepInRange(res, who.history, step)) return;
    const asked = String(req.query.as ?? who.seat) as ViewerSeat;
    const seats: readonly string[] = ['facilitator', 'spectator', ...DELEGATION_IDS];
    if (!seats.includes(asked))
      return refuse(res, 400, `as: must be one of ${seats.join(', ')}`, refusalDetail('requestInvalid'));
    // A delegation or the projector replays its own view (or the public one); the facilitator any.
    if (who.seat !== 'facilitator' && asked !== who.seat && asked !== 'spectator')
      return refuse(
        res,
        403,
        'only the facilitator may replay another seat’s view',
        refusalDetail('facilitatorKeyInvalid', { code: who.row.code }),
      );
    const answer: ReplayAnswer = {
      step,
      steps: who.history.steps,
      as: asked,
      view: viewFor(who.history.scenario, who.history.at(step).context, asked),
      changes: who.seat === 'facilitator' ? changesAt(who.history, step) : [],
    };
    res.json(answer);
  });

  router.post('/whatif', async (req, res) => {
    const who = await caller(req, res, deps);
    if (!who || !requireFacilitator(res, who)) return;
    const parsed = WhatIfBody.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(res, 400, fieldError(parsed.error), refusalDetail('requestInvalid'));
    const body = parsed.data;
    const games = body.games ?? DEFAULT_WHATIF_GAMES;
    const max = deps.whatIfs.limits.maxGames;
    if (games > max)
      return refuse(res, 400, `games: at most ${max} at once`, refusalDetail('whatIfTooManyGames', { max }));
    const moment = momentFor(res, who, body.step, body.change);
    if (!moment) return;
    const started = deps.whatIfs.start({
      code: who.row.code,
      step: body.step,
      change: changeLabel(who, body.step, body.change),
      scenario: who.history.scenario,
      pub: publicScenario(who.history.scenario),
      moment: who.history.engine.persist(moment),
      range: { from: body.seed ?? 1, count: games, level: body.level ?? who.row.config.botLevel },
      actual: actualOutcome(who.history.final),
    });
    if (!started.ok) {
      const seconds = started.busySeconds;
      res.set('Retry-After', String(seconds));
      return refuse(
        res,
        429,
        `the server is busy with another what-if; try again in ${seconds} s`,
        refusalDetail('whatIfBusy', { seconds }),
      );
    }
    res.status(202).json(whatIfAnswer(started.state));
  });

  const batch = (cancel: boolean) => async (req: Request, res: Response) => {
    const who = await caller(req, res, deps);
    if (!who || !requireFacilitator(res, who)) return;
    const id = String(req.params.id ?? '');
    const state = cancel ? deps.whatIfs.cancel(who.row.code, id) : deps.whatIfs.get(who.row.code, id);
    if (!state) return refuse(res, 404, 'no such what-if (it may have expired)', refusalDetail('whatIfUnknown'));
    res.json(whatIfAnswer(state));
  };
  router.get('/whatif/:id', batch(false));
  router.delete('/whatif/:id', batch(true));

  router.post('/playon', async (req, res) => {
    const who = await caller(req, res, deps);
    if (!who || !requireFacilitator(res, who)) return;
    const parsed = PlayOnBody.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(res, 400, fieldError(parsed.error), refusalDetail('requestInvalid'));
    const moment = momentFor(res, who, parsed.data.step, parsed.data.change);
    if (!moment) return;
    const seats = parsed.data.seats ?? who.row.config.seats;
    const answer = await playOn(deps, who, parsed.data.step, who.history.engine.persist(moment), seats);
    if (!answer) return refuse(res, 500, 'the session could not be started', refusalDetail('sessionNotStarted'));
    res.status(201).json(answer);
  });
  return router;
}

/**
 * A new session that starts at the moment: the same scenario, seats and settings, a new code and
 * facilitator key. A phase timer running at the moment keeps the time it had left.
 */
async function playOn(
  deps: DebriefDeps,
  who: Caller,
  step: number,
  moment: PersistedGame,
  seats: SessionConfig['seats'],
): Promise<PlayOnAnswer | null> {
  const now = Date.now();
  const ctx = moment.context;
  const at = ctx.now;
  const start: PersistedGame = {
    value: moment.value,
    context: {
      ...ctx,
      deadlineAt: ctx.deadlineAt === null ? null : now + Math.max(0, ctx.deadlineAt - at),
    },
  };
  const code = await freshCode(deps.store, deps.codeTaken);
  const facilitatorKey = newKey();
  const original = who.row.config;
  const config: SessionConfig = {
    ...original,
    code,
    seats,
    facilitatorKeyHash: hashKey(facilitatorKey),
    input: { ...original.input, now },
    start,
    origin: { code: original.code, step },
  };
  await issueTicket(matchMaker.presence, code, { kind: 'new', config });
  try {
    const room = await matchMaker.createRoom(NEGOTIATION_ROOM, { code });
    const humans = DELEGATION_IDS.filter((d: DelegationId) => seats[d] === 'human');
    deps.logger.info({ session: code, from: original.code, step, humans }, 'session played on from a moment');
    return {
      code,
      facilitatorKey,
      roomId: room.roomId,
      scenarioId: original.scenarioId,
      from: { code: original.code, step },
    };
  } catch (error) {
    deps.logger.error({ err: error, session: code }, 'could not create the played-on session');
    return null;
  }
}
