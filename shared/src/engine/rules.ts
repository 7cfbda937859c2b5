/**
 * Why an event is refused. Who may send which event in which phase is the table in eventRules.ts.
 *
 * `EVENT_RULES` is the single table the machine's `on` handlers are built from and that
 * docs/rules.md is generated from (a test fails if the doc drifts). `checkEvent` is the machine's
 * one guard: it returns null when the event is allowed, or a Rejection with a sentence the server
 * sends back to the player. The UI calls it too, to grey out what is not allowed.
 */
import type { ScenarioRules } from '../scenario/compiled.ts';
import { holds } from '../scenario/condition.ts';
import { DELEGATION_IDS, type DelegationId } from '../scenario/ids.ts';
import type { Scenario } from '../scenario/schema.ts';
import { BILATERAL_ORDER, isBilateralName, parseChannel } from './channels.ts';
import { coolingUntil } from './cooldowns.ts';
import { EVENT_RULES, type Who } from './eventRules.ts';
import type { ChatMove } from './events.ts';
import { sealedDraftOf } from './floor.ts';
import { draftRefusal, malformedRefusal, packageRefusal } from './packageRefusal.ts';
import { reject } from './reject.ts';
import type {
  Channel,
  EngineEvent,
  EngineEventType,
  EventOf,
  NegotiationContext,
  Proposal,
  Rejection,
} from './types.ts';

export { EVENT_RULES, type EventRule } from './eventRules.ts';
export { packageRefusal } from './packageRefusal.ts';

type WrongActor = 'onlyDelegation' | 'onlyFacilitator' | 'onlySystem' | 'onlyDelegationOrFacilitator';
const WRONG_ACTOR: Record<string, WrongActor> = {
  delegation: 'onlyDelegation',
  facilitator: 'onlyFacilitator',
  system: 'onlySystem',
  'delegation+facilitator': 'onlyDelegationOrFacilitator',
};

function isDelegation(actor: string): actor is DelegationId {
  return (DELEGATION_IDS as readonly string[]).includes(actor);
}

/** Delegations still at the table. */
export function present(ctx: NegotiationContext): DelegationId[] {
  return DELEGATION_IDS.filter((d) => !ctx.seats[d].walkedOut);
}

export function findProposal(ctx: NegotiationContext, id: string): Proposal | undefined {
  // The draft on the table, which nearly every lookup is for, is the latest proposal.
  const last = ctx.proposals[ctx.proposals.length - 1];
  if (last?.id === id) return last;
  return ctx.proposals.find((p) => p.id === id);
}

export function name(scenario: Scenario, d: DelegationId): string {
  return scenario.delegations[d].name.en;
}

/** null when the event is allowed now; otherwise why not. Pure: the machine's only guard. */
export function checkEvent(rules: ScenarioRules, ctx: NegotiationContext, event: EngineEvent): Rejection | null {
  const scenario = rules.scenario;
  const rule = EVENT_RULES[event.type];
  if (!rule) {
    const type = String((event as { type: unknown }).type);
    return reject('invalid', `unknown event "${type}"`, 'unknownEvent', { type });
  }
  const who: Who = isDelegation(event.actor) ? 'delegation' : event.actor === 'facilitator' ? 'facilitator' : 'system';
  if (!rule.who.includes(who)) {
    const allowed = rule.who.map((w) => (w === 'delegation' ? 'a delegation' : `the ${w}`)).join(' or ');
    const reason = WRONG_ACTOR[rule.who.join('+')] ?? 'onlyDelegationOrFacilitator';
    return reject('wrong_actor', `only ${allowed} may send ${event.type}`, reason, { type: event.type });
  }
  if (ctx.phase === 'concluded' && !rule.phases.includes('concluded')) {
    return reject('wrong_phase', 'the talks have concluded', 'talksConcluded');
  }
  // A pause freezes the delegations and the clock; the facilitator keeps every power.
  if (ctx.paused && who !== 'facilitator') {
    return reject('paused', 'the session is paused', 'paused');
  }
  if (!rule.phases.includes(ctx.phase)) {
    return reject('wrong_phase', `${event.type} is not allowed during ${ctx.phase}`, 'wrongPhase', {
      type: event.type,
      phase: ctx.phase,
    });
  }
  if (isDelegation(event.actor) && ctx.seats[event.actor].walkedOut) {
    return reject('not_allowed', `${name(scenario, event.actor)} has walked out of the talks`, 'walkedOut', {
      delegation: scenario.delegations[event.actor].name,
    });
  }
  return SPECIFIC[event.type]?.(rules, ctx, event as never) ?? null;
}

/** May this actor write in this channel? (chat.post and chat.move alike) */
function channelRefusal(ctx: NegotiationContext, actor: EngineEvent['actor'], target: Channel): Rejection | null {
  const channel = parseChannel(target);
  if (channel.kind === 'plenary') return null;
  if (channel.kind === 'announcements') {
    return actor === 'facilitator'
      ? null
      : reject('not_allowed', 'only the facilitator posts announcements', 'announcementsFacilitatorOnly');
  }
  if (actor === 'facilitator') return null; // the facilitator may write anywhere
  if (ctx.options.noPress) {
    return reject('not_allowed', 'this is a no-press session: talk in the plenary only', 'noPress');
  }
  if (channel.kind === 'delegation') {
    return channel.delegation === actor
      ? null
      : reject('not_allowed', "you cannot write in another delegation's channel", 'otherDelegationChannel');
  }
  if (!isBilateralName(channel.pair)) {
    const order = BILATERAL_ORDER;
    return reject('invalid', `write bilateral channels as bilateral:a+b in the order ${order}`, 'bilateralOrder', {
      order,
    });
  }
  return channel.pair.includes(actor as DelegationId)
    ? null
    : reject('not_allowed', 'you are not part of that bilateral channel', 'notInBilateral');
}

/** A structured move names real issues and options: asks about an agenda issue, floats or trades well-formed packages. */
function moveRefusal(rules: ScenarioRules, move: ChatMove): Rejection | null {
  switch (move.kind) {
    case 'ask':
      return rules.space.issueIndex.has(move.issue)
        ? null
        : reject('invalid', `there is no issue "${move.issue}" on the agenda`, 'unknownIssue', { issue: move.issue });
    case 'float':
      return malformedRefusal(rules, move.package);
    case 'trade':
      return malformedRefusal(rules, move.want) ?? malformedRefusal(rules, move.offer);
  }
}

type Check<T extends EngineEventType> = (
  rules: ScenarioRules,
  ctx: NegotiationContext,
  e: EventOf<T>,
) => Rejection | null;

/** One draft a round: a delegation with a sealed draft must withdraw it before tabling another. */
function oneDraft(ctx: NegotiationContext, who: DelegationId): Rejection | null {
  const mine = sealedDraftOf(ctx, who);
  return mine
    ? reject(
        'not_allowed',
        `you have already tabled ${mine.id} this round; withdraw it to table another`,
        'oneDraftPerRound',
        {
          proposal: mine.id,
        },
      )
    : null;
}

const SPECIFIC: { [T in EngineEventType]?: Check<T> } = {
  'seat.ready': (_rules, ctx, e) => {
    if (ctx.phase !== 'tabling' || e.ready !== false) return null;
    const mine = sealedDraftOf(ctx, e.actor as DelegationId);
    return mine
      ? reject(
          'not_allowed',
          `your draft ${mine.id} is on the floor; withdraw it to take your turn back`,
          'draftSealed',
          {
            proposal: mine.id,
          },
        )
      : null;
  },

  'statement.make': (_rules, ctx, e) =>
    ctx.seats[e.actor as DelegationId].statement !== null
      ? reject('not_allowed', 'you have already made your opening statement', 'statementMade')
      : null,

  'chat.post': (_rules, ctx, e) => {
    const refusal = channelRefusal(ctx, e.actor, e.channel);
    if (refusal || e.replyTo === undefined) return refusal;
    const original = ctx.chat[e.replyTo - 1];
    return original?.channel === e.channel
      ? null
      : reject('invalid', `there is no message ${e.replyTo} in ${e.channel} to reply to`, 'noSuchMessage', {
          message: e.replyTo,
        });
  },

  'chat.move': (rules, ctx, e) => {
    if (e.channel === 'announcements' || e.channel.startsWith('delegation:')) {
      return reject('not_allowed', 'structured moves go to the plenary or a bilateral channel', 'moveChannel');
    }
    return channelRefusal(ctx, e.actor, e.channel) ?? moveRefusal(rules, e.move);
  },

  'proposal.table': (rules, ctx, e) =>
    oneDraft(ctx, e.actor as DelegationId) ?? packageRefusal(rules, ctx, e.actor as DelegationId, e.package),

  'proposal.amend': (rules, ctx, e) => {
    const parent = findProposal(ctx, e.proposalId);
    // Another delegation's sealed draft is not yet known to the amending one.
    if (!parent || (parent.status === 'sealed' && parent.author !== e.actor)) {
      return reject('invalid', `there is no proposal "${e.proposalId}"`, 'noSuchProposal', { proposal: e.proposalId });
    }
    if (parent.status === 'withdrawn') return reject('not_allowed', 'that proposal was withdrawn', 'proposalWithdrawn');
    return oneDraft(ctx, e.actor as DelegationId) ?? packageRefusal(rules, ctx, e.actor as DelegationId, e.package);
  },

  'proposal.respond': (rules, ctx, e) => {
    const who = e.actor as DelegationId;
    const p = findProposal(ctx, e.proposalId);
    if (!p || ctx.onTable !== p.id || p.status !== 'tabled') {
      return reject('not_allowed', `"${e.proposalId}" is not the draft on the table`, 'notOnTable', {
        proposal: e.proposalId,
      });
    }
    if (p.author === who) {
      return reject('not_allowed', 'you tabled this draft; your acceptance is already recorded', 'ownDraft');
    }
    if (p.responses[who]) return reject('not_allowed', 'you have already responded to this draft', 'alreadyResponded');
    if (e.response === 'accept') return draftRefusal(rules, ctx, who, p);
    if (e.response === 'counter') {
      if (!e.counter) return reject('invalid', 'a counter-proposal needs a counter package', 'counterMissing');
      return packageRefusal(rules, ctx, who, e.counter);
    }
    return null;
  },

  'proposal.withdraw': (_rules, ctx, e) => {
    const p = findProposal(ctx, e.proposalId);
    // A draft may be withdrawn while sealed, while waiting its turn on the floor, and while answered.
    const open =
      p !== undefined &&
      ((p.status === 'sealed' && p.author === e.actor) ||
        (p.status === 'tabled' && (ctx.onTable === p.id || ctx.floor.includes(p.id))));
    if (!p || !open) {
      return reject('not_allowed', `"${e.proposalId}" is not the draft on the table`, 'notOnTable', {
        proposal: e.proposalId,
      });
    }
    return p.author === e.actor
      ? null
      : reject('not_allowed', 'only the delegation that tabled a draft can withdraw it', 'notAuthor');
  },

  'lever.use': (rules, ctx, e) => {
    const s = rules.scenario;
    const compiled = rules.levers.find((l) => l.lever.id === e.lever);
    if (!compiled) return reject('invalid', `there is no lever "${e.lever}"`, 'noSuchLever', { lever: e.lever });
    const lever = compiled.lever;
    const title = lever.title;
    if (lever.owner !== e.actor) {
      return reject('not_allowed', `${title.en} belongs to ${name(s, lever.owner)}`, 'notYourLever', {
        lever: title,
        owner: s.delegations[lever.owner].name,
      });
    }
    if (ctx.queuedLevers.some((q) => q.lever === lever.id)) {
      return reject('not_allowed', `${title.en} is already in use this round`, 'leverInUse', { lever: title });
    }
    const from = coolingUntil(ctx.seats[lever.owner].cooldowns, lever.id, ctx.round);
    if (from !== null) {
      return reject('not_allowed', `${title.en} can be used again in round ${from}`, 'leverCooldown', {
        lever: title,
        round: from,
      });
    }
    if (compiled.requires && !holds(compiled.requires, null, { world: ctx.world })) {
      return reject('not_allowed', `${title.en} cannot be used in the current situation`, 'leverUnavailable', {
        lever: title,
      });
    }
    if (lever.targetsSector) {
      if (!e.sector) return reject('invalid', `${title.en} needs a front sector`, 'leverNeedsSector', { lever: title });
      if (!s.map.sectors.some((sec) => sec.id === e.sector))
        return reject('invalid', `there is no sector "${e.sector}"`, 'noSuchSector', { sector: e.sector });
    } else if (e.sector) {
      return reject('invalid', `${title.en} does not take a sector`, 'leverTakesNoSector', { lever: title });
    }
    return null;
  },

  'agreement.sign': (rules, ctx, e) => {
    const s = rules.scenario;
    const who = e.actor as DelegationId;
    const p = findProposal(ctx, e.proposalId);
    if (!p || ctx.onTable !== p.id || p.status !== 'accepted') {
      return reject('not_allowed', `"${e.proposalId}" is not the accepted draft`, 'notAccepted', {
        proposal: e.proposalId,
      });
    }
    if (!p.signatories.includes(who)) {
      return reject('not_allowed', `${name(s, who)}'s signature is not required`, 'signatureNotRequired', {
        delegation: s.delegations[who].name,
      });
    }
    if (p.signatures.includes(who)) return reject('not_allowed', 'you have already signed', 'alreadySigned');
    return draftRefusal(rules, ctx, who, p);
  },

  'agreement.decline': ({ scenario: s }, ctx, e) => {
    const who = e.actor as DelegationId;
    const p = findProposal(ctx, e.proposalId);
    if (!p || ctx.onTable !== p.id || p.status !== 'accepted') {
      return reject('not_allowed', `"${e.proposalId}" is not the accepted draft`, 'notAccepted', {
        proposal: e.proposalId,
      });
    }
    if (!p.signatories.includes(who)) {
      return reject('not_allowed', `${name(s, who)}'s signature is not required`, 'signatureNotRequired', {
        delegation: s.delegations[who].name,
      });
    }
    return p.signatures.includes(who) ? reject('not_allowed', 'you have already signed', 'alreadySigned') : null;
  },

  'facilitator.pause': (_rules, ctx) =>
    ctx.paused ? reject('not_allowed', 'the session is already paused', 'alreadyPaused') : null,
  'facilitator.resume': (_rules, ctx) =>
    ctx.paused ? null : reject('not_allowed', 'the session is not paused', 'notPaused'),

  'facilitator.inject': ({ scenario: s }, ctx, e) => {
    const ev = s.events.find((x) => x.id === e.event);
    if (!ev) return reject('invalid', `there is no scenario event "${e.event}"`, 'noSuchEvent', { event: e.event });
    if (ev.once && ctx.fired.some((f) => f.id === ev.id))
      return reject('not_allowed', `${ev.title.en} has already happened`, 'eventHappened', { event: ev.title });
    return null;
  },

  'facilitator.extend': (_rules, ctx, e) => {
    if (e.rounds !== undefined && ctx.rounds + e.rounds > ctx.options.maxRounds) {
      return reject('not_allowed', `the talks cannot run past ${ctx.options.maxRounds} rounds`, 'roundLimit', {
        rounds: ctx.options.maxRounds,
      });
    }
    if (e.ms !== undefined && ctx.deadlineAt === null && ctx.remainingMs === null) {
      return reject('not_allowed', 'this phase has no timer to extend', 'noTimer');
    }
    return null;
  },

  'clock.deadline': (_rules, ctx, e) =>
    ctx.deadlineAt !== null && e.at >= ctx.deadlineAt
      ? null
      : reject('not_allowed', 'the phase timer has not run out', 'timerRunning'),
};
