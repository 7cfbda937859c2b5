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
import { transcriptCsv, transcriptJson } from './transcript.ts';

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
}

/**
 * An error answer `{ error, reason, params }`: the English sentence, and the rule that said no for
 * a client to word it in the player's language (shared/src/refusals.ts).
 */
export function refuse(res: Response, status: number, error: string, detail: RefusalDetail) {
  return res.status(status).json({ error, ...detail });
}

function fieldError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

export async function freshCode(store: SessionStore): Promise<string> {
  // 31^6 ≈ 887 million codes: a clash is rare, but a reused code would merge two classrooms.
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = newJoinCode();
    if (!store.hasSession(code) && !(await isRunning(matchMaker.presence, code))) return code;
  }
  throw new Error('could not find a free join code');
}

export function createSessionHandler(deps: SessionApiDeps) {
  const created = new KeyedBuckets(deps.sessionLimit);
  return async (req: Request, res: Response) => {
    // Every session is kept and restored until it expires: one network may not make them by the hundred.
    const wait = created.take(requestAddress(req), Date.now());
    if (wait > 0) {
      const seconds = retrySeconds(wait);
      res.set('Retry-After', String(seconds));
      const message = `Too many sessions were created from your network. Try again in ${seconds} s.`;
      return refuse(res, 429, message, refusalDetail('tooManySessions', { seconds }));
    }
    const parsed = CreateSessionBody.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(res, 400, fieldError(parsed.error), refusalDetail('requestInvalid'));
    const body = parsed.data;
    try {
      await deps.scenarios.load(body.scenario);
    } catch (error) {
      const message = `scenario: ${(error as Error).message.split('\n')[0]}`;
      return refuse(res, 400, message, refusalDetail('scenarioUnavailable', { scenario: body.scenario }));
    }
    const botSeats = DELEGATION_IDS.filter((d) => body.seats[d] === 'bot');
    if (botSeats.length > 0 && !deps.hasBots) {
      const message = `seats.${botSeats[0]}: this server has no computer players`;
      return refuse(res, 400, message, refusalDetail('noBots'));
    }
    const options = body.options ?? {};
    const phaseMs: EngineOptions['phaseMs'] = {};
    for (const [phase, seconds] of Object.entries(options.phaseSeconds ?? {})) {
      phaseMs[phase as keyof EngineOptions['phaseMs']] = seconds * 1000;
    }
    const code = await freshCode(deps.store);
    const facilitatorKey = newKey();
    const config: SessionConfig = {
      code,
      scenarioId: body.scenario,
      seats: body.seats,
      botLevel: body.botLevel ?? 'standard',
      teamSize: options.teamSize ?? deps.defaults.teamSize,
      reconnectSeconds: options.reconnectSeconds ?? deps.defaults.reconnectSeconds,
      botDelayMs: options.botDelayMs ?? deps.defaults.botDelayMs,
      maxSpectators: deps.defaults.maxSpectators,
      facilitatorKeyHash: hashKey(facilitatorKey),
      input: {
        seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
        now: Date.now(),
        options: { phaseMs, ...(options.maxRounds !== undefined ? { maxRounds: options.maxRounds } : {}) },
      },
    };
    await issueTicket(matchMaker.presence, code, { kind: 'new', config });
    try {
      const room = await matchMaker.createRoom(NEGOTIATION_ROOM, { code });
      deps.logger.info({ session: code, scenario: body.scenario, bots: botSeats }, 'session created');
      const answer: CreateSessionResponse = { code, facilitatorKey, roomId: room.roomId };
      return res.status(201).json(answer);
    } catch (error) {
      deps.logger.error({ err: error, session: code }, 'could not create the session room');
      return refuse(res, 500, 'the session could not be started', refusalDetail('sessionNotStarted'));
    }
  };
}

/** The facilitator key from the header (or `Authorization: Bearer <key>`). */
function presentedKey(req: Request): string | undefined {
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
      return res.send(transcriptCsv(context.transcript));
    }
    return res.json(transcriptJson(row, context));
  };
}
