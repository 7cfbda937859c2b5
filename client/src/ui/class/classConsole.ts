/**
 * The class console: every table of the class in one view — its code and join link, phase, clock,
 * who plays each delegation and what needs attention — with pause, resume and "end this phase"
 * for every table at once, each table's own console a click away, and the results sheet.
 * It asks the server for the overview every few seconds; the clocks tick in between.
 */
import type { ClassCommand, ClassCommandAnswer, ClassOverview, ClassTableStatus } from '@peace-table/shared/protocol';
import { DELEGATION_IDS } from '@peace-table/shared/scenario/ids';
import { localized } from '../../i18n/i18n.ts';
import { countdown } from '../../model/format.ts';
import { failureWords, refusalSentence } from '../../model/refusals.ts';
import { classUrl, displayCode, joinUrl } from '../../net/joinCode.ts';
import { studentBases } from '../../net/roomLink.ts';
import { clockSettings } from '../components.ts';
import { confirmDialog } from '../confirmDialog.ts';
import { button, fill, h } from '../dom.ts';
import { qrSvg } from '../qrCode.ts';
import type { ClassPage, ClassPageContext } from './classPage.ts';
import { optionTags, phaseWords } from './classParts.ts';

const POLL_MS = 3000;

export function classConsole(ctx: ClassPageContext): ClassPage {
  const { t, locale, code, key } = ctx;
  if (!key) throw new Error('the class console needs the class key');
  const delegation = (d: (typeof DELEGATION_IDS)[number]) =>
    ctx.pub ? localized(ctx.pub.delegations[d].name, locale) : t(`delegation.${d}`);
  let base = `${window.location.origin}/`;
  let overview: ClassOverview | null = ctx.last.overview ?? null;

  const link = h('p', { class: 'join-link' });
  const qrSlot = h('div', { class: 'qr-slot' });
  const howToJoin = h('p', { class: 'hint' });
  const settings = h('div', { class: 'class-settings' });
  const status = h('p', { class: 'class-status', attrs: { role: 'status' } });
  const problem = h('p', { class: 'refusal', attrs: { role: 'alert' } });
  const rows = h('tbody');
  const clocks = new Map<string, HTMLElement>();

  const showLink = () => {
    const url = classUrl(base, code);
    fill(link, t('class.studentsOpen'), ' ', h('a', { attrs: { href: url }, text: url }));
    fill(qrSlot, qrSvg(url, t('console.qrLabel', { url })));
  };

  const command = async (which: ClassCommand) => {
    problem.textContent = '';
    try {
      status.textContent = summary(await ctx.classes.command(code, key, which), which);
    } catch (error) {
      problem.textContent = t('class.commandFailed', { reason: failureWords(error, t, locale) });
    }
    await refresh();
  };
  const summary = (answer: ClassCommandAnswer, which: ClassCommand) => {
    const done = answer.tables.filter((r) => r.ok).length;
    const refused = answer.tables
      .filter((r) => !r.ok)
      .map((r) => {
        const number = (overview?.tables.find((x) => x.code === r.code)?.number ?? 0).toString();
        const why = refusalSentence(
          { code: '', message: r.message ?? '', reason: r.reason, params: r.params },
          t,
          locale,
        );
        return t('class.tableRefused', { table: t('class.tableName', { number }), reason: why });
      });
    return [t(`class.done.${which.slice('facilitator.'.length)}`, { count: done }), ...refused].join(' ');
  };

  const actions = h(
    'div',
    { class: 'actions no-print' },
    button(t('class.pauseAll'), () => void command('facilitator.pause')),
    button(t('class.resumeAll'), () => void command('facilitator.resume'), { class: 'secondary' }),
    button(
      t('class.advanceAll'),
      () =>
        void confirmDialog({
          title: t('class.advanceConfirmTitle'),
          body: t('class.advanceConfirmBody'),
          confirm: t('class.advanceAll'),
          cancel: t('class.cancel'),
        }).then((yes) => (yes ? command('facilitator.advance') : undefined)),
      { class: 'secondary' },
    ),
    h('a', {
      class: 'button-link',
      attrs: { href: `${window.location.pathname}?class=${code}&results` },
      text: t('class.resultsLink'),
    }),
    h('a', {
      class: 'button-link secondary',
      attrs: { href: `${window.location.pathname}?guide`, target: '_blank', rel: 'noopener' },
      text: t('guide.open'),
    }),
  );

  const alertWords = (table: ClassTableStatus) =>
    table.alerts.map((a) =>
      'delegation' in a
        ? t(`class.alert.${a.kind}`, { delegation: delegation(a.delegation) })
        : t(`class.alert.${a.kind}`),
    );

  const row = (table: ClassTableStatus) => {
    const name = t('class.tableName', { number: table.number });
    const clock = h('span', { class: 'clock' });
    clocks.set(table.code, clock);
    const seats = h(
      'ul',
      { class: 'class-seats' },
      ...DELEGATION_IDS.map((d) => {
        const seat = table.seats[d];
        const who = seat.control === 'bot' ? t('class.computer') : t('class.people', { count: seat.people });
        return h('li', {}, h('span', { text: `${delegation(d)}: ` }), h('span', { text: who }));
      }),
    );
    const alerts = alertWords(table);
    return h(
      'tr',
      { dataset: { code: table.code } },
      h('th', { attrs: { scope: 'row' }, text: name }),
      h(
        'td',
        {},
        h('span', { class: 'table-code', text: displayCode(table.code) }),
        h('br'),
        h('a', { class: 'small', attrs: { href: joinUrl(base, table.code) }, text: joinUrl(base, table.code) }),
      ),
      h(
        'td',
        {},
        phaseWords(t, table),
        table.paused ? h('span', { class: 'paused-tag', text: ` ${t('phase.pausedBadge')}` }) : null,
        h('br'),
        clock,
      ),
      h('td', {}, seats),
      h(
        'td',
        {},
        alerts.length === 0
          ? h('span', { class: 'hint', text: t('class.noAlerts') })
          : h('ul', { class: 'class-alerts' }, ...alerts.map((a) => h('li', { text: a }))),
      ),
      h(
        'td',
        { class: 'no-print' },
        // A finished table's room has closed: the results sheet shows it, not a console.
        table.status === 'open' && table.phase !== 'concluded'
          ? h('a', {
              class: 'button-link secondary',
              attrs: {
                href: `${window.location.pathname}?join=${table.code}`,
                target: '_blank',
                rel: 'noopener',
                'aria-label': t('class.openTable', { table: name }),
              },
              text: t('class.openConsole'),
            })
          : h('span', { class: 'hint', text: '—' }),
      ),
    );
  };

  const tick = () => {
    for (const table of overview?.tables ?? []) {
      const clock = clocks.get(table.code);
      if (!clock) continue;
      const left = table.paused ? table.remainingMs : table.deadlineAt !== null ? table.deadlineAt - Date.now() : null;
      clock.textContent =
        left === null || table.phase === 'concluded' ? '' : t('phase.timeLeft', { time: countdown(left) });
    }
  };

  const refresh = async () => {
    try {
      overview = await ctx.classes.overview(code, key);
    } catch (error) {
      problem.textContent = t('class.overviewFailed', { reason: failureWords(error, t, locale) });
      return;
    }
    ctx.last.overview = overview;
    problem.textContent = '';
    show(overview);
  };
  const show = (known: ClassOverview) => {
    fill(settings, clockSettings(known.phaseSeconds as Record<string, number>, t), optionTags(t, known));
    howToJoin.textContent = known.studentsChoose ? t('class.studentsChoose') : t('class.studentsAssigned');
    clocks.clear();
    fill(rows, ...known.tables.map(row));
    tick();
  };

  const el = h(
    'section',
    { class: 'class-console' },
    h('h1', { attrs: { tabindex: -1 }, text: t('class.consoleTitle', { code: displayCode(code) }) }),
    h(
      'div',
      { class: 'join-banner' },
      h(
        'div',
        { class: 'join-text' },
        h('p', { class: 'join-label', text: t('class.codeLabel') }),
        h('p', {
          class: 'join-code',
          attrs: { 'aria-label': t('console.codeAria', { code: [...code].join(' ') }) },
          text: displayCode(code),
        }),
        link,
        howToJoin,
      ),
      qrSlot,
    ),
    settings,
    actions,
    status,
    problem,
    h(
      'div',
      // A keyboard can scroll a table wider than the screen: the region takes the focus.
      { class: 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': t('class.tablesCaption') } },
      h(
        'table',
        { class: 'class-tables' },
        h('caption', { text: t('class.tablesCaption') }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['table', 'code', 'phase', 'seats', 'alerts', 'console'].map((c) =>
              h('th', {
                attrs: { scope: 'col' },
                class: c === 'console' ? 'no-print' : undefined,
                text: t(`class.col.${c}`),
              }),
            ),
          ),
        ),
        rows,
      ),
    ),
  );

  showLink();
  if (overview) show(overview);
  void ctx.api.roomAddress().then(
    (info) => {
      base = studentBases(window.location, info).bases[0]?.url ?? base;
      showLink();
      if (overview) fill(rows, ...overview.tables.map(row));
      tick();
    },
    () => undefined,
  );
  void refresh();
  const poll = setInterval(() => void refresh(), POLL_MS);
  const ticker = setInterval(tick, 1000);
  return {
    el,
    destroy() {
      clearInterval(poll);
      clearInterval(ticker);
    },
  };
}
