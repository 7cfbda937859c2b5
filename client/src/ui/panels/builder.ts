/**
 * The proposal builder: one choice per agenda issue (or leave it open), with the drafting
 * delegation's own score per option, and live hints for the whole package — own score against no
 * deal, red lines it breaks, who must sign, and whether the engine would let it be tabled now.
 */
import type { ProposalView } from '@peace-table/shared/engine/view';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { refusalText } from '../../model/actions.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import { list, monthLabel, score } from '../../model/format.ts';
import {
  choose,
  type Draft,
  draftFrom,
  draftHints,
  EMPTY_DRAFT,
  issueRows,
  tableIntent,
} from '../../model/proposal.ts';
import type { AppState } from '../../state/app.ts';
import { delegationName, type Live, refusalLine } from '../components.ts';
import { button, field, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

export interface Builder extends Live {
  /** The package being drafted (also used as a counter-proposal). */
  draft(): Draft;
  load(p: ProposalView): void;
}

export function builderPanel(ctx: ScreenContext, me: DelegationId): Builder {
  const { t, locale, controller } = ctx;
  let draft: Draft = EMPTY_DRAFT;
  let built = false;
  const issues = h('div', { class: 'issues' });
  const hints = h('div', { class: 'hints', attrs: { 'aria-live': 'polite' } });
  const note = h('textarea', { attrs: { maxlength: 500, rows: 2 } });
  let noteRound: number | null = null;
  const submit = button('', () => {
    controller.send(tableIntent({ ...draft, note: note.value }));
  });
  const clear = button(
    t('builder.clear'),
    () => {
      draft = EMPTY_DRAFT;
      note.value = '';
      syncInputs();
      refresh();
    },
    { class: 'secondary' },
  );
  const refusal = refusalLine(['proposal.table', 'proposal.amend'], t, locale);
  const el = h(
    'section',
    { class: 'builder', attrs: { 'aria-labelledby': 'builder-title' } },
    h('h3', { id: 'builder-title', text: t('builder.title') }),
    h('p', { class: 'hint', text: t('builder.intro') }),
    issues,
    hints,
    field(t('builder.note'), note),
    // Passing is in the phase's actions above the tabs (phaseActions.ts), where it is always in view.
    h('div', { class: 'actions' }, submit, clear),
    refusal.el,
  );

  const syncInputs = () => {
    for (const input of issues.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      const chosen = draft.choices[input.name.slice('issue-'.length)];
      input.checked = input.value === (chosen ?? '');
    }
  };

  const build = (state: AppState) => {
    const pub = state.scenario;
    const view = state.view;
    if (!pub || !view) return;
    const seat = seatScenario(pub, view);
    fill(
      issues,
      ...issueRows(seat, me, draft).map((row) => {
        const name = `issue-${row.issue.id}`;
        const defaultLabel = localized(
          row.issue.options.find((o) => o.id === row.issue.default)?.label ?? row.issue.title,
          locale,
        );
        const option = (value: string, label: string, detail: string) => {
          const id = `${name}-${value || 'open'}`;
          const input = h('input', {
            id,
            attrs: { type: 'radio', name, value, checked: value === (row.chosen ?? '') },
          });
          input.addEventListener('change', () => {
            draft = choose(draft, row.issue.id, value === '' ? null : value);
            refresh();
          });
          return h(
            'div',
            { class: 'choice' },
            input,
            h('label', { attrs: { for: id } }, label, detail ? h('span', { class: 'hint', text: detail }) : null),
          );
        };
        return h(
          'fieldset',
          { class: 'issue', dataset: { issue: row.issue.id } },
          h(
            'legend',
            {},
            localized(row.issue.title, locale),
            row.weight !== null
              ? h('small', { text: ` ${t('builder.weight', { weight: Math.round(row.weight * 100) })}` })
              : null,
          ),
          h(
            'details',
            {},
            h('summary', { text: t('builder.about') }),
            h('p', { text: localized(row.issue.description, locale) }),
          ),
          option('', t('builder.leaveOpen', { status: defaultLabel }), ''),
          ...row.options.map((o) =>
            option(
              o.id,
              localized(o.label, locale),
              [
                o.utility !== null ? t('builder.yourScore', { score: score(o.utility) }) : '',
                t('builder.signedBy', {
                  delegations: list(
                    o.signatories.map((d) => delegationName(pub, d, locale)),
                    locale,
                  ),
                }),
              ]
                .filter(Boolean)
                .join(' · '),
            ),
          ),
        );
      }),
    );
  };

  let lastState: AppState | null = null;
  const refresh = () => {
    const state = lastState;
    const pub = state?.scenario;
    const view = state?.view;
    if (!state || !pub || !view) return;
    const hint = draftHints(seatScenario(pub, view), view, me, { ...draft, note: note.value });
    submit.textContent = t(draft.amends ? 'builder.amend' : 'builder.table');
    submit.disabled = hint.settled === 0 || hint.refusal !== null;
    const names = (ds: DelegationId[]) =>
      list(
        ds.map((d) => delegationName(pub, d, locale)),
        locale,
      );
    fill(
      hints,
      h('p', {
        class: 'score-line',
        text:
          hint.settled === 0
            ? t('builder.nothingChosen')
            : t('builder.scoreLine', {
                score: score(hint.utility),
                noDeal: score(hint.noDeal),
                month: monthLabel(pub.meta.firstMonth, hint.month, locale),
              }),
      }),
      hint.settled > 0 ? h('p', { text: t('builder.mustSign', { delegations: names(hint.signatories) }) }) : null,
      hint.breaches.length > 0
        ? h(
            'div',
            { class: 'warning', attrs: { role: 'alert' } },
            h('p', { text: t('builder.breaches', { count: hint.breaches.length }) }),
            h(
              'ul',
              {},
              ...hint.breaches.map((b) =>
                h('li', {}, h('strong', { text: localized(b.title, locale) }), ': ', localized(b.explanation, locale)),
              ),
            ),
          )
        : null,
      ...hint.problems.map((p) => h('p', { class: 'warning', text: p })),
      // Outside tabling the builder is not failing: drafts wait for the next tabling, and while drafts
      // are answered this package is what a counter-proposal sends.
      view.phase !== 'tabling' && hint.breaches.length === 0 && hint.problems.length === 0
        ? h('p', { class: 'hint', text: t(view.phase === 'responses' ? 'builder.asCounter' : 'builder.nextTabling') })
        : hint.refusal && hint.breaches.length === 0 && hint.problems.length === 0
          ? h('p', { class: 'blocked', text: t('builder.blocked', { reason: refusalText(hint.refusal, t, locale) }) })
          : null,
    );
  };
  note.addEventListener('input', refresh);

  return {
    el,
    draft: () => ({ ...draft, note: note.value }),
    load(p) {
      draft = draftFrom(p);
      syncInputs();
      refresh();
      issues.querySelector<HTMLInputElement>('input:checked')?.focus();
    },
    update(state) {
      lastState = state;
      if (!built && state.scenario && state.view) {
        built = true;
        build(state);
      }
      // A note to the table belongs to one round's draft: a new round starts with an empty one.
      if (state.view && state.view.round !== noteRound) {
        noteRound = state.view.round;
        note.value = '';
      }
      refusal.update(state);
      refresh();
    },
  };
}
