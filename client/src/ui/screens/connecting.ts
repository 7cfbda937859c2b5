/** "Taking your seat…": shown while the connection is made (and the session's screens load). */
import { button, h } from '../dom.ts';
import type { Screen, ScreenContext } from '../screen.ts';

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
