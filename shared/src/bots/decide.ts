/**
 * The AI delegations' decision function (see types.ts for the contract). One call returns the one
 * thing the bot wants to do next in the current phase, with its reason, or null.
 *
 * Per phase: lobby and briefing — get ready; opening — state the public position; talks — pull a
 * lever if it helps, then get ready; tabling — the round's chair (rotating: US, Europe, Ukraine,
 * Russia) tables its best offer for the moment, the others pass; responses — accept when the draft
 * is worth its current aspiration (ACnext), or anything above its reservation in the last round,
 * otherwise reject naming the clause it minds most (and counter-propose above novice level);
 * signing — sign what still beats no deal.
 */
import { nextRandom, seedState } from '../engine/rng.ts';
import type { SeatView } from '../engine/view.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Localized, type Package } from '../scenario/schema.ts';
import { chooseLever, lastClosed } from './levers.ts';
import {
  aspiration,
  type OwnModel,
  opponentModels,
  ownModel,
  ownUtility,
  reservation,
  startWorld,
  timeOf,
} from './model.ts';
import { candidatePackage, type OfferContext, offerContext } from './offerContext.ts';
import { bestOwnUtility, chooseOffer, generateOffers, ownRefusal } from './offers.ts';
import { ownRatificationProblems } from './ratification.ts';
import { bestClause, blamedClauses, phrase, reasonsFor, topIssue, withAction } from './reasons.ts';
import type { BotAction, BotDecision, BotLevel, BotOptions, DecideFn } from './types.ts';

// The mediators draft; the parties answer and counter-propose (as in the seeds' US-brokered process).
const CHAIR_ORDER: DelegationId[] = ['us', 'europe'];

/** Who chairs (drafts) in a round, among the delegations still at the table. */
export function chairOf(view: SeatView): DelegationId | null {
  const present = CHAIR_ORDER.filter((d) => !view.seats[d].walkedOut);
  if (present.length === 0) return null;
  // Before the deadline the US, which wants a deal most, makes the last attempt.
  if (view.round >= view.rounds && present.includes('us')) return 'us';
  return present[(Math.max(1, view.round) - 1) % present.length] ?? null;
}

/** A deterministic random number for this bot at this point of the game. */
function roll(view: SeatView, options: BotOptions, salt: number): number {
  const idx = DELEGATION_IDS.indexOf(options.delegation);
  const mix = options.seed * 1_000_003 + idx * 7919 + view.round * 104_729 + view.proposals.length * 31 + salt;
  return nextRandom(seedState(mix))[0];
}

function decision(action: BotAction, reason: Localized): BotDecision {
  return { action, reason };
}

/** Level adjustments: a novice misjudges its own aspiration a little; an expert keeps it exact. */
const NOISE: Record<BotLevel, number> = { novice: 0.06, standard: 0.015, expert: 0 };

/**
 * What a decision about a draft works from. The opponent model and the offer tables are the
 * expensive part: built at most once per call, and only when the decision needs them. (Plain
 * functions over this record rather than closures inside decide: the dev loader wraps every
 * closure it creates, once per call.)
 */
interface Deliberation {
  scenario: PublicScenario;
  view: SeatView;
  options: BotOptions;
  own: OwnModel;
  /** Reservation value and time in the talks. */
  res: number;
  t: number;
  context: OfferContext | null;
}

function contextOf(d: Deliberation): OfferContext {
  d.context ??= offerContext(
    d.scenario,
    d.own,
    opponentModels(d.scenario, d.view, d.own.self, d.options.level),
    d.view,
  );
  return d.context;
}

/** The bot's best package for itself, or its reservation value if that is higher. */
function topOf(d: Deliberation): number {
  return Math.max(d.res, bestOwnUtility(contextOf(d)) ?? d.res);
}

/** Its aspiration now, with the level's misjudgement. */
function targetOf(d: Deliberation, best: number): number {
  const personality = (d.view.private[d.own.self] as NonNullable<SeatView['private'][DelegationId]>).personality;
  return (
    aspiration(best, d.res, d.t, personality.concession, personality.toughness) +
    (roll(d.view, d.options, 2) - 0.5) * 2 * NOISE[d.options.level]
  );
}

/** "Russia rejects p3", in both languages. */
function act(name: Localized, en: string, uk: string): Localized {
  return { en: `${name.en} ${en}`, uk: `${name.uk} ${uk}` };
}

/** The draft on the table (proposals are only ever appended: it is usually the last). */
function onTable(view: SeatView): SeatView['proposals'][number] | undefined {
  for (let i = view.proposals.length - 1; i >= 0; i -= 1) {
    const p = view.proposals[i];
    if (p && p.id === view.onTable) return p;
  }
  return undefined;
}

/** A partial deal settles no issue that concludes the talks (no ceasefire). */
function isPartial(scenario: PublicScenario, pkg: Package): boolean {
  for (const i of scenario.agenda.issues)
    if (i.concludes && pkg[i.id] !== undefined && pkg[i.id] !== i.default) return false;
  return true;
}

export const decide: DecideFn = (scenario, view, options) => {
  const self = options.delegation;
  const seat = view.seats[self];
  if (seat.walkedOut || view.paused || view.phase === 'concluded') return null;
  const mine = view.private[self];
  if (!mine) return null;
  const name = scenario.delegations[self].name;

  switch (view.phase) {
    case 'lobby':
    case 'briefing':
      return seat.ready ? null : decision({ type: 'seat.ready' }, phrase(scenario, view, self, 'greeting'));
    case 'opening':
      return seat.statement !== null
        ? null
        : decision(
            { type: 'statement.make', text: scenario.delegations[self].publicPosition.text.en },
            scenario.delegations[self].publicPosition.text,
          );
    default:
      break;
  }

  const own = ownModel(view, self);
  const personality = mine.personality;
  const level = options.level;

  if (view.phase === 'talks') {
    // Levers first, then "ready": once ready, the bot has said its piece for the month.
    if (seat.ready) return null;
    const lever = chooseLever(scenario, own, view, personality.leverUse, roll(view, options, 1));
    if (lever) {
      const action: BotAction = {
        type: 'lever.use',
        lever: lever.lever.id,
        ...(lever.sector ? { sector: lever.sector } : {}),
      };
      const reason = phrase(scenario, view, self, 'lever');
      return decision(
        action,
        withAction({ en: `${name.en}: ${lever.lever.title.en}`, uk: `${name.uk}: ${lever.lever.title.uk}` }, reason),
      );
    }
    return decision({ type: 'seat.ready' }, phrase(scenario, view, self, 'stall', { issue: topIssue(own) }));
  }
  if (view.phase === 'tabling' && (seat.ready || chairOf(view) !== self)) {
    return seat.ready
      ? null
      : decision({ type: 'seat.ready' }, phrase(scenario, view, self, 'stall', { issue: topIssue(own) }));
  }

  const res = reservation(own, view, startWorld(scenario), personality.pressureSensitivity);
  const d: Deliberation = { scenario, view, options, own, res, t: timeOf(view), context: null };

  if (view.phase === 'tabling') {
    if (seat.ready) return null;
    if (chairOf(view) === self) {
      const candidates = generateOffers(contextOf(d), level);
      let best = res;
      for (const c of candidates) best = Math.max(best, c.utility);
      const offer = chooseOffer(candidates, targetOf(d, best), res);
      if (offer && offer.utility > res) {
        const previous = lastClosed(view); // what a new draft amends
        const action: BotAction = previous
          ? { type: 'proposal.amend', proposalId: previous.id, package: candidatePackage(contextOf(d), offer) }
          : { type: 'proposal.table', package: candidatePackage(contextOf(d), offer) };
        return decision(action, phrase(scenario, view, self, 'table'));
      }
    }
    return decision({ type: 'seat.ready' }, phrase(scenario, view, self, 'stall', { issue: topIssue(own) }));
  }

  const p = onTable(view);
  if (!p) return null;

  if (view.phase === 'responses') {
    if (p.status !== 'tabled' || p.author === self || p.responses[self] || !p.signatories.includes(self)) return null;
    const refusal = ownRefusal(scenario, self, p.package, view);
    const utility = ownUtility(own, p.package, view.world);
    if (refusal) {
      const clauses = blamedClauses(scenario, view, own, p.package);
      const first = clauses[0];
      return decision(
        {
          type: 'proposal.respond',
          proposalId: p.id,
          response: 'reject',
          reasons: reasonsFor(scenario, clauses, view, self, 'reject-red-line'),
        },
        withAction(
          act(name, `rejects ${p.id}`, `відхиляє ${p.id}`),
          phrase(scenario, view, self, 'reject-red-line', first ? { clause: first } : {}),
        ),
      );
    }
    const domestic = level === 'novice' ? [] : ownRatificationProblems(scenario, view, self, p.package);
    if (domestic.length > 0) {
      const clauses: string[] = []; // each blamed clause once, first blamed first
      for (const problem of domestic) for (const c of problem.blame) if (!clauses.includes(c)) clauses.push(c);
      const first = clauses[0];
      return decision(
        {
          type: 'proposal.respond',
          proposalId: p.id,
          response: 'reject',
          reasons: reasonsFor(scenario, clauses, view, self, 'reject', 'red-line'),
        },
        withAction(
          act(
            name,
            `rejects ${p.id}: it would not survive at home (${domestic[0]?.rule.title.en})`,
            `відхиляє ${p.id}: це не пройде вдома (${domestic[0]?.rule.title.uk})`,
          ),
          phrase(scenario, view, self, 'reject', first ? { clause: first } : {}),
        ),
      );
    }
    const lastRound = view.round >= view.rounds;
    // A partial deal (no ceasefire) does not close the talks: any gain over no deal is worth taking.
    // (The aspiration test last: it alone needs the opponent model and the offer tables.)
    if (
      (isPartial(scenario, p.package) && utility > res) ||
      (lastRound && utility > res) ||
      utility >= targetOf(d, topOf(d))
    ) {
      const clause = bestClause(own, p.package);
      return decision(
        { type: 'proposal.respond', proposalId: p.id, response: 'accept' },
        withAction(
          act(name, `accepts ${p.id}`, `приймає ${p.id}`),
          phrase(scenario, view, self, 'accept', clause ? { clause } : {}),
        ),
      );
    }
    const clauses = blamedClauses(scenario, view, own, p.package);
    const clause = clauses[0];
    const counter =
      level === 'novice' ? null : chooseOffer(generateOffers(contextOf(d), level), targetOf(d, topOf(d)), res);
    return decision(
      {
        type: 'proposal.respond',
        proposalId: p.id,
        response: counter ? 'counter' : 'reject',
        reasons: reasonsFor(scenario, clauses, view, self, 'reject'),
        ...(counter ? { counter: candidatePackage(contextOf(d), counter) } : {}),
      },
      withAction(
        act(name, `rejects ${p.id}`, `відхиляє ${p.id}`),
        phrase(scenario, view, self, 'reject', clause ? { clause } : {}),
      ),
    );
  }

  if (view.phase === 'signing') {
    if (p.status !== 'accepted' || !p.signatories.includes(self) || p.signatures.includes(self)) return null;
    const ok =
      ownRefusal(scenario, self, p.package, view) === null &&
      ownUtility(own, p.package, view.world) >= res - 1e-9 &&
      (level === 'novice' || ownRatificationProblems(scenario, view, self, p.package).length === 0);
    return ok
      ? decision(
          { type: 'agreement.sign', proposalId: p.id },
          withAction(act(name, `signs ${p.id}`, `підписує ${p.id}`), phrase(scenario, view, self, 'sign')),
        )
      : decision(
          {
            type: 'agreement.decline',
            proposalId: p.id,
            reason: 'The terms no longer beat continuing without a deal.',
          },
          withAction(
            act(name, `will not sign ${p.id}`, `не підписує ${p.id}`),
            phrase(scenario, view, self, 'stall', { issue: topIssue(own) }),
          ),
        );
  }
  return null;
};
