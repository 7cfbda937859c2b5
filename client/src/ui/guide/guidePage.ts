/**
 * The facilitator guide (docs/facilitator-guide.md) as a page of its own, opened from the console
 * (`/?guide`, a new tab): a table of contents, the guide, and a Print button; printed, it is a
 * plain black-on-white document. This chunk (the guide and its Markdown parser) loads only here.
 */
import guide from '../../../../docs/facilitator-guide.md?raw';
import { createTranslator, ENGLISH, type Locale, loadCatalog } from '../../i18n/i18n.ts';
import { button, h } from '../dom.ts';
import { markdownToDom } from './markdownDom.ts';

export async function showGuide(root: HTMLElement, locale: Locale): Promise<void> {
  const catalog = await loadCatalog(locale).catch(() => ENGLISH);
  const { t } = createTranslator(locale, { en: ENGLISH, [locale]: catalog });
  document.documentElement.lang = locale;
  document.title = `${t('guide.title')} · ${t('app.name')}`;
  const content = h('article', { class: 'guide-text', attrs: { lang: 'en' } }, markdownToDom(guide));
  const headings = [...content.querySelectorAll('h2')];
  const contents = h(
    'nav',
    { class: 'guide-contents no-print', attrs: { 'aria-label': t('guide.contents') } },
    h('h2', { text: t('guide.contents') }),
    h(
      'ol',
      {},
      ...headings.map((heading) =>
        h('li', {}, h('a', { attrs: { href: `#${heading.id}` }, text: heading.textContent ?? '' })),
      ),
    ),
  );
  const header = h(
    'header',
    { class: 'app-header no-print' },
    h('p', { class: 'app-title', text: t('app.name') }),
    h('span', { class: 'spacer' }),
    button(t('guide.print'), () => window.print()),
  );
  const main = h(
    'main',
    { id: 'screen', class: 'guide', attrs: { tabindex: -1 } },
    locale === 'en' ? null : h('p', { class: 'hint no-print', text: t('guide.englishOnly') }),
    content,
  );
  // The contents right under the guide's title.
  const title = content.querySelector('h1');
  if (title) title.after(contents);
  else content.prepend(contents);
  root.replaceChildren(header, main);
  main.dataset.screen = 'guide';
}
