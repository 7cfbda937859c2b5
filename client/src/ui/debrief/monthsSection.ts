/**
 * "The months": the world's indicators as lines over the rounds (the front's momentum, and the
 * other indicators as a share of their range), what happened marked where it happened, each chart
 * with its legend and its data as a table; under them the timeline as text, filterable by
 * delegation and kind.
 */
import type { DebriefAnswer } from '@peace-table/shared/debriefApi';
import type { SeatView } from '@peace-table/shared/engine/view';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { localized } from '../../i18n/i18n.ts';
import { timeline } from '../../model/debrief.ts';
import { clockTime, monthLabel } from '../../model/format.ts';
import {
  filterTimeline,
  type IndicatorSeries,
  indicatorSeries,
  type Mark,
  marks as marksOf,
  TIMELINE_KINDS,
  type TimelineKind,
} from '../../model/months.ts';
import { monthsChart, seriesStyle } from '../charts/monthsChart.ts';
import { delegationName } from '../components.ts';
import { fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

const MARK_SYMBOL: Record<Mark['kind'], string> = { event: '◆', lever: '▲', draft: '●' };

function dataTable(
  ctx: ScreenContext,
  pub: PublicScenario,
  series: IndicatorSeries[],
  caption: string,
  format: (s: IndicatorSeries, v: number) => string,
) {
  const { t, locale } = ctx;
  const rounds = series[0]?.points.map((p) => p[0]) ?? [];
  return h(
    'table',
    { class: 'chart-data' },
    h('caption', { text: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' }, text: t('debrief.months.indicator') }),
        ...rounds.map((r, i) =>
          h('th', {
            attrs: { scope: 'col' },
            text: i === rounds.length - 1 ? t('debrief.months.end') : monthLabel(pub.meta.firstMonth, r - 1, locale),
          }),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...series.map((serie) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' }, text: localized(serie.label, locale) }),
          ...serie.points.map((p) => h('td', { text: format(serie, p[1]) })),
        ),
      ),
    ),
  );
}

function chartBlock(
  ctx: ScreenContext,
  pub: PublicScenario,
  id: string,
  series: IndicatorSeries[],
  marks: Mark[],
  which: 'front' | 'other',
) {
  const { t, locale } = ctx;
  const share = (s: IndicatorSeries, v: number) => (s.max === s.min ? 0 : (v - s.min) / (s.max - s.min));
  const value = which === 'front' ? (_s: IndicatorSeries, v: number) => v : share;
  const format =
    which === 'front' ? (v: number) => (Math.round(v * 10) / 10).toString() : (v: number) => `${Math.round(v * 100)}%`;
  const title = t(`debrief.months.${which}Title`);
  const description = t(`debrief.months.${which}Description`, {
    names: series.map((s) => localized(s.label, locale)).join(', '),
  });
  const svg = monthsChart(
    series,
    marks,
    { title, description, axisX: t('debrief.months.round'), axisY: t(`debrief.months.${which}Axis`), format },
    id,
    value,
  );
  return h(
    'figure',
    { class: 'chart-figure' },
    h('h3', { text: title }),
    svg,
    h(
      'figcaption',
      {},
      h(
        'ul',
        { class: 'chart-legend' },
        ...series.map((serie, i) => {
          const style = seriesStyle(i);
          const swatch = h('span', {
            class: 'swatch',
            attrs: {
              'aria-hidden': 'true',
              style: `border-top-color:${style.stroke};border-top-style:${style.dash ? 'dashed' : 'solid'}`,
            },
          });
          return h('li', {}, swatch, localized(serie.label, locale));
        }),
      ),
      h(
        'details',
        { class: 'chart-table' },
        h('summary', { text: t('debrief.chartData') }),
        dataTable(ctx, pub, series, title, (s, v) => format(value(s, v))),
      ),
    ),
  );
}

function marksList(ctx: ScreenContext, pub: PublicScenario, marks: Mark[]) {
  const { t, locale } = ctx;
  const who = (m: Mark) =>
    m.actor === 'system'
      ? t('debrief.months.drawn')
      : m.actor === 'facilitator'
        ? t('actor.facilitator')
        : delegationName(pub, m.actor, locale);
  return h(
    'details',
    { class: 'marks-list' },
    h('summary', { text: t('debrief.months.marksTitle') }),
    h(
      'ul',
      {},
      ...marks.map((m) =>
        h(
          'li',
          {},
          h('span', {
            class: `mark-symbol mark-${m.kind}`,
            attrs: { 'aria-hidden': 'true' },
            text: MARK_SYMBOL[m.kind],
          }),
          ` ${t('debrief.months.roundN', { n: m.round })} · ${t(`debrief.months.mark.${m.kind}`)} · ${who(m)}: ${localized(m.text, locale)}${m.status ? ` (${t(`proposalStatus.${m.status}`)})` : ''}`,
        ),
      ),
    ),
  );
}

function timelineBlock(ctx: ScreenContext, pub: PublicScenario, view: SeatView) {
  const { t, locale } = ctx;
  const entries = timeline(view.transcript);
  const byWho = h(
    'select',
    { id: 'timeline-who' },
    h('option', { attrs: { value: 'all' }, text: t('debrief.timelineFilter.everyone') }),
    ...DELEGATION_IDS.map((d) => h('option', { attrs: { value: d }, text: delegationName(pub, d, locale) })),
  );
  const byKind = h(
    'select',
    { id: 'timeline-kind' },
    h('option', { attrs: { value: 'all' }, text: t('debrief.timelineFilter.allKinds') }),
    ...TIMELINE_KINDS.map((k) => h('option', { attrs: { value: k }, text: t(`debrief.timelineFilter.kind.${k}`) })),
  );
  const list = h('ol', { attrs: { 'aria-live': 'polite' } });
  const count = h('p', { class: 'hint' });
  const render = () => {
    const shown = filterTimeline(entries, {
      delegation: byWho.value as DelegationId | 'all',
      kind: byKind.value as TimelineKind | 'all',
    });
    count.textContent = t('debrief.timelineFilter.count', { shown: shown.length, total: entries.length });
    fill(
      list,
      ...shown.map((e) =>
        h(
          'li',
          { dataset: { kind: e.kind } },
          h('span', {
            class: 'when',
            text: e.round > 0 ? monthLabel(pub.meta.firstMonth, e.month, locale) : t(`phase.${e.phase}`),
          }),
          ' · ',
          h('time', { attrs: { datetime: new Date(e.at).toISOString() }, text: clockTime(e.at, locale) }),
          ' · ',
          localized(e.text, locale),
        ),
      ),
    );
  };
  byWho.addEventListener('change', render);
  byKind.addEventListener('change', render);
  render();
  return h(
    'details',
    { class: 'timeline' },
    h('summary', { id: 'timeline-title', text: t('debrief.timeline') }),
    h(
      'div',
      { class: 'timeline-filters no-print' },
      h('label', { attrs: { for: 'timeline-who' }, text: t('debrief.timelineFilter.who') }),
      byWho,
      h('label', { attrs: { for: 'timeline-kind' }, text: t('debrief.timelineFilter.kindLabel') }),
      byKind,
    ),
    count,
    list,
  );
}

export function monthsSection(
  ctx: ScreenContext,
  pub: PublicScenario,
  view: SeatView,
  data: DebriefAnswer,
): HTMLElement {
  const { t } = ctx;
  const series = indicatorSeries(pub, data.months);
  const marks = marksOf(pub, view);
  return h(
    'section',
    { class: 'months-section', attrs: { 'aria-labelledby': 'months-title' } },
    h('h2', { id: 'months-title', text: t('debrief.months.title') }),
    h('p', { class: 'hint', text: t('debrief.months.intro') }),
    h(
      'p',
      { class: 'mark-key' },
      ...(['event', 'lever', 'draft'] as const).map((k) =>
        h('span', { class: `mark-symbol mark-${k}` }, `${MARK_SYMBOL[k]} ${t(`debrief.months.mark.${k}`)}  `),
      ),
    ),
    chartBlock(
      ctx,
      pub,
      'months-front',
      series.filter((s) => s.front),
      marks,
      'front',
    ),
    chartBlock(
      ctx,
      pub,
      'months-other',
      series.filter((s) => !s.front),
      marks,
      'other',
    ),
    marksList(ctx, pub, marks),
    timelineBlock(ctx, pub, view),
  );
}
