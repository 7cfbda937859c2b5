/**
 * The debrief's pictures, loaded with the debrief (a chunk of its own, with the charting library):
 * the deal against the possible, the months, the replay with its what-ifs, and the figures'
 * downloads. It asks the server for the concluded session's figures once, as the seat it is.
 */
import type { DebriefAnswer } from '@peace-table/shared/debriefApi';
import type { SeatView } from '@peace-table/shared/engine/view';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import { figuresCsv, figuresJson } from '../../model/debriefExport.ts';
import { failureWords } from '../../model/refusals.ts';
import type { DebriefAuth } from '../../net/api.ts';
import type { AppState } from '../../state/app.ts';
import { button, download, fill, h } from '../dom.ts';
import type { ScreenContext } from '../screen.ts';
import { dealSection } from './dealSection.ts';
import { monthsSection } from './monthsSection.ts';
import { type ReplaySection, replaySection } from './replaySection.ts';

export interface Pictures {
  el: HTMLElement;
  update(state: AppState): void;
  destroy(): void;
}

export function debriefAuth(state: AppState): DebriefAuth {
  return { facilitatorKey: state.seat?.facilitatorKey, seatKey: state.seat?.seatKey };
}

export function mountPictures(ctx: ScreenContext, state: AppState, pub: PublicScenario, view: SeatView): Pictures {
  const { t } = ctx;
  const el = h(
    'div',
    { class: 'debrief-pictures' },
    h('p', { class: 'hint', attrs: { role: 'status' }, text: t('debrief.loadingFigures') }),
  );
  const code = state.seat?.code ?? '';
  const auth = debriefAuth(state);
  let replay: ReplaySection | null = null;
  let destroyed = false;

  const exports = (data: DebriefAnswer) =>
    h(
      'div',
      { class: 'actions no-print' },
      button(
        t('debrief.downloadFiguresJson'),
        () =>
          download(
            `peace-table-${code.toLowerCase()}-figures.json`,
            figuresJson(pub, data, ctx.controller.store.get().whatIfs.done, Date.now()),
            'application/json',
          ),
        { class: 'secondary' },
      ),
      button(
        t('debrief.downloadFiguresCsv'),
        () =>
          download(
            `peace-table-${code.toLowerCase()}-figures.csv`,
            figuresCsv(pub, data, ctx.controller.store.get().whatIfs.done),
            'text/csv;charset=utf-8',
          ),
        { class: 'secondary' },
      ),
    );

  const build = (data: DebriefAnswer) => {
    replay = replaySection(ctx, pub, data, auth, state);
    fill(el, dealSection(ctx, pub, data.analysis), monthsSection(ctx, pub, view, data), replay.el, exports(data));
  };

  ctx.controller.api.debrief(code, auth).then(
    (data) => {
      if (!destroyed) build(data);
    },
    (error: unknown) => {
      if (destroyed) return;
      fill(
        el,
        h('p', {
          class: 'error',
          attrs: { role: 'alert' },
          text: t('debrief.figuresFailed', { error: failureWords(error, t, ctx.locale) }),
        }),
      );
    },
  );
  return {
    el,
    update(next) {
      replay?.update(next);
    },
    destroy() {
      destroyed = true;
      replay?.destroy();
    },
  };
}
