/**
 * A computer delegation in the channels: it answers what is addressed to it, and now and then opens
 * a bilateral talk itself. `talk(view)` returns one chat.post (with its words in both languages)
 * or null; the host decides when to ask and waits a human-like pause before posting it.
 *
 * Addressed to it: in a bilateral channel it sits in, every message of the other side; in the
 * Plenary, a structured move (a question to the whole table) and free text that names it. It
 * answers the latest such message of each channel that it has not answered yet (said this round or
 * the last), oldest channel first; what it has answered is read from the view (its replies name the
 * message they answer), so a bot made afresh answers exactly as one that ran all along. A reply is
 * never answered: two computer delegations never talk to each other in circles.
 *
 * On its own it talks sparingly, as its delegation's strategy in the seeds has it: the United
 * States presses a party that refused the last draft, once a round; Europe coordinates with
 * Ukraine every third round. Both only in the month's talks, and never in a no-press session.
 */
import { bilateral, membersOf } from '../engine/channels.ts';
import type { ChatMessage } from '../engine/types.ts';
import type { SeatView } from '../engine/view.ts';
import type { DelegationId, Localized } from '../scenario/schema.ts';
import { clauseLabel } from '../scenario/space.ts';
import { answerAsk, answerFloat, answerOption, answerTrade, pointer } from './answers.ts';
import { preferredOption } from './clauseReasons.ts';
import { type Turn, turnOf } from './deliberation.ts';
import { blockers, closestRefused } from './levers.ts';
import type { BotMemory } from './memory.ts';
import { phrase } from './reasons.ts';
import { mentions, recognise } from './recognise.ts';
import type { BotDecision, BotOptions } from './types.ts';

/** Whom a delegation presses when they refuse a draft (the US, which wants a quick deal). */
const PRESSES: Partial<Record<DelegationId, readonly DelegationId[]>> = { us: ['ukraine', 'russia'] };
/** With whom a delegation coordinates before the drafts (Europe with Ukraine). */
const COORDINATES: Partial<Record<DelegationId, DelegationId>> = { europe: 'ukraine' };
/** How many rounds apart a coordination comes. */
const COORDINATION_EVERY = 3;

export function talk(memory: BotMemory, view: SeatView, options: BotOptions): BotDecision | null {
  const self = memory.self;
  const mine = view.private[self];
  if (!mine || view.seats[self].walkedOut || view.paused || view.phase === 'concluded') return null;
  const turn = turnOf(memory, view, options, mine);
  const message = unanswered(memory, view);
  if (message) return say(message.channel, answer(turn, message), message.seq);
  return initiative(turn);
}

function say(channel: ChatMessage['channel'], words: Localized, replyTo?: number): BotDecision {
  const action = { type: 'chat.post' as const, channel, text: words.en, uk: words.uk };
  return { action: replyTo === undefined ? action : { ...action, replyTo }, reason: words };
}

/**
 * Is this message addressed to the bot, and still current? (A seat handed to the computer late in
 * the game does not answer what was said to its people months ago.)
 */
function addressed(memory: BotMemory, view: SeatView, message: ChatMessage): boolean {
  const self = memory.self;
  if (message.from === self || message.replyTo !== undefined || message.round < view.round - 1) return false;
  // Opening statements are made to the whole table: answering each would start four speeches at once.
  if (message.from === 'facilitator' || message.from === 'system' || message.statement) return false;
  if (message.channel === 'plenary') {
    return message.move !== undefined || mentions(message.text, self, memory.scenario.delegations[self].name);
  }
  const members = membersOf(message.channel);
  return members !== null && members.length === 2 && members.includes(self);
}

/** The latest message of each channel addressed to it and not yet answered; the channel waiting longest first. */
function unanswered(memory: BotMemory, view: SeatView): ChatMessage | null {
  const answeredUpTo = new Map<string, number>();
  for (const m of view.chat) {
    if (m.from === memory.self && m.replyTo !== undefined) {
      answeredUpTo.set(m.channel, Math.max(answeredUpTo.get(m.channel) ?? 0, m.replyTo));
    }
  }
  const latest = new Map<string, ChatMessage>();
  const waitingSince = new Map<string, number>();
  for (const m of view.chat) {
    if (!addressed(memory, view, m) || m.seq <= (answeredUpTo.get(m.channel) ?? 0)) continue;
    latest.set(m.channel, m);
    if (!waitingSince.has(m.channel)) waitingSince.set(m.channel, m.seq);
  }
  let first: ChatMessage | null = null;
  for (const [channel, m] of latest) {
    if (first === null || (waitingSince.get(channel) ?? 0) < (waitingSince.get(first.channel) ?? 0)) first = m;
  }
  return first;
}

/** The answer to a message: to its structured move, or to the issues and options its words name. */
function answer(turn: Turn, message: ChatMessage): Localized {
  const { space } = turn.memory;
  const move = message.move;
  if (move?.kind === 'ask') {
    const i = space.issueIndex.get(move.issue);
    const issue = i === undefined ? undefined : space.issues[i];
    return issue ? answerAsk(turn, issue) : pointer(turn);
  }
  if (move?.kind === 'float') return answerFloat(turn, move.package);
  if (move?.kind === 'trade') return answerTrade(turn, message.from, move.want, move.offer);
  // Free text, in either language: what it names, options first (the most precise), at most two.
  const named = recognise(space, `${message.text} ${message.uk ?? ''}`);
  const parts: Localized[] = [];
  for (const r of [...named].sort((a, b) => Number(b.option !== null) - Number(a.option !== null)).slice(0, 2)) {
    const issue = space.issues[r.issue];
    if (!issue) continue;
    const option = r.option === null ? undefined : issue.options[r.option];
    parts.push(option ? answerOption(turn, issue, option) : answerAsk(turn, issue));
  }
  if (parts.length === 0) return pointer(turn);
  return { en: parts.map((p) => p.en).join(' '), uk: parts.map((p) => p.uk).join(' ') };
}

/** Has it opened a talk itself (a message that answers nothing) in this round, or in a channel lately? */
function spokeLately(view: SeatView, self: DelegationId, channel: string | null, rounds: number): boolean {
  return view.chat.some(
    (m) =>
      m.from === self &&
      m.replyTo === undefined &&
      (channel === null || m.channel === channel) &&
      m.round > view.round - rounds,
  );
}

/** A talk it opens itself, when its strategy calls for one. */
function initiative(turn: Turn): BotDecision | null {
  const { memory, view } = turn;
  const self = memory.self;
  // Without press there are no bilateral channels to open (the engine would refuse the line).
  if (view.noPress || view.phase !== 'talks' || spokeLately(view, self, null, 1)) return null;
  const pressed = (PRESSES[self] ?? []).find((d) => blockers(view).includes(d) && !view.seats[d].walkedOut);
  if (pressed) return press(turn, pressed);
  const partner = COORDINATES[self];
  if (!partner || view.seats[partner].walkedOut || (view.round - 1) % COORDINATION_EVERY !== 0) return null;
  const channel = bilateral(self, partner);
  if (spokeLately(view, self, channel, COORDINATION_EVERY)) return null;
  return say(channel, coordinate(turn));
}

/** "You refused p3 over «…». What could you live with instead?", and the pressure its content voices. */
function press(turn: Turn, party: DelegationId): BotDecision {
  const { memory, view } = turn;
  const closed = closestRefused(view);
  const reason = closed?.responses[party]?.reasons?.find((r) => r.clause)?.clause;
  const label = reason ? clauseLabel(memory.space, reason) : null;
  // The draft named with who tabled it: a draft id alone means little to a player months later.
  const draft = !closed
    ? { en: 'the last draft', uk: 'останній проєкт' }
    : closed.author === memory.self
      ? { en: `our draft ${closed.id}`, uk: `наш проєкт ${closed.id}` }
      : {
          en: `draft ${closed.id} (tabled by ${memory.scenario.delegations[closed.author].name.en})`,
          uk: `проєкт ${closed.id} (автор: ${memory.scenario.delegations[closed.author].name.uk})`,
        };
  const over = label
    ? { en: `You refused ${draft.en} over «${label.en}».`, uk: `Ви відхилили ${draft.uk} через пункт «${label.uk}».` }
    : { en: `You refused ${draft.en}.`, uk: `Ви відхилили ${draft.uk}.` };
  const ask = {
    en: 'What could you live with instead? Ask us about any issue.',
    uk: 'На що ви могли б погодитися натомість? Запитайте нас про будь-яке питання.',
  };
  const pressure = phrase(memory, view, 'walkout-threat');
  return say(bilateral(memory.self, party), {
    en: `${over.en} ${ask.en} ${pressure.en}`,
    uk: `${over.uk} ${ask.uk} ${pressure.uk}`,
  });
}

/** Before the drafts: what it will hold firm on (its heaviest issue), and what the partner needs held. */
function coordinate(turn: Turn): Localized {
  const { memory, view, own } = turn;
  // Each time about the next of its three heaviest issues, so the partners' talks move on.
  const time = Math.floor((Math.max(1, view.round) - 1) / COORDINATION_EVERY);
  const ranked = Object.keys(own.weights).sort((a, b) => (own.weights[b] ?? 0) - (own.weights[a] ?? 0));
  const about = ranked[time % Math.max(1, Math.min(3, ranked.length))] ?? own.topIssue;
  const i = memory.space.issueIndex.get(about);
  const issue = i === undefined ? undefined : memory.space.issues[i];
  const wanted = issue ? preferredOption(own, issue) : undefined;
  const backs =
    issue && wanted
      ? {
          en: `On ${issue.title.en} we back «${wanted.label.en}». ${wanted.summary.en}`,
          uk: `У питанні «${issue.title.uk}» ми підтримуємо «${wanted.label.uk}». ${wanted.summary.uk}`,
        }
      : { en: '', uk: '' };
  const offer = phrase(memory, view, 'counter');
  const opener =
    time === 0
      ? { en: 'Before the next drafts, let us coordinate.', uk: 'Перед наступними проєктами узгодьмо позиції.' }
      : { en: 'Let us compare notes again before the drafts.', uk: 'Звірмо позиції ще раз перед проєктами.' };
  return {
    en: `${opener.en} ${backs.en} ${offer.en} Which clause do you need us to hold firm on?`,
    uk: `${opener.uk} ${backs.uk} ${offer.uk} На якому пункті нам варто стояти твердо?`,
  };
}
