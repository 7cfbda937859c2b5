/**
 * Projector (spectator) view: the table and the map side by side on one big canvas, with the join
 * code, link and QR code for latecomers, the clock, and the latest public announcements. Public information only: a spectator's
 * view from the server carries nothing private.
 */
import { localized } from '../../i18n/i18n.ts';
import { messagesIn } from '../../model/channels.ts';
import type { AppState } from '../../state/app.ts';
import { phaseBar } from '../components.ts';
import { fill, h } from '../dom.ts';
import { joinBanner } from '../panels/joinBanner.ts';
import type { Screen, ScreenContext } from '../screen.ts';
import { stageText } from '../stageText.ts';
import { debriefScreen } from './debrief.ts';

export function projectorScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale } = ctx;
  const bar = phaseBar(t, locale);
  const slot = h('div', { class: 'stage-slot projector-stage' });
  const text = stageText(ctx, ['table', 'map']);
  const news = h('ul', { class: 'news', attrs: { 'aria-live': 'polite' } });
  // Latecomers join from the wall: the code, the link and its QR code, large.
  const banner = joinBanner({ t, api: ctx.controller.api, code: initial.seat?.code ?? '', forConsole: false });
  const debrief = debriefScreen(ctx);
  const live = h(
    'div',
    {},
    bar.el,
    h(
      'div',
      { class: 'projector-body' },
      h('div', { class: 'projector-main' }, h('h1', { attrs: { tabindex: -1 }, text: t('projector.title') }), slot),
      h('aside', { class: 'projector-side' }, banner.el, h('p', { class: 'hint', text: t('projector.scan') })),
    ),
    news,
    text.el,
  );
  const el = h('div', { class: 'screen projector' }, live);
  let mode: 'live' | 'debrief' | null = null;
  return {
    el,
    update(state) {
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      // After the talks the projector shows the debrief, which is public to everyone by then.
      const next = view.phase === 'concluded' ? 'debrief' : 'live';
      if (next !== mode) {
        mode = next;
        fill(el, next === 'live' ? live : debrief.el);
        if (next === 'live') void ctx.stage.show(slot, 'split');
      }
      if (mode === 'debrief') return debrief.update(state);
      bar.update(state);
      text.update(state);
      const announcements = messagesIn(view.chat, 'announcements')
        .slice(-2)
        .map((m) => m.text);
      const fired = view.fired
        .slice(-2)
        .map((f) => pub.events.find((e) => e.id === f.id))
        .filter((e) => e !== undefined)
        .map((e) => `${localized(e.title, locale)}: ${localized(e.announcement, locale)}`);
      fill(news, ...[...fired, ...announcements].map((line) => h('li', { text: line })));
    },
    destroy: bar.destroy,
  };
}
