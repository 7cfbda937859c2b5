/**
 * What a computer delegation answers in a channel, honestly from its own model and in the content's
 * own words: what it needs on an issue and what it could live with, whether it would accept a
 * package floated to it, whether a trade is worth it. It says what it wants and why, never a number:
 * its weights, utilities and no-deal value stay private. What it says it would accept is what
 * it would accept were the package tabled now (the same Deliberation as its answers at the table).
 */

import type { Actor } from '../engine/types.ts';
import { breachesOf, canSign, isConcluding, ratificationProblems } from '../scenario/evaluate.ts';
import type { AgendaIssue, AgendaOption, Localized, Package } from '../scenario/schema.ts';
import { choiceOf, clauseLabel } from '../scenario/space.ts';
import { clauseReason, preferredOption, reasonAlone } from './clauseReasons.ts';
import { Deliberation, type Turn } from './deliberation.ts';
import { ownUtility } from './model.ts';
import { bestClause, blamedClauses, phrase, worstClauses } from './reasons.ts';

function join(...parts: (Localized | null)[]): Localized {
  const present = parts.filter((p): p is Localized => p !== null);
  return { en: present.map((p) => p.en).join(' '), uk: present.map((p) => p.uk).join(' ') };
}

function utilityOf(turn: Turn, issue: AgendaIssue, option: string): number {
  return turn.own.prefs.utilities[issue.id]?.[option] ?? 0;
}

/** How much an issue matters to it, in words: among its three heaviest, or in its lighter half. */
function importance(turn: Turn, issue: AgendaIssue): Localized | null {
  const weights = turn.own.weights;
  const mine = weights[issue.id] ?? 0;
  const heavier = Object.values(weights).filter((w) => w > mine).length;
  if (heavier < 3) {
    return { en: 'It is one of the issues that matter most to us.', uk: 'Це одне з найважливіших для нас питань.' };
  }
  if (heavier >= Object.keys(weights).length / 2) {
    return {
      en: 'It is not our main concern; we can be flexible there.',
      uk: 'Це не головне для нас питання; тут ми можемо бути гнучкими.',
    };
  }
  return null;
}

/** Its heaviest issue other than this one, and the option it wants there: what a concession would be traded for. */
function tradeFor(turn: Turn, besides: AgendaIssue): { issue: AgendaIssue; option: AgendaOption } | null {
  const { space } = turn.memory;
  let best: { issue: AgendaIssue; option: AgendaOption } | null = null;
  let weight = -1;
  for (const issue of space.issues) {
    const w = turn.own.weights[issue.id] ?? 0;
    if (issue.id === besides.id || w <= weight) continue;
    const option = preferredOption(turn.own, issue);
    if (option) [best, weight] = [{ issue, option }, w];
  }
  return best;
}

/** "What do you need on Crimea?": the option it wants, how much it matters, what it could live with and what never. */
export function answerAsk(turn: Turn, issue: AgendaIssue): Localized {
  const { own, memory, view } = turn;
  const wanted = preferredOption(own, issue);
  if (!wanted)
    return {
      en: `We have no position on ${issue.title.en}.`,
      uk: `У питанні «${issue.title.uk}» ми не маємо позиції.`,
    };
  const top = utilityOf(turn, issue, wanted.id);
  const need = {
    en: `On ${issue.title.en}, we need «${wanted.label.en}». ${wanted.summary.en}`,
    uk: `У питанні «${issue.title.uk}» нам потрібно «${wanted.label.uk}». ${wanted.summary.uk}`,
  };
  const never: Localized[] = [];
  const possible: AgendaOption[] = [];
  for (const option of issue.options) {
    if (option.id === wanted.id) continue;
    const reason = reasonAlone(memory.space, own, `${issue.id}.${option.id}`, view.world);
    if (reason.kind === 'red-line') never.push(reason.text);
    else if (utilityOf(turn, issue, option.id) >= top / 2 && utilityOf(turn, issue, option.id) > 0)
      possible.push(option);
  }
  possible.sort((a, b) => utilityOf(turn, issue, b.id) - utilityOf(turn, issue, a.id));
  const fallback = possible[0];
  let live: Localized = { en: 'We have little room to move on it.', uk: 'Тут у нас мало простору для поступок.' };
  if (fallback) {
    const exchange = utilityOf(turn, issue, fallback.id) < top ? tradeFor(turn, issue) : null;
    live = exchange
      ? {
          en: `We could look at «${fallback.label.en}» if ${exchange.issue.title.en} is settled as «${exchange.option.label.en}».`,
          uk: `Ми могли б розглянути «${fallback.label.uk}», якщо питання «${exchange.issue.title.uk}» буде врегульовано як «${exchange.option.label.uk}».`,
        }
      : { en: `We could live with «${fallback.label.en}».`, uk: `Ми могли б погодитися на «${fallback.label.uk}».` };
  }
  return join(need, importance(turn, issue), live, ...never.slice(0, 2));
}

/** A named option: whether it could take it, and if not, why, in the words of that clause. */
export function answerOption(turn: Turn, issue: AgendaIssue, option: AgendaOption): Localized {
  const { own, memory, view } = turn;
  const wanted = preferredOption(own, issue);
  const label = clauseLabel(memory.space, `${issue.id}.${option.id}`);
  if (wanted?.id === option.id) {
    return {
      en: `«${label.en}» is what we want. ${option.summary.en}`,
      uk: `«${label.uk}» — саме те, чого ми хочемо. ${option.summary.uk}`,
    };
  }
  const reason = reasonAlone(memory.space, own, `${issue.id}.${option.id}`, view.world);
  const u = utilityOf(turn, issue, option.id);
  if (reason.kind === 'objection' && wanted && u >= utilityOf(turn, issue, wanted.id) / 2 && u > 0) {
    return {
      en: `We could live with «${label.en}», though we would rather have «${wanted.label.en}».`,
      uk: `Ми могли б погодитися на «${label.uk}», хоча воліли б «${wanted.label.uk}».`,
    };
  }
  return reason.text;
}

/** "Would you accept this?": the answer it would give were the package tabled now, and why. */
export function answerFloat(turn: Turn, pkg: Readonly<Package>): Localized {
  const { own, memory, view } = turn;
  const choice = choiceOf(memory.space, pkg);
  const why = (clauses: readonly string[]) => {
    const first = clauses[0];
    return first ? clauseReason(memory.space, own, first, choice, view.world).text : null;
  };
  if (!canSign(own.rules, choice, view.world)) {
    return join(
      { en: 'Not as it stands.', uk: 'Не в такому вигляді.' },
      why(blamedClauses(own, pkg, choice, view.world)),
    );
  }
  const home = ratificationProblems(own.rules, choice, view.world);
  if (home.length > 0) {
    return join(
      { en: 'Not as it stands: it would fail at home.', uk: 'Не в такому вигляді: це не пройде вдома.' },
      why(home.flatMap((p) => p.blame)),
    );
  }
  const deliberation = new Deliberation(turn);
  const utility = ownUtility(own, pkg, view.world);
  const gain = utility > deliberation.reservation;
  if (deliberation.accepts(utility, isConcluding(memory.space, pkg))) {
    const clause = bestClause(own, pkg);
    return join(
      { en: 'Yes: tabled now, we would accept this.', uk: 'Так: якби це внесли зараз, ми б погодилися.' },
      clause ? phrase(memory, view, 'accept', { clause }) : null,
    );
  }
  const opening = gain
    ? {
        en: 'Not yet: it beats no agreement for us, but not by enough.',
        uk: 'Поки що ні: це краще для нас, ніж жодної угоди, але недостатньо.',
      }
    : { en: 'No: it leaves us worse off than no agreement.', uk: 'Ні: з цим нам гірше, ніж без угоди.' };
  return join(opening, why(worstClauses(own, pkg, 1)));
}

/**
 * A clause of a trade that its giver cannot give: only the clause's signatories put their names to
 * it (Ukraine cannot lift sanctions; Russia cannot give security guarantees). The answer says who can.
 */
function undeliverable(turn: Turn, giver: Actor, pkg: Readonly<Package>, ours: boolean): Localized | null {
  const { space, scenario } = turn.memory;
  for (const [issueId, optionId] of Object.entries(pkg)) {
    const i = space.issueIndex.get(issueId);
    const option = i === undefined ? undefined : space.issues[i]?.options.find((o) => o.id === optionId);
    if (!option || option.signatories.some((d) => d === giver)) continue;
    const label = clauseLabel(space, `${issueId}.${optionId}`);
    const names = option.signatories.map((d) => scenario.delegations[d].name);
    const en = names.map((n) => n.en).join(' and ');
    const uk = names.map((n) => n.uk).join(' та ');
    return ours
      ? {
          en: `We cannot give «${label.en}»: it is for ${en} to sign.`,
          uk: `Ми не можемо дати «${label.uk}»: це підписують ${uk}.`,
        }
      : {
          en: `You cannot give «${label.en}» yourselves: it is for ${en} to sign.`,
          uk: `Ви не можете дати «${label.uk}» самі: це підписують ${uk}.`,
        };
  }
  return null;
}

/** "If you give `want`, we give `offer`": is the exchange worth it to it against leaving both issues as they stand? */
export function answerTrade(turn: Turn, from: Actor, want: Readonly<Package>, offer: Readonly<Package>): Localized {
  const { own, memory, view } = turn;
  const { space } = memory;
  // `want` is what the sender asks of this delegation, `offer` what the sender gives in return.
  const cannot = undeliverable(turn, memory.self, want, true) ?? undeliverable(turn, from, offer, false);
  if (cannot) return cannot;
  const both: Package = { ...want, ...offer };
  const choice = choiceOf(space, both);
  const refs = Object.entries(both).map(([issue, option]) => `${issue}.${option}`);
  const breach = breachesOf(own.rules, choice, view.world).find((b) => b.clauses.some((c) => refs.includes(c)));
  const blamed = breach?.clauses.find((c) => refs.includes(c));
  if (blamed) {
    return join(
      { en: 'We cannot make that trade.', uk: 'Ми не можемо піти на такий обмін.' },
      clauseReason(space, own, blamed, choice, view.world).text,
    );
  }
  // Against the status quo of each issue traded (its default): what it gains and what it gives.
  const change = (pkg: Readonly<Package>) => {
    let sum = 0;
    for (const [issueId, option] of Object.entries(pkg)) {
      const i = space.issueIndex.get(issueId);
      const issue = i === undefined ? undefined : space.issues[i];
      if (!issue) continue;
      sum += (own.weights[issueId] ?? 0) * (utilityOf(turn, issue, option) - utilityOf(turn, issue, issue.default));
    }
    return sum;
  };
  const gets = change(offer);
  const gives = change(want);
  const given = worstClauses(own, want, 1)[0];
  if (gets + gives > 0) {
    const valued = bestClause(own, offer);
    return join(
      { en: 'That is a trade we could make.', uk: 'На такий обмін ми могли б піти.' },
      valued ? phrase(memory, view, 'accept', { clause: valued }) : null,
      {
        en: 'Put it into a draft and we will weigh the whole package.',
        uk: 'Внесіть це до проєкту, і ми зважимо весь пакет.',
      },
    );
  }
  return join(
    { en: 'That trade costs us more than it gives us.', uk: 'Цей обмін коштує нам більше, ніж дає.' },
    given ? clauseReason(space, own, given, choice, view.world).text : null,
  );
}

/** A message it could not place: what it can answer, and how to ask (with issues of the agenda for examples). */
export function pointer(turn: Turn): Localized {
  const name = turn.name;
  const examples = turn.memory.space.issues.slice(0, 3).map((i) => i.title);
  const en = examples.map((t) => t.en).join(', ');
  const uk = examples.map((t) => `«${t.uk}»`).join(', ');
  return {
    en: `${name.en} is listening, but we could not tell which issue you mean. Name an issue (${en}…), or use the moves below this channel to ask about an issue, float a package or offer a trade, and we will answer.`,
    uk: `${name.uk}: ми слухаємо, але не зрозуміли, про яке питання йдеться. Назвіть питання (${uk}…) або скористайтеся кнопками під цим каналом, щоб запитати про питання, запропонувати пакет чи обмін, і ми відповімо.`,
  };
}
