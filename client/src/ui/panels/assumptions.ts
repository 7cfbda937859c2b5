/**
 * "What this scenario assumes", for teachers and students alike: the two analyses the scenario
 * draws on, then every fact it adds that they do not support, with why the game needs it. Shown
 * on the briefing and the debrief screens; plain semantic HTML that reads well aloud and prints.
 */
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { assumptionsModel } from '../../model/sources.ts';
import type { AppState } from '../../state/app.ts';
import type { Live } from '../components.ts';
import { fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';

export function assumptionsPanel(ctx: ScreenContext, id: string): Live {
  const { t, locale } = ctx;
  const titleId = `${id}-title`;
  const body = h('div', {});
  const el = h(
    'section',
    { class: 'assumptions', id, attrs: { 'aria-labelledby': titleId } },
    h('h2', { id: titleId, text: t('sources.title') }),
    body,
  );
  let shown: PublicScenario | null = null;
  return {
    el,
    update(state: AppState) {
      const pub = state.scenario;
      if (!pub || pub === shown) return;
      shown = pub;
      const model = assumptionsModel(pub, locale, t);
      fill(
        body,
        h('p', { text: t('sources.intro') }),
        h('h3', { text: t('sources.sources') }),
        h('ul', { class: 'seed-list' }, ...model.sources.map((title) => h('li', {}, h('cite', { text: title })))),
        h('h3', { text: t('sources.assumed') }),
        model.lines.length === 0
          ? h('p', { text: t('sources.none') })
          : h(
              'ul',
              { class: 'assumption-list' },
              ...model.lines.map((line) =>
                h('li', {}, h('strong', { text: line.subjects.join('; ') }), ` (${line.kind}): `, line.why),
              ),
            ),
      );
    },
  };
}
