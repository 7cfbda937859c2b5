/**
 * The table scene in words, for screen readers and as a text alternative next to the canvas:
 * the calendar, each delegation and what it is doing, the draft and its answers, the gauges and
 * the latest announcements. Same model as the scene, so both always say the same thing.
 */
import type { SeatView } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { type Locale, localized, type Translator } from '../i18n/i18n.ts';
import { countdown, list, monthLabel } from './format.ts';
import type { ClauseAnswer, TableModel } from './table.ts';

function answerWord(a: ClauseAnswer, t: Translator['t']): string {
  if (a.state !== 'answered') return t(`clause.${a.state}`);
  const word = t(`response.${a.response}`);
  return a.reason ? t('clause.answerWithReason', { answer: word, reason: a.reason }) : word;
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
    const people =
      seat.control === 'bot'
        ? t('summary.computer')
        : seat.people.length > 0
          ? list(seat.people, locale)
          : t('roster.nobody');
    lines.push(t('summary.seat', { delegation: name(seat.id), people, activity: t(`activity.${seat.activity}`) }));
  }
  if (model.draft) {
    lines.push(
      t('summary.draft', {
        delegation: name(model.draft.author),
        count: model.cards.length,
        status: t(`proposalStatus.${model.draft.status}`),
      }),
    );
    for (const card of model.cards) {
      const answers = Object.entries(card.answers).map(
        ([d, a]) => `${name(d as keyof PublicScenario['delegations'])}: ${answerWord(a, t)}`,
      );
      lines.push(
        `${localized(card.issueTitle, locale)}: ${localized(card.optionLabel, locale)}. ${answers.join('; ')}.`,
      );
    }
  } else {
    lines.push(t('table.nothingOnTable'));
  }
  lines.push(
    t('summary.gauges', {
      gauges: model.gauges.map((g) => `${localized(g.label, locale)} ${Math.round(g.value)}`).join(', '),
    }),
  );
  for (const a of model.announcements)
    lines.push(t('summary.announcement', { title: localized(a.title, locale), text: localized(a.text, locale) }));
  return lines;
}
