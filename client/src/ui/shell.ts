/**
 * The page frame around every screen: the header (game name, connection status, language switch,
 * leave), the notifications, and the screen itself, swapped when the state calls for another one.
 * A screen is rebuilt when it changes, the language does, or the seat it shows does (the
 * facilitator moved the player to another delegation); otherwise it updates in place, so what a
 * player is typing is never lost to an incoming message.
 */
import type { Controller } from '../app/controller.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../i18n/i18n.ts';
import { statusText } from '../net/status.ts';
import { type AppState, type ScreenId, screenFor } from '../state/app.ts';
import { confirmDialog } from './confirmDialog.ts';
import { button, fill, h } from './dom.ts';
import type { Screen, ScreenContext, ScreenSource } from './screen.ts';
import type { StageHost } from './stageHost.ts';

/** Screens where a player acts on the session (as opposed to Home, the debrief or the projector). */
const ACTING_SCREENS = new Set<ScreenId>(['lobby', 'briefing', 'game', 'console']);
/** Notifications disappear on their own after this long (they stay readable in the channels). */
const NOTICE_MS = 6000;
/** How long "connected" or "connection restored" stays on the status line. */
const STATUS_MS = 6000;

export function mountShell(root: HTMLElement, controller: Controller, screens: ScreenSource, stage: StageHost): void {
  const skip = h('a', { class: 'skip-link', attrs: { href: '#screen' } });
  const title = h('p', { class: 'app-title' });
  const status = h('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const langButtons = LOCALES.map((l) =>
    button(LANGUAGE_NAMES[l], () => void controller.setLocale(l), { attrs: { lang: l } }),
  );
  const langs = h('div', { class: 'languages', attrs: { role: 'group' } }, ...langButtons);
  const leave = h('button', {
    class: 'secondary',
    attrs: { type: 'button' },
    on: {
      click: async () => {
        // A delegate who leaves mid-game gives up the place in the delegation: ask first.
        const { seat, view } = controller.store.get();
        const givesUpPlace = seat?.role === 'delegate' && view !== null && view.phase !== 'concluded';
        if (givesUpPlace) {
          const { t } = controller.translator();
          const sure = await confirmDialog({
            title: t('app.leaveTitle'),
            body: t('app.leaveConfirm'),
            confirm: t('app.leaveYes'),
            cancel: t('app.leaveStay'),
          });
          if (!sure) return;
        }
        controller.leave();
      },
    },
  });
  const header = h('header', { class: 'app-header' }, title, status, langs, leave);
  const notices = h('ol', { class: 'notices', attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions' } });
  const main = h('main', { id: 'screen', attrs: { tabindex: -1 } });
  fill(root, skip, header, notices, main);

  let current: { id: ScreenId; locale: Locale; viewer: string | undefined; screen: Screen } | null = null;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function render(state: AppState) {
    const { t } = controller.translator();
    document.documentElement.lang = state.locale;
    document.title = state.scenario ? `${t('app.name')} · ${state.scenario.meta.title[state.locale]}` : t('app.name');
    skip.textContent = t('app.skip');
    title.textContent = t('app.name');
    renderStatus(state);
    langs.setAttribute('aria-label', t('app.language'));
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.lang === state.locale));
    leave.textContent = t(state.seat?.role === 'facilitator' ? 'app.leaveConsole' : 'app.leave');
    leave.hidden = state.seat === null;

    renderNotices(state);

    const wanted = screenFor(state);
    // A session's screens come in their own chunk: "connecting" until it has arrived.
    const ready = screens.get(wanted);
    if (!ready) void screens.load().then(() => render(controller.store.get()));
    const id: ScreenId = ready ? wanted : 'connecting';
    const factory = ready ?? screens.get('connecting');
    if (!factory) return;
    // Which screen and phase are showing, for styling hooks and for the browser tests.
    main.dataset.screen = id;
    main.dataset.phase = state.view?.phase ?? '';
    // A session that is over for this tab (removed by the facilitator, opened in another window,
    // refused on rejoin) stays on screen but takes no more input: nothing it sends arrives anywhere.
    // The status line says why; "Leave the session" (outside main) goes back to Home.
    main.inert = state.status.kind === 'closed' && ACTING_SCREENS.has(id);
    const viewer = state.view?.viewer;
    if (!current || current.id !== id || current.locale !== state.locale || current.viewer !== viewer) {
      current?.screen.destroy?.();
      stage.hide();
      const ctx: ScreenContext = { controller, t, locale: state.locale, stage };
      const screen = factory(ctx, state);
      fill(main, screen.el);
      const moved = current !== null && current.id !== id;
      current = { id, locale: state.locale, viewer, screen };
      screen.update(state);
      // Move keyboard and screen-reader focus to the new screen's heading when the screen changes.
      if (moved) (main.querySelector('h1') as HTMLElement | null)?.focus();
    } else {
      current.screen.update(state);
    }
  }

  /**
   * The connection status line. "Connected" and "connection restored" are news, not a state to
   * keep reading: they go away after a few seconds. Problems (reconnecting, refused, closed) stay
   * until they change.
   */
  let shownStatus: AppState['status'] | null = null;
  let statusExpired = false;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  function renderStatus(state: AppState) {
    if (state.status !== shownStatus) {
      shownStatus = state.status;
      statusExpired = false;
      clearTimeout(statusTimer);
      if (state.status.kind === 'connected') {
        statusTimer = setTimeout(() => {
          statusExpired = true;
          status.textContent = '';
        }, STATUS_MS);
      }
    }
    status.textContent = statusExpired ? '' : statusText(state.status, controller.translator());
    status.dataset.state = state.status.kind;
  }

  function renderNotices(state: AppState) {
    const { t } = controller.translator();
    const shown = new Set([...notices.children].map((li) => (li as HTMLElement).dataset.id));
    const readingChannel = screenFor(state) === 'game' && state.tab === 'channels' ? state.channel : null;
    for (const notice of state.notices) {
      if (shown.has(notice.id)) {
        // A toast already on screen follows a language switch (each notice carries every wording).
        const item = notices.querySelector(`li[data-id="${CSS.escape(notice.id)}"]`);
        const span = item?.querySelector('span');
        if (span && span.textContent !== notice.text[state.locale]) span.textContent = notice.text[state.locale];
        item?.querySelector('button')?.setAttribute('aria-label', t('app.dismiss'));
        continue;
      }
      if (notice.channel && notice.channel === readingChannel) {
        // The player is reading those very messages: the notice is spent, not kept to pop up later
        // (it did, as a stale "1 new message" toast, on the next switch of tab).
        queueMicrotask(() => controller.dismissNotice(notice.id));
        continue;
      }
      const item = h(
        'li',
        { class: `notice ${notice.tone}`, dataset: { id: notice.id } },
        h('span', { text: notice.text[state.locale] }),
        button('×', () => controller.dismissNotice(notice.id), { attrs: { 'aria-label': t('app.dismiss') } }),
      );
      notices.append(item);
      timers.set(
        notice.id,
        setTimeout(() => controller.dismissNotice(notice.id), NOTICE_MS),
      );
    }
    const live = new Set(state.notices.map((n) => n.id));
    for (const li of [...notices.children] as HTMLElement[]) {
      const id = li.dataset.id ?? '';
      if (!live.has(id)) {
        li.remove();
        clearTimeout(timers.get(id));
        timers.delete(id);
      }
    }
  }

  controller.store.subscribe(render);
}
