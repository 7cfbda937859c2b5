/**
 * The AI delegations (see types.ts for the contract). `createBot` makes the bot of one seat of one
 * game; each call of its `decide` returns the one thing it wants to do next in the current phase,
 * with its reason, or null.
 *
 * Per phase: lobby and briefing — get ready; opening — state the public position; talks — pull a
 * lever if it helps, then get ready; tabling — the round's chair (the mediators in turn: the US,
 * then Europe; see chairOf) tables its best offer for the moment, the others pass; responses —
 * accept when the draft is worth its current aspiration (ACnext), or anything above its reservation
 * in the last round, otherwise reject naming the clause it minds most (and counter-propose above
 * novice level); signing — sign what still beats no deal.
 */
import type { ResponseReason } from '../engine/events.ts';
import { nextRandom, seedState } from '../engine/rng.ts';
import type { SeatView } from '../engine/view.ts';
import { canSign, isConcluding, ratificationProblems } from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type DelegationId, type Localized, type Package } from '../scenario/schema.ts';
import { chooseLever, lastClosed } from './levers.ts';
import { BotMemory } from './memory.ts';
import { aspiration, type OwnModel, opponentModels, ownUtility, reservation, timeOf } from './model.ts';
import { bestOwnUtility, chooseOffer, generateOffers, OfferSearch } from './offers.ts';
import { type Candidate, candidatePackage, likingOf, offerTables } from './offerTables.ts';
import type { PublicRules } from './publicRules.ts';
import { bestClause, blamedClauses, phrase, reasonsFor, withAction } from './reasons.ts';
import type { Bot, BotAction, BotDecision, BotLevel, BotOptions } from './types.ts';

/** The bot of one seat, with the memory it keeps for the rest of the game. */
export function createBot(rules: PublicRules, options: BotOptions): Bot {
  const memory = new BotMemory(rules, options.delegation);
  return { decide: (view) => decide(memory, view, options) };
}

// The mediators draft; the parties answer and counter-propose (as in the seeds' US-brokered process).
const CHAIR_ORDER: readonly DelegationId[] = ['us', 'europe'];

/** Who chairs (drafts) in a round, among the delegations still at the table. */
export function chairOf(view: SeatView): DelegationId | null {
  const present = CHAIR_ORDER.filter((d) => !view.seats[d].walkedOut);
  if (present.length === 0) return null;
  // Before the deadline the US, which wants a deal most, makes the last attempt.
  if (view.round >= view.rounds && present.includes('us')) return 'us';
  return present[(Math.max(1, view.round) - 1) % present.length] ?? null;
}

/** Level adjustments: a novice misjudges its own aspiration a little; an expert keeps it exact. */
const NOISE: Record<BotLevel, number> = { novice: 0.06, standard: 0.015, expert: 0 };

/** One decision: the bot's memory, what its seat sees now, and its own model. */
interface Turn {
  memory: BotMemory;
  view: SeatView;
  options: BotOptions;
  own: OwnModel;
  personality: NonNullable<SeatView['private'][DelegationId]>['personality'];
  /** Its delegation's name, for the action lines. */
  name: Localized;
}

function decide(memory: BotMemory, view: SeatView, options: BotOptions): BotDecision | null {
  const self = options.delegation;
  const seat = view.seats[self];
  if (seat.walkedOut || view.paused || view.phase === 'concluded') return null;
  const mine = view.private[self];
  if (!mine) return null;
  switch (view.phase) {
    case 'lobby':
    case 'briefing':
      return seat.ready ? null : decision({ type: 'seat.ready' }, phrase(memory, view, 'greeting'));
    case 'opening':
      return seat.statement !== null ? null : openingStatement(memory);
    default:
      break;
  }
  const turn: Turn = {
    memory,
    view,
    options,
    own: memory.ownModel(mine),
    personality: mine.personality,
    name: memory.scenario.delegations[self].name,
  };
  switch (view.phase) {
    case 'talks':
      return seat.ready ? null : (pullLever(turn) ?? pass(turn));
    case 'tabling':
      if (seat.ready) return null;
      return chairOf(view) === self ? (tableOffer(turn) ?? pass(turn)) : pass(turn);
    case 'responses':
      return respond(turn);
    case 'signing':
      return sign(turn);
    default:
      return null;
  }
}

function decision(action: BotAction, reason: Localized): BotDecision {
  return { action, reason };
}

/** "Russia rejects p3", in both languages. */
function act(name: Localized, en: string, uk: string): Localized {
  return { en: `${name.en} ${en}`, uk: `${name.uk} ${uk}` };
}

/** A deterministic random number for this bot at this point of the game. */
function roll(view: SeatView, options: BotOptions, salt: number): number {
  const idx = DELEGATION_IDS.indexOf(options.delegation);
  const mix = options.seed * 1_000_003 + idx * 7919 + view.round * 104_729 + view.proposals.length * 31 + salt;
  return nextRandom(seedState(mix))[0];
}

function openingStatement(memory: BotMemory): BotDecision {
  const position = memory.scenario.delegations[memory.self].publicPosition.text;
  return decision({ type: 'statement.make', text: position.en }, position);
}

/** Ready (or, in tabling, passing), saying which issue it will come back to. */
function pass(turn: Turn): BotDecision {
  return decision({ type: 'seat.ready' }, phrase(turn.memory, turn.view, 'stall', { issue: turn.own.topIssue }));
}

/** Talks: a lever worth pulling now, if any (once ready, the bot has said its piece for the month). */
function pullLever(turn: Turn): BotDecision | null {
  const { view, options, name } = turn;
  const lever = chooseLever(turn.memory, turn.own, view, turn.personality.leverUse, roll(view, options, 1));
  if (!lever) return null;
  const action: BotAction = {
    type: 'lever.use',
    lever: lever.lever.id,
    ...(lever.sector ? { sector: lever.sector } : {}),
  };
  const title = lever.lever.title;
  return decision(
    action,
    withAction({ en: `${name.en}: ${title.en}`, uk: `${name.uk}: ${title.uk}` }, phrase(turn.memory, view, 'lever')),
  );
}

/**
 * What a decision about a package weighs: the bot's reservation value, the time in the talks, and
 * (only when the decision gets that far: most answers need only the cheap part) the search over
 * its offers, which reads the opponent model.
 */
class Deliberation {
  readonly reservation: number;
  private readonly turn: Turn;
  private search: OfferSearch | null = null;

  constructor(turn: Turn) {
    this.turn = turn;
    const { memory, view, own, personality } = turn;
    this.reservation = reservation(own, view.world, memory.startWorld, personality.pressureSensitivity);
  }

  /** The offer search of this decision, made on first use. */
  offers(): OfferSearch {
    if (this.search === null) {
      const { memory, view, own, options } = this.turn;
      const models = opponentModels(memory, view, options.level);
      this.search = new OfferSearch(offerTables(memory.space, own, models, view));
    }
    return this.search;
  }

  /** Its aspiration now (with the level's misjudgement), falling from `top` to its reservation. */
  target(top: number): number {
    const { view, options, personality } = this.turn;
    const noise = (roll(view, options, 2) - 0.5) * 2 * NOISE[options.level];
    return aspiration(top, this.reservation, timeOf(view), personality.concession, personality.toughness) + noise;
  }

  /** The top of its range: its best package for itself, or its reservation if that is higher. */
  ownTop(): number {
    return Math.max(this.reservation, bestOwnUtility(this.offers()) ?? this.reservation);
  }

  /** Its candidate offers at its level. */
  candidates(): Candidate[] {
    const search = this.offers();
    return generateOffers(search, likingOf(search.tables), this.turn.options.level);
  }

  /** The package a candidate stands for. */
  packageOf(candidate: Candidate): Package {
    return candidatePackage(this.offers().tables, candidate);
  }
}

/** Tabling, as the round's chair: its best offer for the moment, amending the last refused draft. */
function tableOffer(turn: Turn): BotDecision | null {
  const deliberation = new Deliberation(turn);
  const candidates = deliberation.candidates();
  // Its aspiration falls from the best of what it could offer now.
  let top = deliberation.reservation;
  for (const c of candidates) top = Math.max(top, c.utility);
  const offer = chooseOffer(candidates, deliberation.target(top), deliberation.reservation);
  if (!offer || offer.utility <= deliberation.reservation) return null;
  const pkg = deliberation.packageOf(offer);
  const previous = lastClosed(turn.view); // what a new draft amends
  const action: BotAction = previous
    ? { type: 'proposal.amend', proposalId: previous.id, package: pkg }
    : { type: 'proposal.table', package: pkg };
  return decision(action, phrase(turn.memory, turn.view, 'table'));
}

/** The draft on the table (proposals are only ever appended: it is usually the last). */
function onTable(view: SeatView): SeatView['proposals'][number] | undefined {
  for (let i = view.proposals.length - 1; i >= 0; i -= 1) {
    const p = view.proposals[i];
    if (p && p.id === view.onTable) return p;
  }
  return undefined;
}

/** Responses: accept, reject (naming what it cannot take) or counter-propose. */
function respond(turn: Turn): BotDecision | null {
  const { memory, view, own, options, name } = turn;
  const self = memory.self;
  const p = onTable(view);
  if (p?.status !== 'tabled' || p.author === self || p.responses[self] || !p.signatories.includes(self)) {
    return null;
  }
  const { choice } = memory.packages.of(p.package);
  // Every refusal gives the table a reason, at every level: when no clause is to blame (the package
  // is simply worth too little now), the issue it will come back to.
  const withReason = (reasons: ResponseReason[]): ResponseReason[] =>
    reasons.length > 0
      ? reasons
      : [{ text: phrase(memory, view, 'stall', { issue: own.topIssue }).en.slice(0, 300), severity: 'objection' }];
  const reject = (reasons: ResponseReason[], line: Localized) =>
    decision({ type: 'proposal.respond', proposalId: p.id, response: 'reject', reasons: withReason(reasons) }, line);
  if (!canSign(own.rules, choice, view.world)) {
    const clauses = blamedClauses(own, p.package, choice, view.world);
    const first = clauses[0];
    return reject(
      reasonsFor(memory, view, clauses, 'reject-red-line'),
      withAction(
        act(name, `rejects ${p.id}`, `відхиляє ${p.id}`),
        phrase(memory, view, 'reject-red-line', first ? { clause: first } : {}),
      ),
    );
  }
  const domestic = options.level === 'novice' ? [] : ratificationProblems(own.rules, choice, view.world);
  const failing = domestic[0];
  if (failing) {
    const clauses: string[] = []; // each blamed clause once, first blamed first
    for (const problem of domestic) for (const c of problem.blame) if (!clauses.includes(c)) clauses.push(c);
    const first = clauses[0];
    return reject(
      reasonsFor(memory, view, clauses, 'reject', 'red-line'),
      withAction(
        act(
          name,
          `rejects ${p.id}: it would not survive at home (${failing.rule.title.en})`,
          `відхиляє ${p.id}: це не пройде вдома (${failing.rule.title.uk})`,
        ),
        phrase(memory, view, 'reject', first ? { clause: first } : {}),
      ),
    );
  }
  const deliberation = new Deliberation(turn);
  const utility = ownUtility(own, p.package, view.world);
  const gain = utility > deliberation.reservation;
  // A partial deal (no ceasefire) does not close the talks: any gain over no deal is worth taking,
  // as is any gain in the last round. The aspiration test last: it alone needs the opponent model.
  if (
    (gain && !isConcluding(memory.space, p.package)) ||
    (gain && view.round >= view.rounds) ||
    utility >= deliberation.target(deliberation.ownTop())
  ) {
    const clause = bestClause(own, p.package);
    // An acceptance says why too: the clause it values most in the draft.
    const why = phrase(memory, view, 'accept', clause ? { clause } : {}).en.slice(0, 300);
    return decision(
      {
        type: 'proposal.respond',
        proposalId: p.id,
        response: 'accept',
        reasons: why ? [{ ...(clause ? { clause } : {}), text: why }] : [],
      },
      withAction(
        act(name, `accepts ${p.id}`, `приймає ${p.id}`),
        phrase(memory, view, 'accept', clause ? { clause } : {}),
      ),
    );
  }
  const clauses = blamedClauses(own, p.package, choice, view.world);
  const clause = clauses[0];
  const counter =
    options.level === 'novice'
      ? null
      : chooseOffer(deliberation.candidates(), deliberation.target(deliberation.ownTop()), deliberation.reservation);
  return decision(
    {
      type: 'proposal.respond',
      proposalId: p.id,
      response: counter ? 'counter' : 'reject',
      reasons: withReason(reasonsFor(memory, view, clauses, 'reject')),
      ...(counter ? { counter: deliberation.packageOf(counter) } : {}),
    },
    withAction(
      act(name, `rejects ${p.id}`, `відхиляє ${p.id}`),
      phrase(memory, view, 'reject', clause ? { clause } : {}),
    ),
  );
}

/** Signing: sign what it still may and what still beats no deal (and, above novice, survives at home). */
function sign(turn: Turn): BotDecision | null {
  const { memory, view, own, options, name } = turn;
  const self = memory.self;
  const p = onTable(view);
  if (p?.status !== 'accepted' || !p.signatories.includes(self) || p.signatures.includes(self)) return null;
  const { choice } = memory.packages.of(p.package);
  const deliberation = new Deliberation(turn);
  const ok =
    canSign(own.rules, choice, view.world) &&
    ownUtility(own, p.package, view.world) >= deliberation.reservation - 1e-9 &&
    (options.level === 'novice' || ratificationProblems(own.rules, choice, view.world).length === 0);
  if (ok) {
    return decision(
      { type: 'agreement.sign', proposalId: p.id },
      withAction(act(name, `signs ${p.id}`, `підписує ${p.id}`), phrase(memory, view, 'sign')),
    );
  }
  return decision(
    { type: 'agreement.decline', proposalId: p.id, reason: 'The terms no longer beat continuing without a deal.' },
    withAction(
      act(name, `will not sign ${p.id}`, `не підписує ${p.id}`),
      phrase(memory, view, 'stall', { issue: own.topIssue }),
    ),
  );
}
