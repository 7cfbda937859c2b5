/**
 * Lobby (delegates): who has joined which delegation and whether they are ready, the public
 * positions of the four delegations, and the button to say "we are ready".
 */
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { localized } from '../../i18n/i18n.ts';
import { displayCode } from '../../net/joinCode.ts';
import { playsSolo } from '../../net/seatStore.ts';
import type { AppState } from '../../state/app.ts';
import { delegationBadge, phaseBar, readyToggle, refusalLine } from '../components.ts';
import { fill, h } from '../dom.ts';
import { rosterTable } from '../rosterTable.ts';
import type { Screen, ScreenContext } from '../screen.ts';

export function lobbyScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale } = ctx;
  const me = initial.seat?.delegation as DelegationId;
  const bar = phaseBar(t, locale);
  const code = h('p', { class: 'code-line' });
  const table = rosterTable(ctx, false);
  const refusal = refusalLine(['seat.ready'], t, locale);
  const ready = readyToggle(ctx, me, { ready: 'lobby.ready', cancel: 'lobby.notReady', waiting: 'lobby.waiting' });
  const positions = h('dl', { class: 'positions' });
  const el = h(
    'div',
    { class: 'screen lobby' },
    bar.el,
    h('h1', { text: t('lobby.title'), attrs: { tabindex: -1 } }),
    code,
    h('p', { text: t(playsSolo(ctx.controller.store.get().seat) ? 'lobby.introSolo' : 'lobby.intro') }),
    h('div', { class: 'actions' }, ready.el),
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
      bar.update(state);
      code.textContent = t('lobby.code', { code: displayCode(state.seat?.code ?? '') });
      ready.update(state);
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
    destroy: bar.destroy,
  };
}
