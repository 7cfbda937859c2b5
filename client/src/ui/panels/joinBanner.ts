/**
 * The way into a session for the room: the join code in big letters, the link students open on
 * an address they can reach (the machine's network address, not the console's localhost; see
 * net/roomLink.ts), and the same link as a QR code. The console shows it with a choice of network
 * when the machine has several and a link to the projector view; the projector shows it large.
 */
import type { Translator } from '../../i18n/i18n.ts';
import type { Api } from '../../net/api.ts';
import { displayCode, joinUrl, watchUrl } from '../../net/joinCode.ts';
import { type StudentBases, studentBases } from '../../net/roomLink.ts';
import { fill, h } from '../dom.ts';
import { qrSvg } from '../qrCode.ts';

export interface JoinBannerOptions {
  t: Translator['t'];
  api: Pick<Api, 'roomAddress'>;
  code: string;
  /** The console's version: a network choice and the projector link. */
  forConsole: boolean;
}

export function joinBanner({ t, api, code, forConsole }: JoinBannerOptions): { el: HTMLElement } {
  const codeEl = h('p', {
    class: 'join-code',
    attrs: { 'aria-label': t('console.codeAria', { code: [...code].join(' ') }) },
    text: displayCode(code),
  });
  const linkLine = h('p', { class: 'join-link' });
  const warning = h('p', { class: 'join-warning', attrs: { role: 'status' } });
  warning.hidden = true;
  const choice = h('div', { class: 'join-network' });
  const qrSlot = h('div', { class: 'qr-slot' });
  const projector = forConsole
    ? h('a', {
        class: 'button-link secondary',
        attrs: { href: watchUrl(window.location.origin, code), target: '_blank', rel: 'noopener' },
        text: t('console.openProjector'),
      })
    : null;
  const el = h(
    'div',
    { class: forConsole ? 'join-banner' : 'join-banner large' },
    h(
      'div',
      { class: 'join-text' },
      h('p', { class: 'join-label', text: t('console.codeLabel') }),
      codeEl,
      linkLine,
      choice,
      warning,
      projector,
    ),
    qrSlot,
  );

  const show = (base: string) => {
    const url = joinUrl(base, code);
    fill(linkLine, t('console.joinAt'), ' ', h('a', { attrs: { href: url }, text: url }));
    fill(qrSlot, qrSvg(url, t('console.qrLabel', { url })));
  };

  const render = ({ bases, reachable }: StudentBases) => {
    const first = bases[0];
    if (!first) return;
    show(first.url);
    warning.hidden = reachable;
    warning.textContent = reachable ? '' : t('console.unreachable');
    if (!forConsole || bases.length < 2) return fill(choice);
    const select = h(
      'select',
      { id: 'join-network' },
      ...bases.map((b) => h('option', { attrs: { value: b.url }, text: `${b.url} (${b.name})` })),
    );
    select.addEventListener('change', () => show(select.value));
    fill(choice, h('label', { attrs: { for: 'join-network' }, text: t('console.network') }), ' ', select);
  };

  // The page's own address at once; the server's network addresses as soon as it answers.
  render(studentBases(window.location, null));
  void api.roomAddress().then(
    (info) => render(studentBases(window.location, info)),
    () => undefined, // an older server: the page's own address stays, with its warning
  );
  return { el };
}
