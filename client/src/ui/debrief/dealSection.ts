/**
 * "The deal against the possible": a table of each delegation's score in what happened, on paper
 * for the reference package, walking away, at the Nash point and at the frontier point closest to
 * the deal; the chart for a chosen pair (Ukraine–Russia first) with its data as a table; and one
 * paragraph that says what the picture means.
 */
import type { DealAnalysis } from '@peace-table/shared/debriefApi';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { type PairPicture, pairPicture, zoneOfAgreement } from '../../model/dealPicture.ts';
import { monthLabel, score } from '../../model/format.ts';
import { dealChart } from '../charts/dealChart.ts';
import { delegationBadge, delegationName } from '../components.ts';
import { fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

const num = (v: number | null) => (v === null ? '—' : String(score(v)));

function scoreTable(ctx: ScreenContext, pub: PublicScenario, a: DealAnalysis): HTMLTableElement {
  const { t, locale } = ctx;
  const cols = [
    'outcome',
    ...(a.paper && a.reference.kind !== 'agreement' ? ['paper'] : []),
    'walkAway',
    'nash',
    'closest',
  ];
  return h(
    'table',
    { class: 'deal-table' },
    h('caption', { text: t('debrief.deal.tableCaption', { month: monthLabel(pub.meta.firstMonth, a.month, locale) }) }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' }, text: t('debrief.col.delegation') }),
        ...cols.map((c) =>
          h('th', {
            attrs: { scope: 'col' },
            text: t(c === 'paper' ? `debrief.deal.col.paper.${a.reference.kind}` : `debrief.deal.col.${c}`),
          }),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...a.rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' } }, delegationBadge(pub, r.delegation, locale)),
          ...cols.map((c) => h('td', { text: num(r[c as 'outcome']) })),
        ),
      ),
    ),
  );
}

/** The pair chart's data as a table (its text alternative). */
function pairTable(ctx: ScreenContext, pub: PublicScenario, picture: PairPicture, a: DealAnalysis): HTMLTableElement {
  const { t, locale } = ctx;
  const [da, db] = picture.pair;
  const rows: Array<[string, [number, number] | null]> = [
    [t(`debrief.deal.point.outcome.${a.reference.kind === 'agreement' ? 'agreement' : 'noDeal'}`), picture.outcome],
    ...(a.reference.kind !== 'agreement' && picture.paper
      ? [[t(`debrief.deal.point.paper.${a.reference.kind}`), picture.paper] as [string, [number, number]]]
      : []),
    [t('debrief.deal.point.walkAway'), picture.walkAway],
    [t('debrief.deal.point.nash'), picture.nash],
    [t('debrief.deal.point.closest'), picture.closest],
    ...picture.frontier.map(
      (p, i) => [t('debrief.deal.point.frontier', { n: i + 1 }), p] as [string, [number, number]],
    ),
  ];
  return h(
    'table',
    { class: 'chart-data' },
    h('caption', { text: t('debrief.deal.dataCaption', { total: picture.cloud.length }) }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' }, text: t('debrief.deal.point.name') }),
        h('th', { attrs: { scope: 'col' }, text: delegationName(pub, da, locale) }),
        h('th', { attrs: { scope: 'col' }, text: delegationName(pub, db, locale) }),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map(([name, p]) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' }, text: name }),
          h('td', { text: p ? num(p[0]) : '—' }),
          h('td', { text: p ? num(p[1]) : '—' }),
        ),
      ),
    ),
  );
}

/** One paragraph a student understands: what the dots, the line and the markers say about this game. */
export function explanation(ctx: ScreenContext, pub: PublicScenario, picture: PairPicture, a: DealAnalysis): string {
  const { t, locale } = ctx;
  const [da, db] = picture.pair.map((d) => delegationName(pub, d, locale));
  const parts = [t('debrief.deal.explain.chart', { a: da ?? '', b: db ?? '' })];
  if (picture.cloud.length === 0) parts.push(t('debrief.deal.explain.nothingSignable'));
  else if (!zoneOfAgreement(picture)) parts.push(t('debrief.deal.explain.noZone', { a: da ?? '', b: db ?? '' }));
  else parts.push(t('debrief.deal.explain.zone', { a: da ?? '', b: db ?? '' }));
  parts.push(t(`debrief.deal.explain.${a.reference.kind}`));
  if (a.reference.kind === 'agreement' && a.distanceToFrontier !== null)
    parts.push(
      a.distanceToFrontier < 0.01
        ? t('debrief.deal.explain.onFrontier')
        : t('debrief.deal.explain.offFrontier', { points: Math.round(a.distanceToFrontier * 100) }),
    );
  parts.push(a.nash ? t('debrief.deal.explain.nash') : t('debrief.deal.explain.noNash'));
  return parts.join(' ');
}

function legendItem(symbol: string, kind: string, text: string): HTMLElement {
  return h(
    'li',
    { class: kind },
    h('span', { class: 'legend-symbol', attrs: { 'aria-hidden': 'true' }, text: symbol }),
    text,
  );
}

export function dealSection(ctx: ScreenContext, pub: PublicScenario, analysis: DealAnalysis): HTMLElement {
  const { t, locale } = ctx;
  const select = (id: string, value: DelegationId) =>
    h(
      'select',
      { id },
      ...DELEGATION_IDS.map((d) =>
        h('option', { attrs: { value: d, selected: d === value }, text: delegationName(pub, d, locale) }),
      ),
    );
  const first = select('deal-pair-a', 'ukraine');
  const second = select('deal-pair-b', 'russia');
  const figure = h('figure', { class: 'chart-figure' });
  const render = () => {
    let pair: [DelegationId, DelegationId] = [first.value as DelegationId, second.value as DelegationId];
    if (pair[0] === pair[1]) pair = [pair[0], DELEGATION_IDS.find((d) => d !== pair[0]) as DelegationId];
    const picture = pairPicture(analysis, pair);
    const [na, nb] = pair.map((d) => delegationName(pub, d, locale)) as [string, string];
    const kind = analysis.reference.kind;
    const text = explanation(ctx, pub, picture, analysis);
    const svg = dealChart(
      picture,
      kind,
      {
        title: t('debrief.deal.chartTitle', { a: na, b: nb }),
        description: text,
        axisX: t('debrief.deal.axis', { delegation: na }),
        axisY: t('debrief.deal.axis', { delegation: nb }),
        walkAwayX: t('debrief.deal.walksAway', { delegation: na }),
        walkAwayY: t('debrief.deal.walksAway', { delegation: nb }),
        outcome: t(`debrief.deal.point.outcome.${kind === 'agreement' ? 'agreement' : 'noDeal'}`),
        paper: kind === 'agreement' || kind === 'none' ? null : t(`debrief.deal.point.paper.${kind}`),
        nash: t('debrief.deal.point.nash'),
        closest: t('debrief.deal.point.closest'),
      },
      'deal-chart',
    );
    fill(
      figure,
      svg,
      h(
        'figcaption',
        {},
        h('p', { class: 'explanation', text }),
        h(
          'ul',
          { class: 'chart-legend' },
          // Only what this chart draws, each with the symbol it is drawn with.
          picture.cloud.length > 0 ? legendItem('●', 'legend-cloud', t('debrief.deal.legend.cloud')) : null,
          picture.frontier.length > 1 ? legendItem('━', 'legend-frontier', t('debrief.deal.legend.frontier')) : null,
          legendItem('┆', 'legend-walk', t('debrief.deal.legend.walkAway')),
          picture.nash ? legendItem('◆', 'legend-nash', t('debrief.deal.point.nash')) : null,
          picture.closest ? legendItem('○', 'legend-closest', t('debrief.deal.point.closest')) : null,
        ),
        h(
          'details',
          { class: 'chart-table' },
          h('summary', { text: t('debrief.chartData') }),
          pairTable(ctx, pub, picture, analysis),
        ),
      ),
    );
  };
  first.addEventListener('change', render);
  second.addEventListener('change', render);
  render();
  return h(
    'section',
    { class: 'deal-section', attrs: { 'aria-labelledby': 'deal-title' } },
    h('h2', { id: 'deal-title', text: t('debrief.deal.title') }),
    h('p', {
      class: 'hint',
      text: t(`debrief.deal.intro.${analysis.reference.kind}`, { round: analysis.reference.round ?? 0 }),
    }),
    scoreTable(ctx, pub, analysis),
    h(
      'div',
      { class: 'pair-pickers no-print' },
      h('label', { attrs: { for: 'deal-pair-a' }, text: t('debrief.deal.pairA') }),
      first,
      h('label', { attrs: { for: 'deal-pair-b' }, text: t('debrief.deal.pairB') }),
      second,
    ),
    figure,
  );
}
