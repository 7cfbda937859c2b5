/**
 * The AI delegations (see types.ts for the contract). `createBot` makes the bot of one seat of one
 * game; each call of its `decide` returns the one thing it wants to do next in the current phase,
 * with its reason, or null.
 *
 * Per phase: lobby and briefing — get ready; opening — state the public position; talks — pull a
 * lever if it helps, then get ready; tabling — the round's chair (the mediators in turn: the US,
 * then Europe; see chairOf) tables its best offer for the moment (now and then, after a refusal, a
 * tactical partial deal), the others pass; responses — accept a settlement worth its current
 * aspiration (ACnext) and a partial deal worth more than no deal (an expert: by part of its
 * aspiration's margin), in any round alike (Deliberation.accepts, as its answers in the channels), otherwise
 * reject naming the clause it minds most (and counter-propose above novice level); signing — sign
 * what still beats no deal.
 */
import type { ResponseReason } from '../engine/events.ts';
import type { SeatView } from '../engine/view.ts';
import { canSign, isConcluding, ratificationProblems } from '../scenario/evaluate.ts';
import type { DelegationId, Localized } from '../scenario/schema.ts';
import { clauseLabel, packageOf } from '../scenario/space.ts';
import { Deliberation, roll, type Turn, turnOf } from './deliberation.ts';
import { chooseLever, lastClosed } from './levers.ts';
import { BotMemory } from './memory.ts';
import { ownUtility } from './model.ts';
import { chooseOffer, chooseTabling, concludesTalks } from './offers.ts';
import type { Candidate } from './offerTables.ts';
import type { PublicRules } from './publicRules.ts';
import { bestClause, blamedClauses, phrase, reasonsFor, withAction } from './reasons.ts';
import { talk } from './talk.ts';
import type { Bot, BotAction, BotDecision, BotLevel, BotOptions } from './types.ts';

/** The bot of one seat, with the memory it keeps for the rest of the game. */
export function createBot(rules: PublicRules, options: BotOptions): Bot {
  const memory = new BotMemory(rules, options.delegation);
  return { decide: (view) => decide(memory, view, options), talk: (view) => talk(memory, view, options) };
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
    default:
      break;
  }
  const turn = turnOf(memory, view, options, mine);
  if (view.phase === 'opening') return seat.statement !== null ? null : openingStatement(turn);
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

/**
 * "Russia rejects p3", in both languages. The Ukrainian speaks in the delegation's own voice after
 * its name ("Сполучені Штати: відхиляємо p3"), so the verb agrees whatever the name's number.
 */
function act(name: Localized, en: string, uk: string): Localized {
  return { en: `${name.en} ${en}`, uk: `${name.uk}: ${uk}` };
}

/**
 * The opening statement: its greeting, then the issue that matters most to it and the clause it asks
 * for there (the one its public stance demands, else its own best). Everyone has read its public
 * position in the briefing; the statement says what it will hold out for, not the position again.
 */
function openingStatement(turn: Turn): BotDecision {
  const { memory, view, own } = turn;
  const issue = memory.scenario.agenda.issues.find((i) => i.id === own.topIssue);
  const demanded = memory.scenario.delegations[memory.self].publicStance?.demands.find((c) =>
    c.startsWith(`${own.topIssue}.`),
  );
  const optionId = demanded?.slice(own.topIssue.length + 1) ?? own.best[own.topIssue]?.option;
  const option = issue?.options.find((o) => o.id === optionId);
  const greeting = phrase(memory, view, 'greeting');
  const statement =
    issue && option
      ? {
          en: `${greeting.en} What matters most to us is «${issue.title.en}»: we ask for «${option.label.en}».`,
          uk: `${greeting.uk} Найважливіше для нас — питання «${issue.title.uk}»: ми наполягаємо на варіанті «${option.label.uk}».`,
        }
      : greeting;
  return decision({ type: 'statement.make', text: statement.en, uk: statement.uk }, statement);
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

/** Tabling, as the round's chair: its best offer for the moment, amending the last refused draft. */
function tableOffer(turn: Turn): BotDecision | null {
  const deliberation = new Deliberation(turn);
  const candidates = deliberation.candidates();
  // Its aspiration falls from the best of what it could offer now.
  let top = deliberation.reservation;
  for (const c of candidates) top = Math.max(top, c.utility);
  const settlement = chooseTabling(turn.memory.space, candidates, deliberation.target(top), deliberation.reservation);
  const offer = tacticalDeal(turn, candidates, deliberation.reservation) ?? settlement;
  if (!offer) return null;
  const pkg = deliberation.packageOf(offer);
  const previous = lastClosed(turn.view); // what a new draft amends
  const action: BotAction = previous
    ? { type: 'proposal.amend', proposalId: previous.id, package: pkg }
    : { type: 'proposal.table', package: pkg };
  return decision(action, phrase(turn.memory, turn.view, 'table'));
}

/**
 * The chance, each tabling turn after a refused draft, that a bot tables a tactical deal instead of
 * a settlement: a novice chair reaches for the easy, partial deal twice as often.
 */
const TACTICAL_CHANCE: Record<BotLevel, number> = { novice: 0.12, standard: 0.06, expert: 0.06 };

/**
 * A tactical deal (the seeds' prisoner exchanges and grain talks that go ahead without a
 * framework): after a refused draft, now and then, a partial deal the bot gains from, that adds a
 * clause no ratified agreement binds yet and that the others are believed at least as likely to
 * take as not. Null when the moment or the deal is not there.
 */
function tacticalDeal(turn: Turn, candidates: readonly Candidate[], reservationValue: number): Candidate | null {
  const { view, options, memory } = turn;
  if (!lastClosed(view) || roll(view, options, 3) >= TACTICAL_CHANCE[options.level]) return null;
  const bound = bindingClauses(view);
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (concludesTalks(memory.space, c.choice) || c.utility <= reservationValue || c.acceptance < 0.5) continue;
    const pkg = packageOf(memory.space, c.choice);
    if (Object.entries(pkg).every(([issue, option]) => bound.get(issue) === option)) continue;
    if (!best || c.acceptance * (c.utility - reservationValue) > best.acceptance * (best.utility - reservationValue))
      best = c;
  }
  return best;
}

/** What the ratified agreements bind, issue by issue (a later agreement overrides an earlier one). */
function bindingClauses(view: SeatView): Map<string, string> {
  const bound = new Map<string, string>();
  for (const a of view.agreements)
    if (a.ratified) for (const [issue, option] of Object.entries(a.package)) bound.set(issue, option);
  return bound;
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
  const withReason = (reasons: ResponseReason[]): ResponseReason[] => {
    if (reasons.length > 0) return reasons;
    const stall = phrase(memory, view, 'stall', { issue: own.topIssue });
    return [{ text: stall.en.slice(0, 300), uk: stall.uk.slice(0, 300), severity: 'objection' }];
  };
  const reject = (reasons: ResponseReason[], line: Localized) =>
    decision({ type: 'proposal.respond', proposalId: p.id, response: 'reject', reasons: withReason(reasons) }, line);
  if (!canSign(own.rules, choice, view.world)) {
    const reasons = reasonsFor(memory, own, blamedClauses(own, p.package, choice, view.world), choice, view.world);
    return reject(reasons, withAction(act(name, `rejects ${p.id}`, `відхиляємо ${p.id}`), firstReason(turn, reasons)));
  }
  const domestic = options.level === 'novice' ? [] : ratificationProblems(own.rules, choice, view.world);
  const failing = domestic[0];
  if (failing) {
    const clauses: string[] = []; // each blamed clause once, first blamed first
    for (const problem of domestic) for (const c of problem.blame) if (!clauses.includes(c)) clauses.push(c);
    const reasons = reasonsFor(memory, own, clauses, choice, view.world);
    return reject(
      reasons,
      withAction(
        act(
          name,
          `rejects ${p.id}: it would not survive at home (${failing.rule.title.en})`,
          `відхиляємо ${p.id}: це не пройде вдома (${failing.rule.title.uk})`,
        ),
        firstReason(turn, reasons),
      ),
    );
  }
  const deliberation = new Deliberation(turn);
  if (deliberation.accepts(ownUtility(own, p.package, view.world), isConcluding(memory.space, p.package))) {
    const clause = bestClause(own, p.package);
    // An acceptance says why too: the clause it values most in the draft, named as the agenda names it.
    const label = clause ? clauseLabel(memory.space, clause) : null;
    const reasons: ResponseReason[] =
      clause && label
        ? [
            {
              clause,
              text: `«${label.en}» is what we value most in this draft.`.slice(0, 300),
              uk: `«${label.uk}» — те, що ми найбільше цінуємо в цьому проєкті.`.slice(0, 300),
            },
          ]
        : [];
    return decision(
      { type: 'proposal.respond', proposalId: p.id, response: 'accept', reasons },
      withAction(
        act(name, `accepts ${p.id}`, `приймаємо ${p.id}`),
        phrase(memory, view, 'accept', clause ? { clause } : {}),
      ),
    );
  }
  const reasons = reasonsFor(memory, own, blamedClauses(own, p.package, choice, view.world), choice, view.world);
  const counter =
    options.level === 'novice'
      ? null
      : chooseOffer(deliberation.candidates(), deliberation.target(deliberation.ownTop()), deliberation.reservation);
  return decision(
    {
      type: 'proposal.respond',
      proposalId: p.id,
      response: counter ? 'counter' : 'reject',
      reasons: withReason(reasons),
      ...(counter ? { counter: deliberation.packageOf(counter) } : {}),
    },
    withAction(act(name, `rejects ${p.id}`, `відхиляємо ${p.id}`), firstReason(turn, reasons)),
  );
}

/**
 * The sentence beside a refusal: its first reason, in both languages (a refusal that names no clause
 * says which issue the delegation will come back to).
 */
function firstReason(turn: Turn, reasons: readonly ResponseReason[]): Localized {
  const first = reasons[0];
  if (first) return { en: first.text, uk: first.uk ?? first.text };
  return phrase(turn.memory, turn.view, 'stall', { issue: turn.own.topIssue });
}

/**
 * Signing: sign what it still may, what still beats no deal and what survives at home (a novice,
 * which answered without its home rules, checks them here).
 */
function sign(turn: Turn): BotDecision | null {
  const { memory, view, own, name } = turn;
  const self = memory.self;
  const p = onTable(view);
  if (p?.status !== 'accepted' || !p.signatories.includes(self) || p.signatures.includes(self)) return null;
  const { choice } = memory.packages.of(p.package);
  const deliberation = new Deliberation(turn);
  const ok =
    canSign(own.rules, choice, view.world) &&
    ownUtility(own, p.package, view.world) >= deliberation.reservation - 1e-9 &&
    ratificationProblems(own.rules, choice, view.world).length === 0;
  if (ok) {
    return decision(
      { type: 'agreement.sign', proposalId: p.id },
      withAction(act(name, `signs ${p.id}`, `підписуємо ${p.id}`), phrase(memory, view, 'sign')),
    );
  }
  // Why, in the delegation's own words and both languages: the issue it will come back to.
  const declined = phrase(memory, view, 'stall', { issue: own.topIssue });
  return decision(
    { type: 'agreement.decline', proposalId: p.id, reason: declined.en, uk: declined.uk },
    withAction(act(name, `will not sign ${p.id}`, `не підписуємо ${p.id}`), declined),
  );
}
