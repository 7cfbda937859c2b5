/**
 * What a delegation sees at the moment of choice, beside the draft: every answer with every
 * reason (answersBlock), and what the draft is worth to it (figuresBlock: its score, its walk-away
 * value now, the difference, the month they are worked out in, and each home condition passed or
 * failed). The figures come from shared/ (scenario/score.ts), the same function the builder, the
 * engine's result and the debrief use.
 */
import type { ProposalView, SeatView } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { choiceFigures } from '@peace-table/shared/scenario/score';
import { type Locale, localized, type Translator } from '../../i18n/i18n.ts';
import { answerLines, type ReasonLine } from '../../model/answers.ts';
import { clauseText } from '../../model/clauses.ts';
import type { SeatScenario } from '../../model/clientScenario.ts';
import { list, monthLabel, score, signed } from '../../model/format.ts';
import { delegationBadge } from '../components.ts';
import { h } from '../dom.ts';

function reasonText(r: ReasonLine, t: Translator['t'], locale: Locale): string {
  const text = localized(r.text, locale).trim() || t('answers.noReason');
  if (!r.clause) return `${t('answers.general')}: ${text}`;
  const clause = clauseText(r.clause, locale);
  const place =
    r.clause.place === 'left-out'
      ? ` (${t('answers.leftOut', { option: localized(r.clause.optionLabel, locale) })})`
      : r.clause.place === 'not-in-draft'
        ? ` (${t('answers.notInDraft')})`
        : '';
  const red = r.redLine ? ` [${t('answers.redLine')}]` : '';
  return `${clause}${place}${red}: ${text}`;
}

/** Every answer to the draft and every reason given, including reasons on clauses the draft left out. */
export function answersBlock(
  pub: PublicScenario,
  draft: ProposalView,
  t: Translator['t'],
  locale: Locale,
): HTMLElement {
  const items = answerLines(pub, draft).map((line) => {
    const state =
      line.state === 'accept' || line.state === 'reject' || line.state === 'counter'
        ? t(`response.${line.state}`)
        : t(`answers.${line.state}`);
    const reasons =
      line.reasons.length > 0
        ? h('ul', { class: 'reasons' }, ...line.reasons.map((r) => h('li', { text: reasonText(r, t, locale) })))
        : line.state === 'reject' || line.state === 'counter'
          ? h('p', { class: 'hint', text: t('answers.noReason') })
          : null;
    return h(
      'li',
      { dataset: { answer: line.state } },
      delegationBadge(pub, line.delegation, locale),
      `: ${state}`,
      reasons,
    );
  });
  return h(
    'section',
    { class: 'answers-block', attrs: { 'aria-label': t('answers.title') } },
    h('h4', { text: t('answers.title') }),
    h('ul', { class: 'answer-lines' }, ...items),
  );
}

/** The seat's score for the draft against its walk-away value now, and each of its home conditions. */
export function figuresBlock(
  seat: SeatScenario,
  view: SeatView,
  me: DelegationId,
  draft: ProposalView,
  t: Translator['t'],
  locale: Locale,
): HTMLElement | null {
  if (!seat.knows(me)) return null;
  const f = choiceFigures(seat.rules, me, draft.package, view.world);
  const diff = score(f.utility) - score(f.noDeal);
  const verdict = diff > 0 ? 'better' : diff < 0 ? 'worse' : 'same';
  const clauseName = (ref: string) => {
    const [issueId, optionId] = ref.split('.', 2);
    const issue = seat.scenario.agenda.issues.find((i) => i.id === issueId);
    const option = issue?.options.find((o) => o.id === optionId);
    return issue && option ? `${localized(issue.title, locale)}: ${localized(option.label, locale)}` : ref;
  };
  const conditions =
    f.conditions.length === 0
      ? h('p', { class: 'hint', text: t('figures.noConditions') })
      : h(
          'ul',
          { class: 'home-conditions' },
          ...f.conditions.map((c) =>
            h(
              'li',
              { dataset: { passes: String(c.passes) } },
              h('strong', { text: `${t(c.passes ? 'figures.passes' : 'figures.fails')}: ` }),
              localized(c.title, locale),
              h('span', { class: 'hint', text: ` — ${localized(c.explanation, locale)}` }),
              !c.passes && c.blame.length > 0
                ? h('span', {
                    class: 'hint',
                    text: ` (${t('figures.blame', { clauses: list(c.blame.map(clauseName), locale) })})`,
                  })
                : null,
            ),
          ),
        );
  return h(
    'section',
    { class: 'choice-figures', attrs: { 'aria-label': t('figures.title') } },
    h('h4', { text: t('figures.title') }),
    h(
      'dl',
      { class: 'figures' },
      h('dt', { text: t('figures.score') }),
      h('dd', { class: 'figure-score', text: String(score(f.utility)) }),
      h('dt', { text: t('figures.noDeal') }),
      h('dd', { class: 'figure-nodeal', text: String(score(f.noDeal)) }),
      h('dt', { text: t('figures.difference') }),
      h('dd', { class: 'figure-difference', text: `${signed(diff)} (${t(`figures.${verdict}`)})` }),
    ),
    h('p', {
      class: 'hint',
      text: t('figures.month', { month: monthLabel(seat.scenario.meta.firstMonth, f.month, locale) }),
    }),
    h('h5', { text: t('figures.home') }),
    conditions,
  );
}
