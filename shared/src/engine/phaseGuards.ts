/**
 * The conditions the machine's eventless transitions test (machine.ts): pure functions of the
 * context. They run after nearly every event, so they read the context directly and build nothing.
 */
import { DELEGATION_IDS } from '../scenario/ids.ts';
import { findProposal } from './rules.ts';
import type { NegotiationContext, SeatState } from './types.ts';

/** A delegation the phase still waits for: at the table and not ready (in tabling: not yet tabled or passed). */
export function stillToAct(seat: Pick<SeatState, 'ready' | 'walkedOut'>): boolean {
  return !seat.walkedOut && !seat.ready;
}

/** Every delegation still at the table is ready (or the phase is forced). */
export function allReady(ctx: NegotiationContext): boolean {
  if (ctx.advance) return true;
  for (const d of DELEGATION_IDS) if (stillToAct(ctx.seats[d])) return false;
  return true;
}

/** Every delegation still at the table has made its statement (or the phase is forced). */
export function allStatements(ctx: NegotiationContext): boolean {
  if (ctx.advance) return true;
  for (const d of DELEGATION_IDS) {
    const seat = ctx.seats[d];
    if (!seat.walkedOut && seat.statement === null) return false;
  }
  return true;
}

export function draftTabled(ctx: NegotiationContext): boolean {
  const p = ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
  return p?.status === 'tabled';
}

/** Responses close when every required signatory has answered or left, or the phase is forced. */
export function responsesComplete(ctx: NegotiationContext): boolean {
  const p = ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
  if (p?.status !== 'tabled') return true;
  return ctx.advance || p.signatories.every((d) => p.responses[d] !== undefined || ctx.seats[d].walkedOut);
}

/**
 * Does the draft on the table stand accepted once responses close? (every required signatory
 * accepted and is still at the table; read before closeResponses records it, to route the close)
 */
export function responsesAccepted(ctx: NegotiationContext): boolean {
  const p = ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
  if (p?.status !== 'tabled') return p?.status === 'accepted';
  return p.signatories.every((d) => p.responses[d]?.response === 'accept' && !ctx.seats[d].walkedOut);
}

export function allSigned(ctx: NegotiationContext): boolean {
  const p = ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
  return p?.status === 'accepted' && p.signatories.every((d) => p.signatures.includes(d));
}

/** Signing stops without an agreement when forced, refused or a signatory has left. */
export function signingFailed(ctx: NegotiationContext): boolean {
  const p = ctx.onTable ? findProposal(ctx, ctx.onTable) : undefined;
  if (p?.status !== 'accepted') return true;
  return ctx.advance || p.signatories.some((d) => ctx.seats[d].walkedOut);
}
