/**
 * Briefing phase: the delegation reads its private briefing (and can print it), and what the
 * scenario assumes beyond its sources, then says it is ready.
 */
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { playsSolo } from '../../net/seatStore.ts';
import type { AppState } from '../../state/app.ts';
import { phaseBar, readyToggle, refusalLine } from '../components.ts';
import { button, h } from '../dom.ts';
import { assumptionsPanel } from '../panels/assumptions.ts';
import { briefingPanel } from '../panels/briefing.ts';
import type { Screen, ScreenContext } from '../screen.ts';

export function briefingScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale } = ctx;
  const me = initial.seat?.delegation as DelegationId;
  const bar = phaseBar(t, ctx.locale);
  const panel = briefingPanel(ctx, () => me);
  const assumptions = assumptionsPanel(ctx, 'briefing-assumptions');
  const refusal = refusalLine(['seat.ready'], t, locale);
  const ready = readyToggle(ctx, me, {
    ready: 'briefing.ready',
    cancel: 'briefing.notReady',
    waiting: 'briefing.waiting',
  });
  const el = h(
    'div',
    { class: 'screen briefing-screen' },
    bar.el,
    h('h1', { text: t('briefing.screenTitle'), attrs: { tabindex: -1 } }),
    h('p', { text: t(playsSolo(ctx.controller.store.get().seat) ? 'briefing.introSolo' : 'briefing.intro') }),
    h(
      'div',
      { class: 'actions no-print' },
      ready.el,
      button(t('briefing.print'), () => window.print(), { class: 'secondary' }),
    ),
    refusal.el,
    panel.el,
    assumptions.el,
  );
  return {
    el,
    update(state) {
      bar.update(state);
      refusal.update(state);
      panel.update(state);
      assumptions.update(state);
      ready.update(state);
    },
    destroy: bar.destroy,
  };
}
