/**
 * What each accepted event does to the context. Pure functions (context in, context out); the
 * machine calls `applyEvent` only after `checkEvent` allowed the event, so these do not re-check.
 * Phase changes are not decided here: the machine's eventless transitions read the context after.
 */

import type { ScenarioRules } from '../scenario/compiled.ts';
import type { DelegationId, Localized, Scenario } from '../scenario/schema.ts';
import { APPLY_FACILITATOR } from './applyFacilitator.ts';
import { membersOf } from './channels.ts';
import { describeMove } from './chatMoves.ts';
import { usableAgainFrom } from './cooldowns.ts';
import { sealDraft } from './floor.ts';
import { concludingParties, RESPONSE_NAMES } from './round.ts';
import { findProposal } from './rules.ts';
import { withSeat } from './seats.ts';
import { actorName, append, line, ownAudience } from './transcript.ts';
import type {
  Apply,
  Audience,
  Channel,
  ChatMessage,
  EngineEvent,
  EventOf,
  NegotiationContext,
  Proposal,
  ProposalResponse,
} from './types.ts';

/** A chat line reaches the transcript of the channel's members only (everyone's, for a public channel). */
function audienceOf(channel: Channel): Audience {
  const members = membersOf(channel);
  return members === null ? 'public' : { only: members };
}

/** A chat line joins its channel and the transcript of those who may read it. */
function postChat(s: Scenario, ctx: NegotiationContext, e: EngineEvent, message: ChatMessage): NegotiationContext {
  const name = actorName(s, e.actor);
  const said: Localized = { en: message.text, uk: message.uk ?? message.text };
  return append(
    { ...ctx, chat: [...ctx.chat, message] },
    {
      actor: e.actor,
      kind: e.type,
      event: e,
      audience: audienceOf(message.channel),
      text: line((l) => `[${message.channel}] ${name[l]}: ${said[l]}`),
    },
  );
}

function updateProposal(ctx: NegotiationContext, id: string, change: (p: Proposal) => Proposal): NegotiationContext {
  return { ...ctx, proposals: ctx.proposals.map((p) => (p.id === id ? change(p) : p)) };
}

function tableDraft(rules: ScenarioRules, ctx: NegotiationContext, e: EventOf<'proposal.table' | 'proposal.amend'>) {
  const parent = e.type === 'proposal.amend' ? e.proposalId : null;
  const draft = { author: e.actor as DelegationId, package: e.package, note: e.note ?? '', parent, at: e.at };
  return sealDraft(rules, ctx, draft, e);
}

const APPLY: { [T in EngineEvent['type']]: Apply<T> } = {
  'seat.ready': ({ scenario }, ctx, e) => {
    const who = e.actor as DelegationId;
    const ready = e.ready ?? true;
    const next = { ...ctx, seats: withSeat(ctx.seats, who, { ...ctx.seats[who], ready }) };
    const name = actorName(scenario, who);
    const text =
      ctx.phase === 'tabling'
        ? { en: `${name.en} passes: no draft this round`, uk: `${name.uk}: пропускаємо, без проєкту цього раунду` }
        : ready
          ? { en: `${name.en} is ready`, uk: `${name.uk}: готові` }
          : { en: `${name.en} is not ready`, uk: `${name.uk}: не готові` };
    return append(next, { actor: who, kind: e.type, event: e, text });
  },

  'statement.make': ({ scenario: s }, ctx, e) => {
    const who = e.actor as DelegationId;
    // The statement is made to the whole table: it appears in Plenary as it is made.
    const said: ChatMessage = {
      seq: ctx.chat.length + 1,
      channel: 'plenary',
      from: who,
      ...(e.by !== undefined ? { author: e.by } : {}),
      text: e.text,
      ...(e.uk === undefined ? {} : { uk: e.uk }),
      statement: true,
      round: ctx.round,
      at: e.at,
    };
    const next = {
      ...ctx,
      seats: withSeat(ctx.seats, who, { ...ctx.seats[who], statement: e.text }),
      chat: [...ctx.chat, said],
    };
    const name = actorName(s, who);
    return append(next, {
      actor: who,
      kind: e.type,
      event: e,
      text: line((l) => `${name[l]}: «${l === 'uk' ? (e.uk ?? e.text) : e.text}»`),
    });
  },

  'chat.post': ({ scenario: s }, ctx, e) => {
    const message: ChatMessage = {
      seq: ctx.chat.length + 1,
      channel: e.channel,
      from: e.actor,
      ...(e.by !== undefined && e.actor !== 'facilitator' ? { author: e.by } : {}),
      text: e.text,
      ...(e.uk === undefined ? {} : { uk: e.uk }),
      ...(e.replyTo === undefined ? {} : { replyTo: e.replyTo }),
      round: ctx.round,
      at: e.at,
    };
    return postChat(s, ctx, e, message);
  },

  'chat.move': ({ scenario: s, space }, ctx, e) => {
    const words = describeMove(space, e.move);
    const message: ChatMessage = {
      seq: ctx.chat.length + 1,
      channel: e.channel,
      from: e.actor,
      ...(e.by !== undefined && e.actor !== 'facilitator' ? { author: e.by } : {}),
      text: words.en,
      uk: words.uk,
      move: e.move,
      round: ctx.round,
      at: e.at,
    };
    return postChat(s, ctx, e, message);
  },

  'proposal.table': tableDraft,
  'proposal.amend': tableDraft,

  'proposal.respond': ({ scenario: s }, ctx, e) => {
    const who = e.actor as DelegationId;
    const response: ProposalResponse = e.counter
      ? { response: e.response, reasons: e.reasons ?? [], counter: Object.assign({}, e.counter), at: e.at }
      : { response: e.response, reasons: e.reasons ?? [], at: e.at };
    const next = updateProposal(ctx, e.proposalId, (p) => {
      // A new record of the answers, this one added (every view and bot reads it, answer by answer).
      const responses: Partial<Record<DelegationId, ProposalResponse>> = Object.assign({}, p.responses);
      responses[who] = response;
      return { ...p, responses };
    });
    const name = actorName(s, who);
    const verdict = RESPONSE_NAMES[e.response];
    // Responses are sealed until every required signatory has answered (see round.ts closeResponses).
    return append(next, {
      actor: who,
      kind: e.type,
      event: e,
      audience: ownAudience(who),
      text: {
        en: `${name.en} answers ${e.proposalId}: ${verdict.en}`,
        uk: `${name.uk}: відповідаємо на ${e.proposalId}: ${verdict.uk}`,
      },
    });
  },

  'proposal.withdraw': ({ scenario: s }, ctx, e) => {
    const who = e.actor as DelegationId;
    const sealed = findProposal(ctx, e.proposalId)?.status === 'sealed';
    let next: NegotiationContext = {
      ...updateProposal(ctx, e.proposalId, (p) => ({ ...p, status: 'withdrawn' as const })),
      onTable: ctx.onTable === e.proposalId ? null : ctx.onTable,
      floor: ctx.floor.includes(e.proposalId) ? ctx.floor.filter((id) => id !== e.proposalId) : ctx.floor,
    };
    // Withdrawing a sealed draft gives its author the floor back: it may table another or pass.
    if (sealed) next = { ...next, seats: withSeat(next.seats, who, { ...next.seats[who], ready: false }) };
    const name = actorName(s, e.actor);
    return append(next, {
      actor: e.actor,
      kind: e.type,
      event: e,
      text: line((l) =>
        l === 'en' ? `${name.en} withdraws draft ${e.proposalId}` : `${name.uk}: відкликаємо проєкт ${e.proposalId}`,
      ),
    });
  },

  'lever.use': ({ scenario: s }, ctx, e) => {
    const lever = s.levers.find((x) => x.id === e.lever);
    if (!lever) return ctx;
    const owner = lever.owner;
    const seat = ctx.seats[owner];
    const next: NegotiationContext = {
      ...ctx,
      queuedLevers: [...ctx.queuedLevers, { lever: lever.id, owner, sector: e.sector ?? null, round: ctx.round }],
      seats: withSeat(ctx.seats, owner, {
        ...seat,
        cooldowns: { ...seat.cooldowns, [lever.id]: usableAgainFrom(lever, ctx.round) },
      }),
    };
    const name = actorName(s, owner);
    const sector = e.sector ? s.map.sectors.find((x) => x.id === e.sector)?.name : undefined;
    return append(next, {
      actor: owner,
      kind: e.type,
      event: e,
      audience: lever.visibility === 'public' ? 'public' : ownAudience(owner),
      text: sector
        ? { en: `${name.en}: ${lever.title.en} (${sector.en})`, uk: `${name.uk}: ${lever.title.uk} (${sector.uk})` }
        : { en: `${name.en}: ${lever.title.en}`, uk: `${name.uk}: ${lever.title.uk}` },
    });
  },

  'agreement.sign': ({ scenario: s }, ctx, e) => {
    const who = e.actor as DelegationId;
    const next = updateProposal(ctx, e.proposalId, (p) => ({ ...p, signatures: [...p.signatures, who] }));
    const name = actorName(s, who);
    return append(next, {
      actor: who,
      kind: e.type,
      event: e,
      text: line((l) => (l === 'en' ? `${name.en} signs ${e.proposalId}` : `${name.uk}: підписуємо ${e.proposalId}`)),
    });
  },

  'agreement.decline': ({ scenario: s }, ctx, e) => {
    const next = { ...updateProposal(ctx, e.proposalId, (p) => ({ ...p, status: 'declined' as const })) };
    const name = actorName(s, e.actor);
    const why = { en: e.reason ? `: ${e.reason}` : '', uk: e.reason ? `: ${e.uk ?? e.reason}` : '' };
    return append(next, {
      actor: e.actor,
      kind: e.type,
      event: e,
      text: line((l) =>
        l === 'en'
          ? `${name.en} refuses to sign ${e.proposalId}${why.en}`
          : `${name.uk}: відмовляємося підписати ${e.proposalId}${why.uk}`,
      ),
    });
  },

  'delegation.walkout': ({ scenario: s }, ctx, e) => {
    const who = e.actor as DelegationId;
    let next: NegotiationContext = { ...ctx, seats: withSeat(ctx.seats, who, { ...ctx.seats[who], walkedOut: true }) };
    // A party every ceasefire needs has left: nothing that ends the war can be signed any more.
    if (concludingParties(s).includes(who)) next = { ...next, ending: 'walkout' };
    // Its drafts still sealed or waiting their turn leave the floor with it.
    const gone = new Set(
      next.proposals
        .filter((x) => x.author === who && (x.status === 'sealed' || next.floor.includes(x.id)))
        .map((x) => x.id),
    );
    if (gone.size > 0) {
      next = {
        ...next,
        proposals: next.proposals.map((x) => (gone.has(x.id) ? { ...x, status: 'withdrawn' as const } : x)),
        floor: next.floor.filter((id) => !gone.has(id)),
      };
    }
    const p = next.onTable ? findProposal(next, next.onTable) : undefined;
    if (p?.status === 'accepted' && p.signatories.includes(who)) {
      next = updateProposal(next, p.id, (x) => ({ ...x, status: 'declined' }));
    }
    const name = actorName(s, who);
    const why = e.reason ? `: ${e.reason}` : '';
    return append(next, {
      actor: who,
      kind: e.type,
      event: e,
      text: line((l) =>
        l === 'en' ? `${name.en} walks out of the talks${why}` : `${name.uk}: залишаємо переговори${why}`,
      ),
    });
  },

  ...APPLY_FACILITATOR,
};

/** Apply an accepted event. The host's clock moves forward with every event. */
export function applyEvent(rules: ScenarioRules, ctx: NegotiationContext, e: EngineEvent): NegotiationContext {
  const at = Math.max(ctx.now, e.at);
  return (APPLY[e.type] as Apply<typeof e.type>)(rules, { ...ctx, now: at }, e as never);
}
