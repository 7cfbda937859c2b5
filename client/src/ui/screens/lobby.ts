/**
 * Lobby (delegates): who has joined which delegation and whether they are ready, the public
 * positions of the four delegations, and the button to say "we are ready".
 */
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { intent } from '../../model/actions.ts';
import { displayCode } from '../../net/joinCode.ts';
import type { AppState } from '../../state/app.ts';
import { delegationBadge, refusalLine } from '../components.ts';
import { button, fill, h } from '../dom.ts';
import { rosterTable } from '../rosterTable.ts';
import type { Screen, ScreenContext } from '../screen.ts';

export function lobbyScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale, controller } = ctx;
  const me = initial.seat?.delegation as DelegationId;
  const code = h('p', { class: 'code-line' });
  const table = rosterTable(ctx, false);
  const refusal = refusalLine(['seat.ready'], t, locale);
  const ready = button('', () => {
    const view = controller.store.get().view;
    controller.send(intent('seat.ready', { ready: !view?.seats[me].ready }));
  });
  const positions = h('dl', { class: 'positions' });
  const el = h(
    'div',
    { class: 'screen lobby' },
    h('h1', { text: t('lobby.title'), attrs: { tabindex: -1 } }),
    code,
    h('p', { text: t('lobby.intro') }),
    h('div', { class: 'actions' }, ready),
    refusal.el,
    table.el,
    h('h2', { text: t('lobby.positions') }),
    positions,
  );
  let filled = false;
  return {
    el,
    update(state) {
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      code.textContent = t('lobby.code', { code: displayCode(state.seat?.code ?? '') });
      const isReady = view.seats[me].ready;
      ready.textContent = t(isReady ? 'lobby.notReady' : 'lobby.ready');
      ready.setAttribute('aria-pressed', String(isReady));
      table.update(state);
      refusal.update(state);
      if (!filled) {
        filled = true;
        fill(
          positions,
          ...Object.values(pub.delegations).flatMap((d) => [
            h('dt', {}, delegationBadge(pub, d.id, locale)),
            h('dd', { text: localized(d.publicPosition.text, locale) }),
          ]),
        );
      }
    },
  };
}

export function connectingScreen(ctx: ScreenContext): Screen {
  const { t, controller } = ctx;
  const el = h(
    'div',
    { class: 'screen connecting' },
    h('h1', { text: t('connecting.title'), attrs: { tabindex: -1 } }),
    h('p', { text: t('connecting.body') }),
    button(t('connecting.cancel'), () => controller.leave(), { class: 'secondary' }),
  );
  return { el, update: () => undefined };
}
