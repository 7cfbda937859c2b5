/** Small pieces the class pages share: the session options as tags, a table's phase in words. */
import type { ClassTableStatus } from '@peace-table/shared/protocol';
import type { Translator } from '../../i18n/i18n.ts';
import { h } from '../dom.ts';

/** "No press", "Anonymous delegates": the options every table of the class runs with. */
export function optionTags(t: Translator['t'], options: { noPress: boolean; anonymous: boolean }): HTMLElement {
  const tags = [
    options.noPress ? h('li', { class: 'option-tag', text: t('options.noPress') }) : null,
    options.anonymous ? h('li', { class: 'option-tag', text: t('options.anonymous') }) : null,
  ].filter((tag) => tag !== null);
  if (tags.length === 0) return h('p', { class: 'hint', text: t('options.none') });
  return h('ul', { class: 'option-tags', attrs: { 'aria-label': t('options.title') } }, ...tags);
}

/** "Talks · round 3 of 10", "Lobby", "Concluded after 7 rounds". */
export function phaseWords(
  t: Translator['t'],
  table: Pick<ClassTableStatus, 'phase' | 'round' | 'rounds' | 'status'>,
): string {
  if (table.status === 'abandoned') return t('class.closed');
  const phase = t(`phase.${table.phase}`);
  if (table.phase === 'concluded') return t('class.concludedAfter', { count: Math.min(table.round, table.rounds) });
  return table.round > 0 ? t('class.phaseRound', { phase, round: table.round, rounds: table.rounds }) : phase;
}
