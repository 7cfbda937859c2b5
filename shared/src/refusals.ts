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
  // Drafts, responses and signatures.
  noSuchProposal: ['proposal'],
  proposalWithdrawn: [],
  notOnTable: ['proposal'],
  ownDraft: [],
  alreadyResponded: [],
  counterMissing: [],
  notAuthor: [],
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
} as const satisfies Record<string, readonly string[]>;

export type RefusalReason = keyof typeof REFUSAL_PARAMS;
export const REFUSAL_REASONS = Object.keys(REFUSAL_PARAMS) as RefusalReason[];

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
