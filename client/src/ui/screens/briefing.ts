/**
 * Briefing phase: the delegation reads its private briefing (and can print it), and what the
 * scenario assumes beyond its sources, then says it is ready.
 */
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { intent } from '../../model/actions.ts';
import type { AppState } from '../../state/app.ts';
import { phaseBar, refusalLine } from '../components.ts';
import { button, h } from '../dom.ts';
import { assumptionsPanel } from '../panels/assumptions.ts';
import { briefingPanel } from '../panels/briefing.ts';
import type { Screen, ScreenContext } from '../screen.ts';

export function briefingScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale, controller } = ctx;
  const me = initial.seat?.delegation as DelegationId;
  const bar = phaseBar(t, ctx.locale);
  const panel = briefingPanel(ctx, () => me);
  const assumptions = assumptionsPanel(ctx, 'briefing-assumptions');
  const refusal = refusalLine(['seat.ready'], t, locale);
  const ready = button('', () => {
    const view = controller.store.get().view;
    controller.send(intent('seat.ready', { ready: !view?.seats[me].ready }));
  });
  const el = h(
    'div',
    { class: 'screen briefing-screen' },
    bar.el,
    h('h1', { text: t('briefing.screenTitle'), attrs: { tabindex: -1 } }),
    h('p', { text: t('briefing.intro') }),
    h(
      'div',
      { class: 'actions no-print' },
      ready,
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
      const isReady = state.view?.seats[me].ready ?? false;
      ready.textContent = t(isReady ? 'briefing.notReady' : 'briefing.ready');
      ready.setAttribute('aria-pressed', String(isReady));
    },
    destroy: bar.destroy,
  };
}
