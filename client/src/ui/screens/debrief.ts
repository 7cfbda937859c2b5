/**
 * Debrief: the outcome (named after the seed's scenario) and its explanation, each delegation's
 * score against its no-deal value (in numbers and words), the agreement, then the pictures (loaded
 * with their charting library as a chunk of their own: ../debrief/pictures.ts): the deal against
 * the possible, the months with the timeline folded under them, the replay (table and map at any
 * step) with its what-ifs; what the scenario assumes beyond its sources, downloads (transcript and
 * figures, JSON and CSV) and a printable handout.
 */
import { localized } from '../../i18n/i18n.ts';
import { clauseText } from '../../model/clauses.ts';
import { debriefModel } from '../../model/debrief.ts';
import { monthLabel, score, signed } from '../../model/format.ts';
import { transcriptCsv, transcriptFileName, transcriptJson } from '../../model/transcriptExport.ts';
import type { AppState } from '../../state/app.ts';
import { delegationBadge } from '../components.ts';
import type { Pictures } from '../debrief/pictures.ts';
import { button, download, fill, h } from '../dom.ts';
import { assumptionsPanel } from '../panels/assumptions.ts';
import type { Screen, ScreenContext } from '../screen.ts';

export function debriefScreen(ctx: ScreenContext): Screen {
  const { t, locale, controller } = ctx;
  const body = h('div', { class: 'debrief-body' });
  const picturesSlot = h('div', { class: 'debrief-pictures-slot' });
  let pictures: Pictures | null = null;
  let picturesAsked = false;
  let destroyed = false;
  const assumptions = assumptionsPanel(ctx, 'debrief-assumptions');
  const exportAs = (format: 'json' | 'csv') => {
    const s = controller.store.get();
    const view = s.view;
    if (!view) return;
    const code = s.seat?.code ?? 'session';
    const content =
      format === 'json'
        ? transcriptJson({ code, scenarioId: view.scenarioId, exportedAt: Date.now() }, view.transcript)
        : transcriptCsv(view.transcript);
    download(
      transcriptFileName(code, format),
      content,
      format === 'json' ? 'application/json' : 'text/csv;charset=utf-8',
    );
  };
  const el = h(
    'div',
    { class: 'screen debrief printable' },
    h('h1', { attrs: { tabindex: -1 }, text: t('debrief.title') }),
    body,
    picturesSlot,
    assumptions.el,
    h(
      'div',
      { class: 'actions no-print' },
      button(t('debrief.downloadJson'), () => exportAs('json'), { class: 'secondary' }),
      button(t('debrief.downloadCsv'), () => exportAs('csv'), { class: 'secondary' }),
      button(t('debrief.print'), () => window.print(), { class: 'secondary' }),
      button(t('debrief.home'), () => controller.leave()),
    ),
  );
  let shown = '';
  return {
    el,
    destroy() {
      destroyed = true;
      pictures?.destroy();
    },
    update(state: AppState) {
      assumptions.update(state);
      pictures?.update(state);
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      if (!picturesAsked && view.result) {
        picturesAsked = true;
        void import('../debrief/pictures.ts').then(
          (m) => {
            if (destroyed) return;
            pictures = m.mountPictures(ctx, state, pub, view);
            picturesSlot.replaceChildren(pictures.el);
          },
          () => {
            // Offline for a moment (the next state tries again), or the server was updated and this
            // page asks for files that are gone: say so, with the way out, instead of nothing.
            picturesAsked = false;
            if (destroyed) return;
            picturesSlot.replaceChildren(
              h(
                'p',
                { class: 'warning', attrs: { role: 'status' } },
                t('debrief.picturesFailed'),
                ' ',
                button(t('debrief.reload'), () => location.reload(), { class: 'secondary small' }),
              ),
            );
          },
        );
      }
      const model = debriefModel(pub, view);
      const key = JSON.stringify([model?.outcome.id, view.transcript.length, locale]);
      if (key === shown) return;
      shown = key;
      if (!model) {
        fill(body, h('p', { class: 'empty', text: t('debrief.waiting') }));
        return;
      }
      const paper = model.scores.some((s) => s.paper !== null);
      fill(
        body,
        h(
          'section',
          { class: 'outcome', attrs: { 'aria-labelledby': 'outcome-title' } },
          h('h2', { id: 'outcome-title', text: localized(model.outcome.title, locale) }),
          model.outcome.seedScenario !== null
            ? h('p', { class: 'seed', text: t('debrief.seedScenario', { n: model.outcome.seedScenario }) })
            : null,
          h('p', { text: t(`ending.${model.ending}`) }),
          h('p', { class: 'explanation', text: localized(model.outcome.debrief, locale) }),
          model.agreement.length > 0
            ? h(
                'div',
                {},
                h('h3', { text: t(model.ratified ? 'debrief.agreementRatified' : 'debrief.agreementFailed') }),
                h(
                  'ul',
                  {},
                  ...model.agreement.map((c) =>
                    h(
                      'li',
                      {},
                      h('strong', { text: `${localized(c.issueTitle, locale)}: ` }),
                      localized(c.optionLabel, locale),
                    ),
                  ),
                ),
              )
            : h('p', { text: t(model.partials.length > 0 ? 'debrief.noConcludingAgreement' : 'debrief.noAgreement') }),
          model.partials.length > 0
            ? h(
                'div',
                { class: 'partials' },
                h('h3', { text: t('debrief.partialsTitle') }),
                h(
                  'ul',
                  {},
                  ...model.partials.map((p) =>
                    h(
                      'li',
                      { dataset: { proposal: p.proposalId } },
                      h('strong', {
                        text: t(p.ratified ? 'debrief.partialRatified' : 'debrief.partialFailed', {
                          month: monthLabel(pub.meta.firstMonth, p.month, locale),
                        }),
                      }),
                      ' ',
                      p.clauses.map((c) => clauseText(c, locale)).join('; '),
                    ),
                  ),
                ),
              )
            : null,
        ),
        h(
          'table',
          { class: 'scores' },
          h('caption', { text: t('debrief.scoresCaption') }),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['delegation', 'score', 'noDeal', 'difference', 'verdict', ...(paper ? ['paper'] : [])].map((c) =>
                h('th', { attrs: { scope: 'col' }, text: t(`debrief.col.${c}`) }),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...model.scores.map((s) =>
              h(
                'tr',
                { dataset: { verdict: s.verdict } },
                h('th', { attrs: { scope: 'row' } }, delegationBadge(pub, s.delegation, locale)),
                h('td', { text: String(score(s.utility)) }),
                h('td', { text: String(score(s.noDeal)) }),
                h('td', { text: signed(score(s.utility) - score(s.noDeal)) }),
                h('td', { text: t(`debrief.verdict.${s.verdict}`) }),
                paper ? h('td', { text: s.paper === null ? '' : String(score(s.paper)) }) : null,
              ),
            ),
          ),
        ),
        model.month !== null
          ? h('p', {
              class: 'scored-in',
              text: t('debrief.scoredIn', { month: monthLabel(pub.meta.firstMonth, model.month, locale) }),
            })
          : null,
        paper ? h('p', { class: 'hint', text: t('debrief.paperNote') }) : null,
      );
    },
  };
}
