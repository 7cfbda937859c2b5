/**
 * "The round in one glance", at the top of the Proposal tab once a round has been resolved: what
 * was tabled and what became of it, each answer with its reasons, the levers pulled, the events in
 * full, and how the world moved (model/roundSummary.ts).
 */
import { localized } from '../../i18n/i18n.ts';
import { monthLabel } from '../../model/format.ts';
import { roundSummary } from '../../model/roundSummary.ts';
import type { AppState } from '../../state/app.ts';
import { delegationName, type Live } from '../components.ts';
import { fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';
import { answersBlock } from './choice.ts';

export function roundSummaryPanel(ctx: ScreenContext): Live {
  const { t, locale } = ctx;
  const body = h('div');
  // The summary must be the details' own first child, or the browser labels the box "Details".
  const title = h('summary');
  const el = h('details', { class: 'round-summary', attrs: { open: true } }, title, body);
  let shown = '';
  return {
    el,
    update(state: AppState) {
      const pub = state.scenario;
      const view = state.view;
      const summary = pub && view ? roundSummary(pub, view) : null;
      el.hidden = summary === null;
      if (!pub || !view || !summary) return;
      const key = JSON.stringify([summary.round, view.transcript.length, locale]);
      if (key === shown) return;
      shown = key;
      const month = monthLabel(pub.meta.firstMonth, summary.month, locale);
      title.textContent = t('roundSummary.title', { round: summary.round, month });
      fill(
        body,
        h('h4', { text: t('roundSummary.drafts') }),
        summary.drafts.length === 0
          ? h('p', { class: 'empty', text: t('roundSummary.noDrafts') })
          : h(
              'ul',
              { class: 'summary-drafts' },
              ...summary.drafts.map(({ draft }) =>
                h(
                  'li',
                  {},
                  h('p', {
                    text: t('roundSummary.draft', {
                      proposal: draft.id,
                      delegation: delegationName(pub, draft.author, locale),
                      status: t(`proposalStatus.${draft.status}`),
                    }),
                  }),
                  answersBlock(pub, draft, t, locale),
                ),
              ),
            ),
        h('h4', { text: t('roundSummary.levers') }),
        summary.levers.length === 0
          ? h('p', { class: 'empty', text: t('roundSummary.noLevers') })
          : h('ul', {}, ...summary.levers.map((l) => h('li', { text: localized(l, locale) }))),
        h('h4', { text: t('roundSummary.events') }),
        summary.events.length === 0
          ? h('p', { class: 'empty', text: t('roundSummary.noEvents') })
          : h(
              'ul',
              { class: 'summary-events' },
              ...summary.events.map((e) =>
                h('li', {}, h('strong', { text: `${localized(e.title, locale)}: ` }), localized(e.text, locale)),
              ),
            ),
        summary.world ? h('p', { class: 'summary-world', text: localized(summary.world, locale) }) : null,
      );
    },
  };
}
