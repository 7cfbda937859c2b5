/**
 * Markdown (the facilitator guide) as DOM nodes: `marked` parses it into tokens, and this module
 * builds elements from them with textContent only, as everywhere in the client (no innerHTML, so
 * nothing in a document can run script). Covers what docs/ uses: headings (with ids for the table
 * of contents), paragraphs, lists, tables, quotes, rules, code, emphasis and links.
 */
import { lexer, type Token, type Tokens } from 'marked';
import { h } from '../dom.ts';

/** "Debrief: questions per outcome" → "debrief-questions-per-outcome", as GitHub names heading anchors. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Links may go to the web or to a heading of the same document; anything else stays text. */
function safeHref(href: string): string | null {
  return /^(https?:\/\/|#)/i.test(href) ? href : null;
}

function inline(tokens: Token[] | undefined, fallback = ''): Node[] {
  if (!tokens) return [document.createTextNode(fallback)];
  return tokens.flatMap((token): Node[] => {
    switch (token.type) {
      case 'strong':
        return [h('strong', {}, ...inline((token as Tokens.Strong).tokens))];
      case 'em':
        return [h('em', {}, ...inline((token as Tokens.Em).tokens))];
      case 'del':
        return [h('del', {}, ...inline((token as Tokens.Del).tokens))];
      case 'codespan':
        return [h('code', { text: (token as Tokens.Codespan).text })];
      case 'br':
        return [h('br')];
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeHref(link.href);
        const children = inline(link.tokens, link.text);
        return href ? [h('a', { attrs: { href } }, ...children)] : children;
      }
      case 'text': {
        const text = token as Tokens.Text;
        return text.tokens ? inline(text.tokens) : [document.createTextNode(decode(text.text))];
      }
      case 'escape':
        return [document.createTextNode((token as Tokens.Escape).text)];
      default:
        return [document.createTextNode(decode((token as { raw: string }).raw))];
    }
  });
}

/** marked escapes &, <, >, " and ' in text tokens for HTML output; the DOM wants them plain. */
function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function block(token: Token): Node[] {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const level = Math.min(6, Math.max(1, heading.depth)) as 1 | 2 | 3 | 4 | 5 | 6;
      return [h(`h${level}`, { id: slug(heading.text) }, ...inline(heading.tokens))];
    }
    case 'paragraph':
      return [h('p', {}, ...inline((token as Tokens.Paragraph).tokens))];
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => h('li', {}, ...item.tokens.flatMap(listItemPart)));
      return [
        list.ordered
          ? h('ol', { attrs: { start: list.start === '' ? undefined : Number(list.start) } }, ...items)
          : h('ul', {}, ...items),
      ];
    }
    case 'table': {
      const table = token as Tokens.Table;
      return [
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h('tr', {}, ...table.header.map((c) => h('th', { attrs: { scope: 'col' } }, ...inline(c.tokens)))),
            ),
            h(
              'tbody',
              {},
              ...table.rows.map((row) => h('tr', {}, ...row.map((c) => h('td', {}, ...inline(c.tokens))))),
            ),
          ),
        ),
      ];
    }
    case 'blockquote':
      return [h('blockquote', {}, ...(token as Tokens.Blockquote).tokens.flatMap(block))];
    case 'hr':
      return [h('hr')];
    case 'code':
      return [h('pre', {}, h('code', { text: (token as Tokens.Code).text }))];
    case 'space':
    case 'html':
      return []; // comments and spacing: nothing to show
    default:
      return [h('p', { text: (token as { raw: string }).raw })];
  }
}

/** A list item's parts: its text runs inline, anything else (a nested list) as blocks. */
function listItemPart(token: Token): Node[] {
  return token.type === 'text' ? inline((token as Tokens.Text).tokens, (token as Tokens.Text).text) : block(token);
}

export function markdownToDom(markdown: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const token of lexer(markdown)) for (const node of block(token)) fragment.append(node);
  return fragment;
}
