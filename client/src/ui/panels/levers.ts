/** The delegation's levers: cost, expected effect, availability (with the reason when blocked), and a button to pull each. */
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { intent, refusalText } from '../../model/actions.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import { signed } from '../../model/format.ts';
import { type EffectLine, leverRows } from '../../model/levers.ts';
import type { AppState } from '../../state/app.ts';
import { type Live, refusalLine } from '../components.ts';
import { button, field, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

export function leversPanel(ctx: ScreenContext, me: DelegationId): Live {
  const { t, locale, controller } = ctx;
  const body = h('div', { class: 'lever-list' });
  const refusalEl = refusalLine(['lever.use'], t, locale);
  const el = h(
    'section',
    { class: 'levers' },
    h('h3', { text: t('levers.title') }),
    h('p', { class: 'hint', text: t('levers.intro') }),
    refusalEl.el,
    body,
  );
  let lastKey = '';

  const effectText = (e: EffectLine) => {
    if (e.delta === null) return t('levers.effectFlag');
    if (e.perSector) return t('levers.effectSector', { delta: signed(e.delta) });
    return t('levers.effect', { variable: e.label ? localized(e.label, locale) : '?', delta: signed(e.delta) });
  };

  return {
    el,
    update(state: AppState) {
      refusalEl.update(state);
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      const rows = leverRows(seatScenario(pub, view), view, me);
      const key = JSON.stringify([
        rows.map((r) => [r.lever.id, r.queued, r.blocked?.message, r.availableFrom]),
        view.world.values,
      ]);
      if (key === lastKey) return;
      lastKey = key;
      fill(
        body,
        ...rows.map((row) => {
          const sector =
            row.sectors.length > 0
              ? h(
                  'select',
                  {},
                  ...row.sectors.map((s) => h('option', { attrs: { value: s.id }, text: localized(s.name, locale) })),
                )
              : null;
          const use = button(t('levers.use'), () =>
            controller.send(intent('lever.use', { lever: row.lever.id, ...(sector ? { sector: sector.value } : {}) })),
          );
          use.disabled = row.blocked !== null;
          const status = row.queued
            ? t('levers.queued')
            : row.availableFrom !== null
              ? t('levers.cooldown', { round: row.availableFrom })
              : row.blocked
                ? t('levers.blocked', { reason: refusalText(row.blocked, t, locale) })
                : t('levers.available');
          return h(
            'article',
            { class: 'lever', dataset: { lever: row.lever.id } },
            h(
              'h4',
              {},
              localized(row.lever.title, locale),
              row.lever.visibility === 'private' ? h('small', { text: ` (${t('levers.private')})` }) : null,
            ),
            h('p', { text: localized(row.lever.description, locale) }),
            h(
              'dl',
              {},
              h('dt', { text: t('levers.cost') }),
              h('dd', { text: localized(row.lever.cost, locale) }),
              h('dt', { text: t('levers.expected') }),
              h('dd', {}, h('ul', {}, ...row.effects.map((e) => h('li', { text: effectText(e) })))),
              h('dt', { text: t('levers.status') }),
              h('dd', { text: status }),
            ),
            sector ? field(t('levers.sector'), sector) : null,
            use,
          );
        }),
      );
      if (rows.length === 0) body.append(h('p', { class: 'empty', text: t('levers.none') }));
    },
  };
}
