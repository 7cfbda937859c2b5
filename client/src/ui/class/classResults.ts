/**
 * The class results sheet: one row per table — the outcome it reached, the clauses it agreed, each
 * delegation's score against its walk-away, the rounds it took — side by side, as the results
 * matrix of a classroom negotiation exercise. Printable (black on white, one page landscape) and
 * downloadable as CSV for a spreadsheet. It names no student: it is meant for the whole class.
 */
import type { TableResult } from '@peace-table/shared/class/results';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import { localized } from '../../i18n/i18n.ts';
import { clauseText } from '../../model/clauses.ts';
import { score, signed } from '../../model/format.ts';
import { failureWords } from '../../model/refusals.ts';
import { displayCode } from '../../net/joinCode.ts';
import { button, download, fill, h } from '../dom.ts';
import type { ClassPage, ClassPageContext } from './classPage.ts';

/** Margins closer to zero than this read as "as well off as walking away" (the debrief's rule). */
const EPSILON = 0.005;

export function classResultsSheet(ctx: ClassPageContext): ClassPage {
  const { t, locale, code, key } = ctx;
  if (!key) throw new Error('the results sheet needs the class key');
  const delegation = (d: DelegationId) =>
    ctx.pub ? localized(ctx.pub.delegations[d].name, locale) : t(`delegation.${d}`);
  const body = h('div', { attrs: { 'aria-live': 'polite' } }, h('p', { class: 'hint', text: t('class.loading') }));
  const problem = h('p', { class: 'refusal', attrs: { role: 'alert' } });

  const scoreCell = (r: TableResult, d: DelegationId) => {
    const s = r.scores?.[d];
    if (!s) return h('td', { class: 'score', text: '—' });
    const verdict = s.margin > EPSILON ? 'better' : s.margin < -EPSILON ? 'worse' : 'same';
    return h(
      'td',
      { class: `score ${verdict}` },
      h('strong', { text: signed(score(s.utility) - score(s.noDeal)) }),
      h('br'),
      h('span', { class: 'small', text: t('class.score', { score: score(s.utility) }) }),
      h('br'),
      h('span', { class: 'small', text: t('class.walkAway', { walkAway: score(s.noDeal) }) }),
      h('span', { class: 'visually-hidden', text: ` ${t(`debrief.verdict.${verdict}`)}` }),
    );
  };

  const outcomeCell = (r: TableResult) => {
    if (!r.finished || !r.outcome || !r.ending) return h('td', { text: t('class.stillTalking') });
    const held =
      r.ratified === null
        ? null
        : h('span', { class: 'small', text: t(r.ratified ? 'class.ratified' : 'class.notRatified') });
    return h(
      'td',
      {},
      h('strong', { text: localized(r.outcome.title, locale) }),
      h('br'),
      h('span', { class: 'small', text: t(`ending.${r.ending}`) }),
      held ? h('br') : null,
      held,
    );
  };

  // One line per table keeps the rows comparable: the count, then the clauses as running text.
  const clausesCell = (r: TableResult) =>
    r.clauses.length === 0
      ? h('td', { text: t('class.noClauses') })
      : h(
          'td',
          { class: 'clauses' },
          h('strong', { text: t('class.clauseCount', { count: r.clauses.length }) }),
          h('br'),
          h('span', {
            class: 'small',
            text: r.clauses.map((c) => clauseText(c, locale)).join('; '),
          }),
        );

  const sheet = (tables: TableResult[]) =>
    h(
      'div',
      // A keyboard can scroll a table wider than the screen: the region takes the focus.
      { class: 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': t('class.resultsLink') } },
      h(
        'table',
        { class: 'results-sheet' },
        h('caption', { text: t('class.sheetCaption') }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' }, text: t('class.col.table') }),
            h('th', { attrs: { scope: 'col' }, text: t('class.col.outcome') }),
            h('th', { attrs: { scope: 'col' }, text: t('class.col.clauses') }),
            ...DELEGATION_IDS.map((d) => h('th', { attrs: { scope: 'col' }, text: delegation(d) })),
            h('th', { attrs: { scope: 'col' }, text: t('class.col.rounds') }),
          ),
        ),
        h(
          'tbody',
          {},
          ...tables.map((r) =>
            h(
              'tr',
              { dataset: { code: r.code } },
              h(
                'th',
                { attrs: { scope: 'row' } },
                t('class.tableName', { number: r.number }),
                h('br'),
                h('span', { class: 'small', text: displayCode(r.code) }),
              ),
              outcomeCell(r),
              clausesCell(r),
              ...DELEGATION_IDS.map((d) => scoreCell(r, d)),
              h('td', { text: String(r.rounds) }),
            ),
          ),
        ),
      ),
    );

  const csv = button(
    t('class.downloadCsv'),
    () =>
      void ctx.classes.resultsCsv(code, key).then(
        (blob) => download(`peace-table-class-${code}.csv`, blob, 'text/csv'),
        (error: unknown) =>
          (problem.textContent = t('class.overviewFailed', { reason: failureWords(error, t, locale) })),
      ),
    { class: 'secondary' },
  );
  const el = h(
    'section',
    { class: 'class-results' },
    h('h1', { attrs: { tabindex: -1 }, text: t('class.resultsTitle', { code: displayCode(code) }) }),
    h('p', { class: 'lead', text: t('class.sheetLead') }),
    h(
      'div',
      { class: 'actions no-print' },
      button(t('class.print'), () => window.print()),
      csv,
      h('a', {
        class: 'button-link secondary',
        attrs: { href: `${window.location.pathname}?class=${code}` },
        text: t('class.backToConsole'),
      }),
    ),
    problem,
    body,
    h('p', { class: 'hint', text: t('class.sheetHowTo') }),
  );
  if (ctx.last.results) fill(body, sheet(ctx.last.results.tables));
  void ctx.classes.results(code, key).then(
    (results) => {
      ctx.last.results = results;
      fill(body, sheet(results.tables));
    },
    (error: unknown) =>
      fill(
        body,
        h('p', {
          class: 'refusal',
          attrs: { role: 'alert' },
          text: t('class.overviewFailed', { reason: failureWords(error, t, locale) }),
        }),
      ),
  );
  return { el, destroy: () => undefined };
}
