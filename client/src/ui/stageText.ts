/**
 * The text version of what the canvas shows: the table as sentences, the map as tables. Always in
 * the page (the canvas is invisible to screen readers), and openable for everyone as "text view".
 */
import type { Localized } from '@peace-table/shared/scenario/schema';
import { CATALOGS } from '../i18n/allCatalogs.ts';
import { createTranslator } from '../i18n/i18n.ts';
import { mapTables } from '../map/mapTable.ts';
import { mapOverlay } from '../map/overlay.ts';
import { draftOnTable } from '../model/proposal.ts';
import { tableModel } from '../model/table.ts';
import { tableSummary } from '../model/tableText.ts';
import type { AppState } from '../state/app.ts';
import type { Live } from './components.ts';
import { fill, h } from './dom.ts';
import { loadMapLayers } from './mapLayers.ts';
import type { ScreenContext } from './screen.ts';

/** The combined front gauge's label in both languages (the other gauges' labels come from content). */
export function frontLabel(): Localized {
  return {
    en: createTranslator('en', CATALOGS).t('gauge.front'),
    uk: createTranslator('uk', CATALOGS).t('gauge.front'),
  };
}

export function stageText(ctx: ScreenContext, modes: ('table' | 'map')[]): Live {
  const { t } = ctx;
  const tableBody = h('div', { class: 'table-text' });
  const mapBody = h('div', { class: 'map-text' });
  const el = h(
    'details',
    { class: 'stage-text' },
    h('summary', { text: t('stage.textView') }),
    modes.includes('table')
      ? h('section', { attrs: { 'aria-label': t('stage.table') } }, h('h3', { text: t('stage.table') }), tableBody)
      : null,
    modes.includes('map')
      ? h('section', { attrs: { 'aria-label': t('stage.map') } }, h('h3', { text: t('stage.map') }), mapBody)
      : null,
  );
  let lastTable = '';
  let lastMap = '';
  return {
    el,
    update(state: AppState) {
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      const model = tableModel(pub, view, state.room, frontLabel());
      const lines = tableSummary(model, pub, view, ctx, Date.now());
      const tableKey = lines.join('\n');
      if (tableKey !== lastTable) {
        lastTable = tableKey;
        fill(tableBody, ...lines.map((line) => h('p', { text: line })));
      }
      if (!modes.includes('map')) return;
      const pkg = draftOnTable(view)?.package ?? view.result?.agreement ?? null;
      const mapKey = JSON.stringify([pkg, view.world.values, state.previousWorld?.values]);
      if (mapKey === lastMap) return;
      lastMap = mapKey;
      void loadMapLayers(ctx.controller.api, pub.meta.id, pub.map).then(
        (layers) => {
          const tables = mapTables(mapOverlay(pub, pkg, view.world, state.previousWorld), layers.cities, {
            t,
            locale: ctx.locale,
          });
          fill(
            mapBody,
            ...tables.map((table) =>
              h(
                'table',
                {},
                h('caption', { text: table.caption }),
                h('thead', {}, h('tr', {}, ...table.head.map((c) => h('th', { attrs: { scope: 'col' }, text: c })))),
                h(
                  'tbody',
                  {},
                  ...table.rows.map((row) =>
                    h(
                      'tr',
                      {},
                      ...row.map((c, i) =>
                        i === 0 ? h('th', { attrs: { scope: 'row' }, text: c }) : h('td', { text: c }),
                      ),
                    ),
                  ),
                ),
              ),
            ),
            ...pub.map.attribution.map((a) => h('p', { class: 'credit', text: a[ctx.locale] })),
          );
        },
        () => fill(mapBody, h('p', { class: 'empty', text: t('stage.mapUnavailable') })),
      );
    },
  };
}
