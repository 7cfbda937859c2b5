/**
 * What one decision of a bot weighs, shared by its moves at the table (decide.ts) and its answers
 * in the channels (talk.ts), so that what it says it could accept is what it would accept: its
 * reservation value, its aspiration now, and (only when asked: it reads the opponent model) the
 * search over its offers.
 */
import { nextRandom, seedState } from '../engine/rng.ts';
import type { SeatView } from '../engine/view.ts';
import { DELEGATION_IDS, type DelegationId, type Localized, type Package } from '../scenario/schema.ts';
import type { BotMemory } from './memory.ts';
import { aspiration, type OwnModel, opponentModels, reservation, timeOf } from './model.ts';
import { bestOwnUtility, generateOffers, OfferSearch } from './offers.ts';
import { type Candidate, candidatePackage, likingOf, offerTables } from './offerTables.ts';
import type { BotLevel, BotOptions } from './types.ts';

/** Level adjustments: a novice misjudges its own aspiration a little; an expert keeps it exact. */
const NOISE: Record<BotLevel, number> = { novice: 0.06, standard: 0.015, expert: 0 };

/**
 * How hard a bot bargains at each level, as a factor on its personality's toughness (how far above
 * its walk-away value its demands start): a novice asks for less and settles sooner, an expert
 * holds out for more. The world is the same at every level; only the counterparts change.
 */
// Novice 0.3: with the mediator pressing the holdout of the closest draft (levers.ts), a skilled
// Ukraine's walk-away rises when Russia holds out, and at 0.5 it beat it in 39 % of Novice games
// (the aim is 40 %); at 0.3, 50 %.
const TOUGHNESS: Record<BotLevel, number> = { novice: 0.3, standard: 1, expert: 1.3 };

/**
 * How much of the margin its aspiration now holds over no deal a bot wants from a partial deal
 * (a prisoner exchange, a grain corridor: the talks stay open) before it takes one. A novice or
 * standard delegation takes any gain; an expert bargains over partial deals too and holds out for
 * part of what it aims at, which shrinks as the months run out.
 */
const PARTIAL_SHARE: Record<BotLevel, number> = { novice: 0, standard: 0, expert: 0.1 };

/** One decision: the bot's memory, what its seat sees now, and its own model. */
export interface Turn {
  memory: BotMemory;
  view: SeatView;
  options: BotOptions;
  own: OwnModel;
  personality: NonNullable<SeatView['private'][DelegationId]>['personality'];
  /** Its delegation's name, for the action lines. */
  name: Localized;
}

/** The turn of a bot whose seat reads its own private content `mine` in this view. */
export function turnOf(
  memory: BotMemory,
  view: SeatView,
  options: BotOptions,
  mine: NonNullable<SeatView['private'][DelegationId]>,
): Turn {
  return {
    memory,
    view,
    options,
    own: memory.ownModel(mine),
    personality: mine.personality,
    name: memory.scenario.delegations[memory.self].name,
  };
}

/** A deterministic random number for this bot at this point of the game. */
export function roll(view: SeatView, options: BotOptions, salt: number): number {
  const idx = DELEGATION_IDS.indexOf(options.delegation);
  const mix = options.seed * 1_000_003 + idx * 7919 + view.round * 104_729 + view.proposals.length * 31 + salt;
  return nextRandom(seedState(mix))[0];
}

/**
 * What a decision about a package weighs: the bot's reservation value, the time in the talks, and
 * (only when the decision gets that far: most answers need only the cheap part) the search over
 * its offers, which reads the opponent model.
 */
export class Deliberation {
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
      const { memory, view, own } = this.turn;
      const models = opponentModels(memory, view);
      this.search = new OfferSearch(offerTables(memory.space, own, models, view));
    }
    return this.search;
  }

  /** Its aspiration now (with the level's misjudgement), falling from `top` to its reservation. */
  target(top: number): number {
    const { view, options, personality } = this.turn;
    const noise = (roll(view, options, 2) - 0.5) * 2 * NOISE[options.level];
    const toughness = Math.min(1, personality.toughness * TOUGHNESS[options.level]);
    return aspiration(top, this.reservation, timeOf(view), personality.concession, toughness) + noise;
  }

  /** The top of its range: its best package for itself, or its reservation if that is higher. */
  ownTop(): number {
    return Math.max(this.reservation, bestOwnUtility(this.offers()) ?? this.reservation);
  }

  /**
   * Whether it takes a package it can sign and that would pass at home, worth `utility` to it: a
   * settlement worth its aspiration now (which a novice misjudges); a partial deal (`concluding`
   * false) worth more than no deal, at expert level by part of its aspiration's margin. The
   * aspiration is weighed last: it alone needs the opponent model.
   */
  accepts(utility: number, concluding: boolean): boolean {
    const aim = () => this.target(this.ownTop());
    if (concluding || utility <= this.reservation) return utility >= aim();
    const share = PARTIAL_SHARE[this.turn.options.level];
    return share === 0 || utility >= this.reservation + share * Math.max(0, aim() - this.reservation);
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
