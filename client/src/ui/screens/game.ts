/**
 * The negotiation (delegates): the canvas with the table or the map on the left, and on the right
 * what the phase asks of the delegation and the tabs Proposal, Channels, Levers and Briefing.
 */
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import { totalUnread, unreadCounts } from '../../model/channels.ts';
import type { AppState, PanelTab, StageMode } from '../../state/app.ts';
import { phaseBar } from '../components.ts';
import { h } from '../dom.ts';
import { briefingPanel } from '../panels/briefing.ts';
import { builderPanel } from '../panels/builder.ts';
import { channelsPanel } from '../panels/channels.ts';
import { leversPanel } from '../panels/levers.ts';
import { onTablePanel } from '../panels/onTable.ts';
import { phaseActions } from '../panels/phaseActions.ts';
import { roundSummaryPanel } from '../panels/roundSummary.ts';
import type { Screen, ScreenContext } from '../screen.ts';
import { stageText } from '../stageText.ts';
import { tabs } from '../tabs.ts';

/** The Table/Map switch above the canvas; shared with the console and the projector. */
export function stageSwitch(ctx: ScreenContext, slot: HTMLElement) {
  const { t, controller } = ctx;
  const make = (mode: StageMode) =>
    h('button', {
      attrs: { type: 'button' },
      text: t(`stage.${mode}`),
      on: { click: () => controller.select({ stage: mode }) },
    });
  const buttons = { table: make('table'), map: make('map') };
  let shown: StageMode | null = null;
  return {
    el: h(
      'div',
      { class: 'stage-switch', attrs: { role: 'group', 'aria-label': t('stage.switch') } },
      buttons.table,
      buttons.map,
    ),
    update(state: AppState) {
      for (const mode of ['table', 'map'] as const)
        buttons[mode].setAttribute('aria-pressed', String(state.stage === mode));
      if (shown !== state.stage) {
        shown = state.stage;
        void ctx.stage.show(slot, state.stage);
      }
    },
  };
}

export function gameScreen(ctx: ScreenContext, initial: AppState): Screen {
  const { t, controller } = ctx;
  const me = initial.seat?.delegation as DelegationId;
  const bar = phaseBar(t, ctx.locale);
  const slot = h('div', { class: 'stage-slot' });
  const switcher = stageSwitch(ctx, slot);
  const text = stageText(ctx, ['table', 'map']);
  const actions = phaseActions(ctx, me);
  const builder = builderPanel(ctx, me);
  const onTable = onTablePanel(ctx, me, builder);
  const summary = roundSummaryPanel(ctx);
  const channels = channelsPanel(ctx, () => builder.draft());
  const levers = leversPanel(ctx, me);
  const briefing = briefingPanel(ctx, () => me);
  const panels: Record<PanelTab, { update(s: AppState): void }[]> = {
    proposal: [summary, onTable, builder],
    channels: [channels],
    levers: [levers],
    briefing: [briefing],
  };
  const tabBar = tabs<PanelTab>(
    'game',
    t('game.panels'),
    [
      { id: 'proposal', label: t('game.tab.proposal'), panel: h('div', {}, summary.el, onTable.el, builder.el) },
      { id: 'channels', label: t('game.tab.channels'), panel: channels.el },
      { id: 'levers', label: t('game.tab.levers'), panel: levers.el },
      { id: 'briefing', label: t('game.tab.briefing'), panel: briefing.el },
    ],
    (tab) => {
      if (controller.store.get().tab !== tab) controller.select({ tab });
    },
  );
  tabBar.select(initial.tab);
  const el = h(
    'div',
    { class: 'screen game' },
    bar.el,
    h('h1', { class: 'visually-hidden', attrs: { tabindex: -1 }, text: t('game.title') }),
    h(
      'div',
      { class: 'game-grid' },
      h('section', { class: 'stage-area', attrs: { 'aria-label': t('stage.label') } }, switcher.el, slot, text.el),
      h('section', { class: 'side' }, actions.el, tabBar.el),
    ),
  );
  return {
    el,
    update(state) {
      bar.update(state);
      switcher.update(state);
      text.update(state);
      actions.update(state);
      if (tabBar.selected() !== state.tab) tabBar.select(state.tab);
      // Only the visible panel is kept up to date; a tab catches up when it is opened.
      for (const panel of panels[state.tab]) panel.update(state);
      if (state.view) {
        const unread = totalUnread(unreadCounts(state.view, state.marks));
        tabBar.setLabel(
          'channels',
          unread > 0 ? `${t('game.tab.channels')} (${unread})` : t('game.tab.channels'),
          unread > 0 ? t('game.tab.channelsUnread', { count: unread }) : undefined,
        );
      }
    },
    destroy: bar.destroy,
  };
}
