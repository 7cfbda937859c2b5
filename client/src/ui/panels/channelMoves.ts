/**
 * Structured moves beside the chat box: ask about an issue, float the package in the builder, or
 * offer a trade of one clause for another. Each sends a `chat.move`; computer delegations answer it
 * from their own preferences, people read it as a line in the channel. Shown in the Plenary and in
 * bilateral channels, to a delegation's seat.
 */
import type { Channel } from '@peace-table/shared/engine/channels';
import type { ChatMove } from '@peace-table/shared/engine/events';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Package } from '@peace-table/shared/scenario/schema';
import { type Locale, localized } from '../../i18n/i18n.ts';
import { intent } from '../../model/actions.ts';
import { type Draft, describeDraft, draftPackage } from '../../model/proposal.ts';
import type { AppState } from '../../state/app.ts';
import { button, field, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

export interface ChannelMoves {
  el: HTMLElement;
  update(state: AppState, channel: Channel, blocked: boolean): void;
}

/** A select of every clause of the agenda, grouped by issue ("issue.option" values). */
function clauseSelect(pub: PublicScenario, locale: Locale, placeholder: string): HTMLSelectElement {
  const select = h('select', {});
  select.append(h('option', { attrs: { value: '' }, text: placeholder }));
  for (const issue of pub.agenda.issues) {
    const group = h('optgroup', { attrs: { label: localized(issue.title, locale) } });
    for (const option of issue.options) {
      group.append(
        h('option', { attrs: { value: `${issue.id}.${option.id}` }, text: localized(option.label, locale) }),
      );
    }
    select.append(group);
  }
  return select;
}

function clausePackage(value: string): Package | null {
  const [issue, option] = value.split('.');
  return issue && option ? { [issue]: option } : null;
}

export function channelMoves(ctx: ScreenContext, draft: (() => Draft) | null): ChannelMoves {
  const { t, locale, controller } = ctx;
  const body = h('div', { class: 'move-rows' });
  const el = h(
    'fieldset',
    { class: 'moves' },
    h('legend', { text: t('moves.title') }),
    h('p', { class: 'hint', text: t('moves.intro') }),
    body,
  );
  let built: string | null = null;
  let channel: Channel = 'plenary';
  let issue: HTMLSelectElement | null = null;
  let want: HTMLSelectElement | null = null;
  let offer: HTMLSelectElement | null = null;
  const floatLine = h('p', { class: 'hint float-package' });
  const buttons: HTMLButtonElement[] = [];
  const send = (move: ChatMove) => controller.send(intent('chat.move', { channel, move }));

  const build = (pub: PublicScenario) => {
    issue = h('select', {});
    for (const i of pub.agenda.issues) {
      issue.append(h('option', { attrs: { value: i.id }, text: localized(i.title, locale) }));
    }
    want = clauseSelect(pub, locale, t('moves.pickClause'));
    offer = clauseSelect(pub, locale, t('moves.pickClause'));
    const ask = button(t('moves.ask'), () => issue?.value && send({ kind: 'ask', issue: issue.value }));
    const float = button(t('moves.float'), () => {
      const pkg = draft ? draftPackage(draft()) : {};
      if (Object.keys(pkg).length > 0) send({ kind: 'float', package: pkg });
    });
    const trade = button(t('moves.trade'), () => {
      const w = clausePackage(want?.value ?? '');
      const o = clausePackage(offer?.value ?? '');
      if (w && o) send({ kind: 'trade', want: w, offer: o });
    });
    buttons.splice(0, buttons.length, ask, float, trade);
    fill(
      body,
      h('div', { class: 'move ask' }, field(t('moves.issue'), issue), ask),
      draft ? h('div', { class: 'move float' }, floatLine, float) : null,
      h('div', { class: 'move trade' }, field(t('moves.want'), want), field(t('moves.offer'), offer), trade),
    );
  };

  return {
    el,
    update(state, shown, blocked) {
      const pub = state.scenario;
      const view = state.view;
      const kind = shown === 'plenary' ? 'plenary' : shown.startsWith('bilateral:') ? 'bilateral' : null;
      el.hidden = !pub || !view || kind === null || view.viewer === 'facilitator' || view.viewer === 'spectator';
      if (el.hidden || !pub) return;
      channel = shown;
      if (built !== locale) {
        build(pub);
        built = locale;
      }
      const current = draft ? draft() : null;
      const empty = !current || Object.keys(draftPackage(current)).length === 0;
      floatLine.textContent = empty
        ? t('moves.floatEmpty')
        : t('moves.floatPackage', { clauses: describeDraft(pub, current, locale) });
      const [ask, float, trade] = buttons;
      if (ask) ask.disabled = blocked;
      if (float) float.disabled = blocked || empty;
      if (trade) trade.disabled = blocked;
    },
  };
}
