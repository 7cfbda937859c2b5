/**
 * Session endpoints: `POST /api/sessions` creates a classroom session (one `negotiation` room) and
 * `GET /api/sessions/:code/transcript` exports its transcript for the facilitator.
 */
import { matchMaker } from '@colyseus/core';
import type { EngineOptions, NegotiationContext } from '@peace-table/shared/engine/types';
import { CreateSessionBody, normaliseJoinCode } from '@peace-table/shared/messages';
import {
  type CreateSessionResponse,
  FACILITATOR_KEY_HEADER,
  JOIN_CODE_LENGTH,
  NEGOTIATION_ROOM,
} from '@peace-table/shared/protocol';
import { type RefusalDetail, refusalDetail } from '@peace-table/shared/refusals';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/schema';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { GameSession } from '../rooms/gameSession.ts';
import type { ScenarioSource } from '../sessions/scenarios.ts';
import { hashKey, keyMatches, newJoinCode, newKey } from '../sessions/secrets.ts';
import { isRunning, issueTicket } from '../sessions/tickets.ts';
import type { SessionConfig } from '../sessions/types.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import { requestAddress } from './edge.ts';
import { type BucketLimit, KeyedBuckets, retrySeconds } from './throttle.ts';
import { exportedLines, transcriptCsv, transcriptJson } from './transcript.ts';

export interface SessionDefaults {
  reconnectSeconds: number;
  botDelayMs: number;
  teamSize: number;
  maxSpectators: number;
}

export interface SessionApiDeps {
  store: SessionStore;
  scenarios: ScenarioSource;
  hasBots: boolean;
  defaults: SessionDefaults;
  logger: Logger;
  /** Sessions an address may create: a burst, then so many a second. */
  sessionLimit: BucketLimit;
  /** Codes held by something other than a session (a class), which a new session must not take. */
  codeTaken?: (code: string) => boolean;
}

/**
 * An error answer `{ error, reason, params }`: the English sentence, and the rule that said no for
 * a client to word it in the player's language (shared/src/refusals.ts).
 */
export function refuse(res: Response, status: number, error: string, detail: RefusalDetail) {
  return res.status(status).json({ error, ...detail });
}

/** The first problem of a request body, as "field: problem". */
export function fieldError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * A join code no session or class uses yet. Class codes share the alphabet, so a student may type
 * either in the same box: `taken` says whether a class holds a code.
 */
export async function freshCode(store: SessionStore, taken: (code: string) => boolean = () => false): Promise<string> {
  // 31^6 ≈ 887 million codes: a clash is rare, but a reused code would merge two classrooms.
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = newJoinCode();
    if (!store.hasSession(code) && !taken(code) && !(await isRunning(matchMaker.presence, code))) return code;
  }
  throw new Error('could not find a free join code');
}

/** Why a session request cannot be opened: an HTTP status, the English sentence and the rule. */
export interface RequestRefusal {
  status: number;
  message: string;
  detail: RefusalDetail;
}

/** A request's scenario must load and its computer seats need computer players. */
export async function checkSessionRequest(
  deps: SessionApiDeps,
  body: CreateSessionBody,
): Promise<RequestRefusal | null> {
  try {
    await deps.scenarios.load(body.scenario);
  } catch (error) {
    const message = `scenario: ${(error as Error).message.split('\n')[0]}`;
    return { status: 400, message, detail: refusalDetail('scenarioUnavailable', { scenario: body.scenario }) };
  }
  const botSeat = DELEGATION_IDS.find((d) => body.seats[d] === 'bot');
  if (botSeat && !deps.hasBots) {
    return {
      status: 400,
      message: `seats.${botSeat}: this server has no computer players`,
      detail: refusalDetail('noBots'),
    };
  }
  return null;
}

/**
 * Opens a checked session request as a running room with a fresh code, and returns the code. The
 * facilitator key's hash comes from the caller: a session's own key, or its class's.
 */
export async function openNewSession(
  deps: SessionApiDeps,
  body: CreateSessionBody,
  facilitatorKeyHash: string,
  taken?: (code: string) => boolean,
): Promise<string> {
  const options = body.options ?? {};
  const phaseMs: EngineOptions['phaseMs'] = {};
  for (const [phase, seconds] of Object.entries(options.phaseSeconds ?? {})) {
    phaseMs[phase as keyof EngineOptions['phaseMs']] = seconds * 1000;
  }
  const code = await freshCode(deps.store, taken);
  const config: SessionConfig = {
    code,
    scenarioId: body.scenario,
    seats: body.seats,
    botLevel: body.botLevel ?? 'standard',
    teamSize: options.teamSize ?? deps.defaults.teamSize,
    reconnectSeconds: options.reconnectSeconds ?? deps.defaults.reconnectSeconds,
    botDelayMs: options.botDelayMs ?? deps.defaults.botDelayMs,
    maxSpectators: deps.defaults.maxSpectators,
    facilitatorKeyHash,
    input: {
      seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
      now: Date.now(),
      options: {
        phaseMs,
        noPress: options.noPress ?? false,
        anonymous: options.anonymous ?? false,
        ...(options.maxRounds !== undefined ? { maxRounds: options.maxRounds } : {}),
      },
    },
  };
  await issueTicket(matchMaker.presence, code, { kind: 'new', config });
  await matchMaker.createRoom(NEGOTIATION_ROOM, { code });
  return code;
}

/** Every session is kept and restored until it expires: one network may not make them by the hundred. */
export function creationLimiter(limit: BucketLimit) {
  const created = new KeyedBuckets(limit);
  return (req: Request, res: Response): boolean => {
    const wait = created.take(requestAddress(req), Date.now());
    if (wait <= 0) return true;
    const seconds = retrySeconds(wait);
    res.set('Retry-After', String(seconds));
    const message = `Too many sessions were created from your network. Try again in ${seconds} s.`;
    refuse(res, 429, message, refusalDetail('tooManySessions', { seconds }));
    return false;
  };
}

export function createSessionHandler(deps: SessionApiDeps) {
  const allowed = creationLimiter(deps.sessionLimit);
  return async (req: Request, res: Response) => {
    if (!allowed(req, res)) return;
    const parsed = CreateSessionBody.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(res, 400, fieldError(parsed.error), refusalDetail('requestInvalid'));
    const body = parsed.data;
    const refusal = await checkSessionRequest(deps, body);
    if (refusal) return refuse(res, refusal.status, refusal.message, refusal.detail);
    const facilitatorKey = newKey();
    let code: string;
    try {
      code = await openNewSession(deps, body, hashKey(facilitatorKey), deps.codeTaken);
    } catch (error) {
      deps.logger.error({ err: error }, 'could not create the session room');
      return refuse(res, 500, 'the session could not be started', refusalDetail('sessionNotStarted'));
    }
    const bots = DELEGATION_IDS.filter((d) => body.seats[d] === 'bot');
    deps.logger.info({ session: code, scenario: body.scenario, bots }, 'session created');
    const answer: CreateSessionResponse = { code, facilitatorKey, roomId: code };
    return res.status(201).json(answer);
  };
}

/** The facilitator key from the header (or `Authorization: Bearer <key>`). */
export function presentedKey(req: Request): string | undefined {
  const header = req.get(FACILITATOR_KEY_HEADER);
  if (header) return header.trim();
  const auth = req.get('authorization');
  return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined;
}

export function transcriptHandler(deps: SessionApiDeps) {
  return async (req: Request, res: Response) => {
    const format = String(req.query.format ?? 'json');
    if (format !== 'json' && format !== 'csv')
      return refuse(res, 400, 'format: must be json or csv', refusalDetail('requestInvalid'));
    const code = normaliseJoinCode(String(req.params.code ?? ''));
    const row = code.length === JOIN_CODE_LENGTH ? deps.store.getSession(code) : undefined;
    const key = presentedKey(req);
    // Worded for the facilitator's language like every other refusal (client model/refusals.ts).
    const wrongKey = refusalDetail('facilitatorKeyInvalid', { code });
    if (!key) return refuse(res, 401, `send the facilitator key in the ${FACILITATOR_KEY_HEADER} header`, wrongKey);
    // Unknown session and wrong key answer alike, so codes cannot be probed with made-up keys.
    if (!row || !keyMatches(key, row.config.facilitatorKeyHash)) {
      return refuse(res, 403, 'no session with that code and facilitator key', wrongKey);
    }
    // The same replay a restarting room does (snapshot, then every later event), on the shared engine.
    let context: NegotiationContext;
    try {
      context = GameSession.restore(deps.store, await deps.scenarios.load(row.scenarioId), code).context;
    } catch (error) {
      deps.logger.error({ err: error, session: code }, 'could not rebuild the transcript');
      return refuse(res, 500, 'the session has no saved game', refusalDetail('internalError'));
    }
    res.set('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="peace-table-${code}.csv"`);
      return res.send(transcriptCsv(exportedLines(context)));
    }
    return res.json(transcriptJson(row, context));
  };
}
