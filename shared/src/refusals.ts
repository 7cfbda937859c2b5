/**
 * Why a message was refused, as data a client can put into the player's language.
 *
 * A refusal (the `error` message, see protocol.ts, and the engine's `Rejection`) has a `code`
 * saying what kind of refusal it is (`wrong_phase`, `not_allowed`, ...), an English `message` for
 * logs, tools and docs/protocol.md, and for the client a `reason`, the exact rule that said no,
 * with the `params` its sentence needs. The client keeps one sentence per reason in each language
 * (client/src/locales: `refusal.reason.<reason>`) and one per code for a reason it does not know;
 * a test checks that both languages cover every reason and every code.
 *
 * Params are numbers, ids, or names from the scenario as `{ en, uk }` pairs, so the client words
 * the sentence without looking anything up. A param called `phase` is a phase id.
 *
 * No zod and no runtime imports: the browser bundle imports this module.
 */
import type { Localized } from './scenario/schema.ts';

export type RefusalParam = string | number | Localized;
export type RefusalParams = Record<string, RefusalParam>;

/** Every reason, with the names of the params it carries. */
export const REFUSAL_PARAMS = {
  // The engine's guard (engine/rules.ts): who may send what, when.
  unknownEvent: ['type'],
  onlyDelegation: ['type'],
  onlyFacilitator: ['type'],
  onlySystem: ['type'],
  onlyDelegationOrFacilitator: ['type'],
  talksConcluded: [],
  paused: [],
  wrongPhase: ['type', 'phase'],
  walkedOut: ['delegation'],
  // Opening statements and chat.
  statementMade: [],
  announcementsFacilitatorOnly: [],
  otherDelegationChannel: [],
  bilateralOrder: ['order'],
  notInBilateral: [],
  noPress: [],
  noSuchMessage: ['message'],
  moveChannel: [],
  moveInvalid: [],
  // Drafts, responses and signatures.
  noSuchProposal: ['proposal'],
  proposalWithdrawn: [],
  notOnTable: ['proposal'],
  ownDraft: [],
  alreadyResponded: [],
  counterMissing: [],
  notAuthor: [],
  oneDraftPerRound: ['proposal'],
  draftSealed: ['proposal'],
  notAccepted: ['proposal'],
  signatureNotRequired: ['delegation'],
  alreadySigned: [],
  // Whether a package may be put forward (the first problem; the English message lists them all).
  packageInvalid: [],
  packageEmpty: [],
  packageTooBig: ['max'],
  unknownIssue: ['issue'],
  unknownOption: ['issue', 'option'],
  clausesClash: ['clause', 'other'],
  redLineClauses: ['delegation', 'redLine', 'clauses'],
  redLinePackage: ['delegation', 'redLine'],
  // Levers.
  noSuchLever: ['lever'],
  notYourLever: ['lever', 'owner'],
  leverInUse: ['lever'],
  leverCooldown: ['lever', 'round'],
  leverUnavailable: ['lever'],
  leverNeedsSector: ['lever'],
  noSuchSector: ['sector'],
  leverTakesNoSector: ['lever'],
  // The facilitator's controls.
  alreadyPaused: [],
  notPaused: [],
  noSuchEvent: ['event'],
  eventHappened: ['event'],
  roundLimit: ['rounds'],
  noTimer: [],
  timerRunning: [],
  // The room (server/src/rooms): seats, rights, rate limit, storage.
  rateLimited: [],
  notSeated: [],
  botControlled: [],
  facilitatorOnly: [],
  noBots: [],
  noSuchParticipant: ['participant'],
  participantNotSeated: ['participant'],
  alreadyInDelegation: ['name', 'delegation'],
  delegationFull: ['delegation'],
  facilitatorNotRemovable: [],
  notRecorded: [],
  unknownMessage: ['type'],
  // A payload that fails its schema (engine/events.ts, messages.ts).
  textEmpty: [],
  textTooLong: ['max'],
  textControlCharacters: [],
  invalidPayload: ['type'],
  // A refused join (the room's onAuth and onJoin): carried in the join error's text, see joinRefusalMessage.
  protocolOutdated: ['version'],
  joinInvalid: [],
  noSession: ['code'],
  sessionEnded: ['code'],
  facilitatorKeyInvalid: ['code'],
  facilitatorsFull: ['code', 'max'],
  spectatorsFull: ['code', 'max'],
  seatKeyInvalid: ['code'],
  seatKeyOtherDelegation: ['delegation', 'asked'],
  seatComputerOnly: ['delegation'],
  teamFull: ['delegation', 'size'],
  seatNotSaved: [],
  // Too many tries from one network (or at one session's keys): `seconds` until the next try may go through.
  tooManyAttempts: ['seconds'],
  // A name that is refused (shared/src/names.ts): in a join, and checked by the client before it sends.
  nameEmpty: [],
  nameTooLong: ['max'],
  nameDirection: [],
  nameInvisible: [],
  nameStackedMarks: [],
  nameNoLetters: [],
  nameReserved: ['word'],
  nameLikeDelegation: ['delegation'],
  // The HTTP API's `{ error, reason, params }` answers (server/src/http): creating a session.
  requestInvalid: [],
  scenarioUnavailable: ['scenario'],
  sessionNotStarted: [],
  tooManySessions: ['seconds'],
  internalError: [],
  // The debrief's replay and "what if" (server/src/http/debrief.ts).
  debriefNotReady: [],
  stepOutOfRange: ['max'],
  whatIfBusy: ['seconds'],
  whatIfTooManyGames: ['max'],
  whatIfChangeNotAllowed: [],
  whatIfUnknown: [],
} as const satisfies Record<string, readonly string[]>;

export type RefusalReason = keyof typeof REFUSAL_PARAMS;
export const REFUSAL_REASONS = Object.keys(REFUSAL_PARAMS) as RefusalReason[];

/** The reasons a join is refused with (the error of `client.join`, see joinRefusalMessage). */
export const JOIN_REFUSAL_REASONS = [
  'protocolOutdated',
  'joinInvalid',
  'noSession',
  'sessionEnded',
  'facilitatorKeyInvalid',
  'facilitatorsFull',
  'spectatorsFull',
  'seatKeyInvalid',
  'seatKeyOtherDelegation',
  'seatComputerOnly',
  'teamFull',
  'seatNotSaved',
  'tooManyAttempts',
  'nameEmpty',
  'nameTooLong',
  'nameDirection',
  'nameInvisible',
  'nameStackedMarks',
  'nameNoLetters',
  'nameReserved',
  'nameLikeDelegation',
] as const satisfies readonly RefusalReason[];

/** The reasons the HTTP API answers an error with (`{ error, reason, params }`): sessions and transcripts. */
export const HTTP_REFUSAL_REASONS = [
  'requestInvalid',
  'facilitatorKeyInvalid',
  'scenarioUnavailable',
  'noBots',
  'tooManySessions',
  'sessionNotStarted',
  'internalError',
  'noSession',
  'debriefNotReady',
  'stepOutOfRange',
  'whatIfBusy',
  'whatIfTooManyGames',
  'whatIfChangeNotAllowed',
  'whatIfUnknown',
] as const satisfies readonly RefusalReason[];

/** The params object a reason needs: exactly its named params. */
export type ParamsOf<R extends RefusalReason> = { [K in (typeof REFUSAL_PARAMS)[R][number]]: RefusalParam };

/** `[]` for a reason without params, `[params]` otherwise: the rest argument of the helpers below. */
export type ParamsArg<R extends RefusalReason> = (typeof REFUSAL_PARAMS)[R] extends readonly [] ? [] : [ParamsOf<R>];

/** The reason-and-params half of a refusal (no `params` key when the reason has none). */
export interface RefusalDetail {
  reason: RefusalReason;
  params?: RefusalParams;
}

export function refusalDetail<R extends RefusalReason>(reason: R, ...params: ParamsArg<R>): RefusalDetail {
  const [values] = params as [RefusalParams?];
  return values === undefined ? { reason } : { reason, params: values };
}

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && Object.hasOwn(REFUSAL_PARAMS, value);
}

/** What a client reads back from a refusal's text: the English sentence, and the reason when it came with one. */
export interface ParsedRefusal {
  message: string;
  /** A reason this code may not know (a newer server): check it with isRefusalReason. */
  reason?: string;
  params?: RefusalParams;
}

const DETAIL_START = ' {"reason":';

/**
 * The text of a refused join. Colyseus hands the client of a failed `client.join` only a number and
 * a message, so the message carries both halves: the English sentence first (what logs, scripts and
 * older clients show), then the reason and its params as JSON, e.g.
 * `That seat key is not valid for session K7QX2M. {"reason":"seatKeyInvalid","params":{"code":"K7QX2M"}}`.
 */
export function joinRefusalMessage(message: string, detail: RefusalDetail): string {
  const json = JSON.stringify(
    detail.params ? { reason: detail.reason, params: detail.params } : { reason: detail.reason },
  );
  return `${message} ${json}`;
}

function isParam(value: unknown): value is RefusalParam {
  if (typeof value === 'string' || typeof value === 'number') return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Localized).en === 'string' &&
    typeof (value as Localized).uk === 'string'
  );
}

/** Splits a join error's text made by joinRefusalMessage; any other text is all sentence. */
export function parseJoinRefusal(text: string): ParsedRefusal {
  const at = text.lastIndexOf(DETAIL_START);
  if (at < 0) return { message: text };
  let detail: unknown;
  try {
    detail = JSON.parse(text.slice(at + 1));
  } catch {
    return { message: text };
  }
  const { reason, params } = (detail ?? {}) as { reason?: unknown; params?: unknown };
  if (typeof reason !== 'string') return { message: text };
  const out: ParsedRefusal = { message: text.slice(0, at), reason };
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    const entries = Object.entries(params).filter(([, v]) => isParam(v)) as [string, RefusalParam][];
    out.params = Object.fromEntries(entries);
  }
  return out;
}
