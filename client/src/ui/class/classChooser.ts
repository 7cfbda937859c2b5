/**
 * The class link as a student opens it: the class's tables to choose from, each opening its own
 * join link (so a student picks a delegation and types a name as for any session). When the
 * facilitator assigns tables, the page says to ask for the table's code instead.
 */
import { refusalSentence } from '../../model/refusals.ts';
import { ApiError } from '../../net/api.ts';
import { displayCode } from '../../net/joinCode.ts';
import { fill, h } from '../dom.ts';
import type { ClassPage, ClassPageContext } from './classPage.ts';
import { optionTags } from './classParts.ts';

export function classChooser(ctx: ClassPageContext): ClassPage {
  const { t, locale, code } = ctx;
  const body = h('div', { attrs: { 'aria-live': 'polite' } }, h('p', { class: 'hint', text: t('class.loading') }));
  const el = h(
    'section',
    { class: 'class-chooser' },
    h('h1', { attrs: { tabindex: -1 }, text: t('class.chooseTitle', { code: displayCode(code) }) }),
    body,
  );
  const home = () =>
    h('a', { class: 'button-link secondary', attrs: { href: window.location.pathname }, text: t('class.enterCode') });
  void ctx.classes.info(code).then(
    (info) => {
      if (!info.studentsChoose) {
        fill(body, optionTags(t, info), h('p', { class: 'lead', text: t('class.assigned') }), home());
        return;
      }
      const items = info.tables.map((table) => {
        const label = t('class.tableName', { number: table.number });
        const people = t('class.people', { count: table.people });
        if (!table.open) {
          return h(
            'li',
            { class: 'closed' },
            h('strong', { text: label }),
            ' ',
            h('span', { text: t('class.tableOver') }),
          );
        }
        return h(
          'li',
          {},
          h(
            'a',
            {
              class: 'button-link',
              attrs: { href: `${window.location.pathname}?join=${table.code}` },
            },
            t('class.joinTable', { table: label }),
          ),
          ' ',
          h('span', { class: 'hint', text: `${t('class.code')} ${displayCode(table.code)} · ${people}` }),
        );
      });
      fill(
        body,
        optionTags(t, info),
        h('p', { class: 'lead', text: t('class.chooseLead') }),
        h('ul', { class: 'table-choices' }, ...items),
      );
    },
    (error: unknown) => {
      const reason =
        error instanceof ApiError
          ? refusalSentence({ code: '', message: error.message, reason: error.reason, params: error.params }, t, locale)
          : t('class.unreachable');
      fill(body, h('p', { class: 'refusal', attrs: { role: 'alert' }, text: reason }), home());
    },
  );
  return { el, destroy: () => undefined };
}
