/**
 * The facilitator's event menu and its "Inject" button. Events that end the talks (the scenario's
 * `ends`, e.g. a breakthrough at the front) are grouped apart in the menu, named as such, and ask
 * for confirmation in a modal dialog before they are sent: one click must not end a class.
 */
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { type Locale, localized, type Translator } from '../../i18n/i18n.ts';
import { type Intent, intent } from '../../model/actions.ts';
import { confirmDialog } from '../confirmDialog.ts';
import { button, fill, h } from '../dom.ts';

export function injectControl(
  t: Translator['t'],
  locale: Locale,
  send: (i: Intent) => void,
): { el: HTMLElement; button: HTMLButtonElement; make(): Intent; fill(pub: PublicScenario): void } {
  const pick = h('select', { attrs: { 'aria-label': t('console.eventLabel') } });
  let scenario: PublicScenario | null = null;
  const make = () => intent('facilitator.inject', { event: pick.value });
  const inject = button(
    t('console.inject'),
    async () => {
      const event = scenario?.events.find((e) => e.id === pick.value);
      if (!event) return;
      if (event.ends) {
        const title = localized(event.title, locale);
        const sure = await confirmDialog({
          title: t('console.endConfirm.title', { title }),
          body: t('console.endConfirm.body'),
          confirm: t('console.endConfirm.confirm'),
          cancel: t('console.endConfirm.cancel'),
        });
        if (!sure) return;
      }
      send(make());
    },
    { class: 'secondary' },
  );
  return {
    el: h('span', { class: 'inject' }, pick, inject),
    button: inject,
    make,
    fill(pub) {
      scenario = pub;
      const option = (e: PublicScenario['events'][number]) =>
        h('option', {
          attrs: { value: e.id },
          text: e.ends ? t('console.eventEnds', { title: localized(e.title, locale) }) : localized(e.title, locale),
        });
      const ongoing = pub.events.filter((e) => !e.ends);
      const ending = pub.events.filter((e) => e.ends);
      fill(
        pick,
        h('optgroup', { attrs: { label: t('console.eventsOther') } }, ...ongoing.map(option)),
        ending.length > 0 ? h('optgroup', { attrs: { label: t('console.endsTalks') } }, ...ending.map(option)) : null,
      );
    },
  };
}
