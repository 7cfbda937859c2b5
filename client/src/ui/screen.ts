/** The contract between the shell and each screen. */
import type { Controller } from '../app/controller.ts';
import type { Locale, Translator } from '../i18n/i18n.ts';
import type { AppState, ScreenId } from '../state/app.ts';
import type { StageHost } from './stageHost.ts';

export interface ScreenContext {
  controller: Controller;
  t: Translator['t'];
  locale: Locale;
  stage: StageHost;
}

export interface Screen {
  el: HTMLElement;
  /** Called with every new state while the screen is shown; updates only what changed. */
  update(state: AppState): void;
  destroy?(): void;
}

export type ScreenFactory = (ctx: ScreenContext, state: AppState) => Screen;

/**
 * Where the shell finds each screen's factory. Home and "connecting" are there from the start; a
 * session's screens arrive with their chunk (`load`), meanwhile the shell shows "connecting".
 */
export interface ScreenSource {
  get(id: ScreenId): ScreenFactory | null;
  load(): Promise<void>;
}
