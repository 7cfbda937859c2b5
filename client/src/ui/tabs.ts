/**
 * Accessible tabs (WAI-ARIA tabs pattern): a tablist of buttons, arrow keys and Home/End move
 * between them, only the selected panel is shown. Labels can change (unread counts).
 */
import { h } from './dom.ts';

export interface Tabs<T extends string> {
  el: HTMLElement;
  select(id: T, focus?: boolean): void;
  setLabel(id: T, label: string, ariaLabel?: string): void;
  selected(): T;
}

export function tabs<T extends string>(
  name: string,
  label: string,
  items: { id: T; label: string; panel: HTMLElement }[],
  onSelect: (id: T) => void,
): Tabs<T> {
  const list = h('div', { class: 'tablist', attrs: { role: 'tablist', 'aria-label': label } });
  const panels = h('div', { class: 'tabpanels' });
  let current = items[0]?.id as T;
  const buttons = new Map<T, HTMLButtonElement>();
  for (const item of items) {
    const tabId = `${name}-tab-${item.id}`;
    const panelId = `${name}-panel-${item.id}`;
    const b = h('button', {
      id: tabId,
      text: item.label,
      attrs: { type: 'button', role: 'tab', 'aria-controls': panelId },
      on: { click: () => api.select(item.id) },
    });
    buttons.set(item.id, b);
    list.append(b);
    const panel = h(
      'div',
      { id: panelId, class: 'tabpanel', attrs: { role: 'tabpanel', 'aria-labelledby': tabId, tabindex: 0 } },
      item.panel,
    );
    panels.append(panel);
  }
  list.addEventListener('keydown', (e) => {
    const ids = items.map((i) => i.id);
    const at = ids.indexOf(current);
    const next =
      e.key === 'ArrowRight'
        ? ids[(at + 1) % ids.length]
        : e.key === 'ArrowLeft'
          ? ids[(at - 1 + ids.length) % ids.length]
          : e.key === 'Home'
            ? ids[0]
            : e.key === 'End'
              ? ids.at(-1)
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    api.select(next, true);
  });
  const api: Tabs<T> = {
    el: h('div', { class: 'tabs' }, list, panels),
    select(id, focus = false) {
      current = id;
      for (const item of items) {
        const selected = item.id === id;
        const b = buttons.get(item.id);
        b?.setAttribute('aria-selected', String(selected));
        b?.setAttribute('tabindex', selected ? '0' : '-1');
        const panel = panels.querySelector<HTMLElement>(`#${name}-panel-${item.id}`);
        if (panel) panel.hidden = !selected;
      }
      if (focus) buttons.get(id)?.focus();
      onSelect(id);
    },
    setLabel(id, text, aria) {
      const b = buttons.get(id);
      if (!b) return;
      b.textContent = text;
      if (aria) b.setAttribute('aria-label', aria);
      else b.removeAttribute('aria-label');
    },
    selected: () => current,
  };
  return api;
}
