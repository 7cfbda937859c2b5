/**
 * The table scene in words, for screen readers and as a text alternative next to the canvas:
 * the calendar, each delegation and what it is doing, the draft and its answers, the gauges and
 * the latest announcements. Same model as the scene, so both always say the same thing.
 */
import type { SeatView } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { type Locale, localized, type Translator } from '../i18n/i18n.ts';
import { clauseText } from './clauses.ts';
import { countdown, list, monthLabel } from './format.ts';
import type { AgreementInForce, ClauseAnswer, TableModel, TableSeat } from './table.ts';

/** Who sits at a seat: the computer, the names (joined by `join`), or nobody yet. */
export function seatPeople(
  seat: Pick<TableSeat, 'control' | 'people'>,
  t: Translator['t'],
  join: (names: string[]) => string,
): string {
  if (seat.control === 'bot') return t('summary.computer');
  return seat.people.length > 0 ? join(seat.people) : t('roster.nobody');
}

/**
 * What a seat is doing, with "(offline)" when all its people have dropped out; '' for an empty seat,
 * where nobody is at the table to be doing anything (unless the delegation walked out).
 */
export function seatDoing(seat: Pick<TableSeat, 'empty' | 'activity' | 'connected'>, t: Translator['t']): string {
  if (seat.empty) return seat.activity === 'walked-out' ? t('activity.walked-out') : '';
  const doing = t(`activity.${seat.activity}`);
  return seat.connected ? doing : `${doing} · ${t('roster.offline')}`;
}

function answerWord(a: ClauseAnswer, t: Translator['t'], locale: Locale): string {
  if (a.state !== 'answered') return t(`clause.${a.state}`);
  const word = t(`response.${a.response}`);
  return a.reason ? t('clause.answerWithReason', { answer: word, reason: localized(a.reason, locale) }) : word;
}

export function tableSummary(
  model: TableModel,
  pub: PublicScenario,
  view: SeatView,
  { t, locale }: { t: Translator['t']; locale: Locale },
  now: number,
): string[] {
  const name = (d: keyof PublicScenario['delegations']) => localized(pub.delegations[d].name, locale);
  const lines: string[] = [localized(pub.meta.title, locale)];
  const phase = t(`phase.${view.phase}`);
  lines.push(
    view.round > 0
      ? t('summary.calendar', {
          phase,
          round: view.round,
          rounds: view.rounds,
          month: monthLabel(pub.meta.firstMonth, view.world.month, locale),
        })
      : t('summary.phase', { phase }),
  );
  if (view.paused) lines.push(t('phase.pausedBadge'));
  else if (view.deadlineAt !== null) lines.push(t('phase.timeLeft', { time: countdown(view.deadlineAt - now) }));
  for (const seat of model.seats) {
    const delegation = name(seat.id);
    const doing = seatDoing(seat, t);
    if (seat.empty) {
      lines.push(
        doing
          ? t('summary.seat', { delegation, people: t('roster.nobody'), activity: doing })
          : t('summary.seatEmpty', { delegation }),
      );
      continue;
    }
    const people = seatPeople(seat, t, (names) => list(names, locale));
    lines.push(t('summary.seat', { delegation, people, activity: t(`activity.${seat.activity}`) }));
  }
  if (model.draft) {
    lines.push(
      t('summary.draft', {
        proposal: model.draft.id,
        delegation: name(model.draft.author),
        count: model.cards.length,
        status: t(`proposalStatus.${model.draft.status}`),
      }),
    );
    for (const card of model.cards) {
      const answers = Object.entries(card.answers).map(
        ([d, a]) => `${name(d as keyof PublicScenario['delegations'])}: ${answerWord(a, t, locale)}`,
      );
      lines.push(`${clauseText(card, locale)}. ${answers.join('; ')}.`);
    }
  } else {
    lines.push(t('table.nothingOnTable'));
  }
  if (model.inForce.length > 0) lines.push(t('table.inForce'), ...inForceLines(pub, model.inForce, { t, locale }));
  lines.push(
    t('summary.gauges', {
      gauges: model.gauges.map((g) => `${localized(g.label, locale)} ${Math.round(g.value)}`).join(', '),
    }),
  );
  for (const a of model.announcements)
    lines.push(t('summary.announcement', { title: localized(a.title, locale), text: localized(a.text, locale) }));
  return lines;
}

/** Each agreement in force as a line: its clauses and the month it was signed ("… (March 2026)"). */
export function inForceLines(
  pub: PublicScenario,
  inForce: readonly AgreementInForce[],
  { t, locale }: Pick<Translator, 't' | 'locale'>,
): string[] {
  return inForce.map((a) =>
    t('table.inForceLine', {
      clauses: a.clauses.map((c) => clauseText(c, locale)).join('; '),
      month: monthLabel(pub.meta.firstMonth, a.month, locale),
    }),
  );
}
