/**
 * Facilitator console: the session controls first (start, pause/resume, advance, extend, inject),
 * the join code with the students' link and its QR code, the session's clock, every seat's status
 * with seat controls, every channel, every briefing, the computer players' explanations, the
 * transcript export and the facilitator guide.
 */
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import { localized } from '../../i18n/i18n.ts';
import { type Intent, intent, refusal } from '../../model/actions.ts';
import { seatScenario } from '../../model/clientScenario.ts';
import { clockTime } from '../../model/format.ts';
import { failureWords } from '../../model/refusals.ts';
import type { AppState } from '../../state/app.ts';
import { clockSettings, phaseBar, refusalLine } from '../components.ts';
import { button, download, fill, h } from '../dom.ts';
import { briefingPanel } from '../panels/briefing.ts';
import { channelsPanel } from '../panels/channels.ts';
import { injectControl } from '../panels/injectControl.ts';
import { joinBanner } from '../panels/joinBanner.ts';
import { rosterTable } from '../rosterTable.ts';
import type { Screen, ScreenContext } from '../screen.ts';
import { stageText } from '../stageText.ts';
import { tabs } from '../tabs.ts';
import { stageSwitch } from './game.ts';

type ConsoleTab = 'seats' | 'channels' | 'briefings' | 'computer';

export function consoleScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, locale, controller } = ctx;
  const code = initial.seat?.code ?? '';
  const banner = joinBanner({ t, api: controller.api, code, forConsole: true });
  const clockLine = h('p', { class: 'clock-line' });
  const bar = phaseBar(t, locale);
  const slot = h('div', { class: 'stage-slot' });
  const switcher = stageSwitch(ctx, slot);
  const text = stageText(ctx, ['table', 'map']);
  const roster = rosterTable(ctx, true);
  const channels = channelsPanel(ctx);
  let briefingOf: DelegationId = 'ukraine';
  const briefing = briefingPanel(ctx, () => briefingOf);
  const briefingPick = h(
    'select',
    { attrs: { 'aria-label': t('console.briefingOf') } },
    ...DELEGATION_IDS.map((d) => h('option', { attrs: { value: d }, text: t(`delegation.${d}`) })),
  );
  briefingPick.addEventListener('change', () => {
    briefingOf = briefingPick.value as DelegationId;
    briefing.update(controller.store.get());
  });
  const botLog = h('ol', { class: 'bot-log' });
  const refusalEl = refusalLine(
    [
      'facilitator.pause',
      'facilitator.resume',
      'facilitator.advance',
      'facilitator.extend',
      'facilitator.inject',
      'seat.control',
      'participant.move',
      'participant.kick',
    ],
    t,
    locale,
  );

  // Session controls, each enabled only when the engine would accept it now.
  const act = (label: string, make: () => Intent, props = {}) => {
    const b = button(label, () => controller.send(make()), props);
    return { b, make };
  };
  const controls = [
    act(t('console.pause'), () => intent('facilitator.pause', {})),
    act(t('console.resume'), () => intent('facilitator.resume', {})),
    act(t('console.advance'), () => intent('facilitator.advance', {}), { class: 'secondary' }),
    act(t('console.extendRound'), () => intent('facilitator.extend', { rounds: 1 }), { class: 'secondary' }),
    act(t('console.extendTime'), () => intent('facilitator.extend', { ms: 5 * 60_000 }), { class: 'secondary' }),
  ];
  const injector = injectControl(t, locale, (i) => controller.send(i));
  const inject = { b: injector.button, make: injector.make };
  // The guide opens in its own tab, to keep open beside the console and to print.
  const guide = h('a', {
    class: 'button-link secondary',
    attrs: { href: '/?guide', target: '_blank', rel: 'noopener' },
    text: t('guide.open'),
  });
  const exportButtons = (['json', 'csv'] as const).map((format) =>
    button(
      t(`console.export.${format}`),
      async () => {
        const key = controller.store.get().seat?.facilitatorKey;
        if (!key) return;
        try {
          download(
            `peace-table-${code.toLowerCase()}-transcript.${format}`,
            await controller.api.transcript(code, format, key),
            format === 'json' ? 'application/json' : 'text/csv',
          );
        } catch (error) {
          window.alert(t('console.exportFailed', { reason: failureWords(error, t, locale) }));
        }
      },
      { class: 'secondary' },
    ),
  );

  const tabBar = tabs<ConsoleTab>(
    'console',
    t('console.panels'),
    [
      { id: 'seats', label: t('console.tab.seats'), panel: roster.el },
      { id: 'channels', label: t('console.tab.channels'), panel: channels.el },
      { id: 'briefings', label: t('console.tab.briefings'), panel: h('div', {}, briefingPick, briefing.el) },
      {
        id: 'computer',
        label: t('console.tab.computer'),
        panel: h('div', {}, h('p', { class: 'hint', text: t('console.computerIntro') }), botLog),
      },
    ],
    // Tabs are local to the console: bring the newly shown panel up to date at once.
    () => screen?.update(controller.store.get()),
  );

  const el = h(
    'div',
    { class: 'screen console' },
    bar.el,
    h(
      'div',
      { class: 'console-head' },
      h(
        'div',
        { class: 'console-main' },
        h('h1', { attrs: { tabindex: -1 }, text: t('console.title') }),
        h(
          'div',
          { class: 'controls', attrs: { role: 'group', 'aria-label': t('console.controls') } },
          ...controls.map((c) => c.b),
          injector.el,
        ),
        refusalEl.el,
        clockLine,
        h('div', { class: 'controls secondary-controls' }, guide, ...exportButtons),
      ),
      banner.el,
    ),
    h(
      'div',
      { class: 'game-grid' },
      h('section', { class: 'stage-area', attrs: { 'aria-label': t('stage.label') } }, switcher.el, slot, text.el),
      h('section', { class: 'side' }, tabBar.el),
    ),
  );
  let eventsFilled = false;
  const screen: Screen = {
    el,
    update(state) {
      bar.update(state);
      switcher.update(state);
      text.update(state);
      refusalEl.update(state);
      const pub = state.scenario;
      const view = state.view;
      if (!pub || !view) return;
      if (!eventsFilled) {
        eventsFilled = true;
        injector.fill(pub);
      }
      clockLine.textContent = clockSettings(state.room?.phaseSeconds ?? {}, t);
      const seat = seatScenario(pub, view);
      // In the lobby, ending the phase is how the facilitator starts the session.
      const advance = controls[2]?.b;
      if (advance) {
        advance.textContent = t(view.phase === 'lobby' ? 'console.start' : 'console.advance');
        // Starting the talks is the lobby's main action: it looks like one.
        advance.className = view.phase === 'lobby' ? '' : 'secondary';
      }
      for (const c of [...controls, inject]) c.b.disabled = refusal(seat, view, 'facilitator', c.make()) !== null;
      const tab = tabBar.selected();
      if (tab === 'seats') roster.update(state);
      if (tab === 'channels') channels.update(state);
      if (tab === 'briefings') briefing.update(state);
      if (tab === 'computer') {
        fill(
          botLog,
          ...state.botReasons.map((r) =>
            h(
              'li',
              {},
              h('time', { text: clockTime(r.at, locale) }),
              ' ',
              h('strong', { text: localized(pub.delegations[r.delegation].name, locale) }),
              ` (${r.type}): `,
              localized(r.reason, locale),
            ),
          ),
        );
        if (state.botReasons.length === 0) botLog.append(h('li', { class: 'empty', text: t('console.computerNone') }));
      }
    },
    destroy: bar.destroy,
  };
  tabBar.select('seats');
  return screen;
}
