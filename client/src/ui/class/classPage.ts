/**
 * A class of tables, as a page of its own (`/?class=CODE`), loaded only for classes:
 *
 * - the facilitator who opened the class (this browser holds its key: net/classKeys.ts) gets the
 *   class console, and with `&results` the class results sheet;
 * - anyone else, a student with the class link, gets the list of tables to choose from (or, when
 *   the facilitator assigns tables, is told to ask for their table's code).
 *
 * The page has its own header with the language switch: a switch redraws the page in place.
 */
import type { ClassOverview } from '@peace-table/shared/protocol';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import {
  type Catalogs,
  createTranslator,
  ENGLISH,
  LANGUAGE_NAMES,
  LOCALE_STORAGE_KEY,
  LOCALES,
  type Locale,
  loadCatalog,
  type Translator,
} from '../../i18n/i18n.ts';
import { type Api, createApi } from '../../net/api.ts';
import { type ClassApi, type ClassResults, createClassApi } from '../../net/classApi.ts';
import { savedClass } from '../../net/classKeys.ts';
import { normaliseCode } from '../../net/joinCode.ts';
import { button, h } from '../dom.ts';
import { classChooser } from './classChooser.ts';
import { classConsole } from './classConsole.ts';
import { classResultsSheet } from './classResults.ts';

export interface ClassPageContext {
  t: Translator['t'];
  locale: Locale;
  code: string;
  api: Api;
  classes: ClassApi;
  /** The class's facilitator key, when this browser opened the class. */
  key: string | null;
  /** The scenario's public names (delegations, issues), once loaded. */
  pub: PublicScenario | null;
  /**
   * What the page last heard from the server. A language switch or the scenario's names arriving
   * redraws the page: the new page shows these at once instead of an empty table until it asks again.
   */
  last: { overview?: ClassOverview; results?: ClassResults };
}

export interface ClassPage {
  el: HTMLElement;
  destroy(): void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export async function showClass(root: HTMLElement, locale: Locale, rawCode: string): Promise<void> {
  const code = normaliseCode(rawCode);
  const local = storage();
  const key = savedClass(local, code)?.facilitatorKey ?? null;
  const api = createApi('');
  const classes = createClassApi('');
  const wantsResults = new URLSearchParams(window.location.search).has('results');
  const catalogs: Catalogs = { en: ENGLISH };
  let pub: PublicScenario | null = null;
  let current: ClassPage | null = null;
  const last: ClassPageContext['last'] = {};

  const render = async (l: Locale) => {
    if (!catalogs[l]) catalogs[l] = await loadCatalog(l).catch(() => ENGLISH);
    const { t } = createTranslator(l, catalogs);
    document.documentElement.lang = l;
    const ctx: ClassPageContext = { t, locale: l, code, api, classes, key, pub, last };
    const page = !key ? classChooser(ctx) : wantsResults ? classResultsSheet(ctx) : classConsole(ctx);
    document.title = `${t(key ? (wantsResults ? 'class.resultsTitle' : 'class.consoleTitle') : 'class.chooseTitle', { code })} · ${t('app.name')}`;
    const langs = LOCALES.map((other) =>
      button(LANGUAGE_NAMES[other], () => void switchTo(other), {
        attrs: { lang: other, 'aria-pressed': String(other === l) },
      }),
    );
    const header = h(
      'header',
      { class: 'app-header no-print' },
      h('a', { class: 'app-title', attrs: { href: window.location.pathname }, text: t('app.name') }),
      h('span', { class: 'spacer' }),
      h('div', { class: 'languages', attrs: { role: 'group', 'aria-label': t('app.language') } }, ...langs),
    );
    const main = h('main', { id: 'screen', class: 'class-page', attrs: { tabindex: -1 } }, page.el);
    main.dataset.screen = !key ? 'class-chooser' : wantsResults ? 'class-results' : 'class-console';
    current?.destroy();
    current = page;
    root.replaceChildren(header, main);
  };
  const switchTo = async (l: Locale) => {
    try {
      local?.setItem(LOCALE_STORAGE_KEY, l);
    } catch {
      // The switch still works for this visit.
    }
    await render(l);
  };

  await render(locale);
  if (key) {
    // Delegation and issue names for the console and the sheet; both work with the built-in names meanwhile.
    const info = await classes.info(code).catch(() => null);
    if (info) {
      pub = await api.publicScenario(info.scenarioId).catch(() => null);
      if (pub) await render((document.documentElement.lang as Locale) || locale);
    }
  }
}
