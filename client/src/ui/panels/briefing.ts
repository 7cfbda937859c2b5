/**
 * A delegation's private briefing: objectives, priorities, fallbacks, what it may reveal, domestic
 * pressure, red lines, ratification rules and the utility sheet. Plain semantic HTML so it reads
 * well aloud and prints cleanly (print.css hides everything else).
 */
import type { DelegationId, ScenarioMeta, SourcedText } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { briefingModel } from '../../model/briefing.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import { score } from '../../model/format.ts';
import { citation } from '../../model/sources.ts';
import type { AppState } from '../../state/app.ts';
import type { Live } from '../components.ts';
import { fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

export function briefingPanel(ctx: ScreenContext, who: () => DelegationId | null): Live {
  const { t, locale } = ctx;
  const el = h('article', { class: 'briefing printable' });
  let shownFor = '';

  const sourced = (meta: ScenarioMeta, items: SourcedText[]) =>
    h(
      'ul',
      {},
      ...items.map((item) =>
        h('li', {}, localized(item.text, locale), ' ', h('cite', { text: citation(meta, item.source, locale, t) })),
      ),
    );

  return {
    el,
    update(state: AppState) {
      const d = who();
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view || !d) return;
      // The briefing only changes with the delegation or the language; the no-deal value with the world.
      const key = `${d}:${view.world.month}:${JSON.stringify(view.world.values)}`;
      if (key === shownFor) return;
      shownFor = key;
      const model = briefingModel(seatScenario(pub, view), view, d);
      if (!model) {
        fill(el, h('p', { class: 'empty', text: t('briefing.none') }));
        return;
      }
      const utilityRows = model.utilities.map((row) =>
        h(
          'tr',
          {},
          h(
            'th',
            { attrs: { scope: 'row' } },
            localized(row.issueTitle, locale),
            h('br'),
            h('small', { text: t('briefing.weight', { weight: Math.round(row.weight * 100) }) }),
          ),
          h(
            'td',
            {},
            h(
              'ul',
              { class: 'utility-options' },
              ...row.options.map((o) =>
                h(
                  'li',
                  { dataset: { best: String(o.best) } },
                  h('span', { class: 'score', text: String(score(o.utility)) }),
                  ' ',
                  localized(o.label, locale),
                  o.isDefault ? h('em', { text: ` (${t('briefing.statusQuo')})` }) : null,
                  o.best ? h('strong', { text: ` ${t('briefing.best')}` }) : null,
                ),
              ),
            ),
          ),
        ),
      );
      fill(
        el,
        h('h2', { text: t('briefing.title', { delegation: localized(model.name, locale) }) }),
        h(
          'p',
          { class: 'public-position' },
          h('strong', { text: `${t('briefing.publicPosition')}: ` }),
          localized(model.publicPosition.text, locale),
        ),
        ...model.sections.flatMap((s) => [h('h3', { text: t(`briefing.${s.id}`) }), sourced(pub.meta, s.items)]),
        h('h3', { text: t('briefing.redLines') }),
        h('p', { class: 'hint', text: t('briefing.redLinesHint') }),
        h(
          'ul',
          { class: 'red-lines' },
          ...model.redLines.map((r) =>
            h('li', {}, h('strong', { text: localized(r.title, locale) }), ': ', localized(r.explanation, locale)),
          ),
        ),
        h('h3', { text: t('briefing.ratification') }),
        h(
          'ul',
          {},
          ...model.ratification.map((r) =>
            h('li', {}, h('strong', { text: localized(r.title, locale) }), ': ', localized(r.explanation, locale)),
          ),
        ),
        h('h3', { text: t('briefing.utilities') }),
        h('p', { class: 'hint', text: t('briefing.utilitiesHint', { noDeal: score(model.noDeal) }) }),
        h(
          'table',
          { class: 'utility-sheet' },
          h('caption', { text: t('briefing.utilitiesCaption') }),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { attrs: { scope: 'col' }, text: t('briefing.issue') }),
              h('th', { attrs: { scope: 'col' }, text: t('briefing.options') }),
            ),
          ),
          h('tbody', {}, ...utilityRows),
        ),
        h('h3', { text: t('briefing.rationale') }),
        sourced(pub.meta, model.rationale),
      );
    },
  };
}
