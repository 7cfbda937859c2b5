/**
 * A tiny element builder for the HTML screens. Strings always become text nodes (textContent),
 * never markup: names and chat typed by players cannot inject HTML or script. There is no
 * innerHTML anywhere in the client.
 */
type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  /** Attributes set with setAttribute (aria-*, role, for, type, ...); false/undefined skip them. */
  attrs?: Record<string, string | number | boolean | undefined>;
  dataset?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [key, value] of Object.entries(props.dataset ?? {})) el.dataset[key] = value;
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, listener as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A labelled form control: <label for> + control, wrapped in a div. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), control, hintEl);
}

export function button(label: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  return h('button', { ...props, attrs: { type: 'button', ...props.attrs }, text: label, on: { click: onClick } });
}

/** Offers a file to download from text built in the browser (transcripts). */
export function download(fileName: string, content: string | Blob, type: string): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { attrs: { href: url, download: fileName } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A fieldset of radio buttons with a legend; `value()` reads the checked one. */
export function radios<T extends string>(
  name: string,
  legend: string,
  items: { value: T; label: string; hint?: string }[],
  checked: T,
) {
  const fieldset = h('fieldset', { class: 'choices' }, h('legend', { text: legend }));
  for (const item of items) {
    const id = `${name}-${item.value}`;
    const input = h('input', {
      id,
      attrs: { type: 'radio', name, value: item.value, checked: item.value === checked },
    });
    fieldset.append(
      h(
        'div',
        { class: 'choice' },
        input,
        h(
          'label',
          { attrs: { for: id } },
          h('strong', { text: item.label }),
          item.hint ? h('span', { class: 'hint', text: item.hint }) : null,
        ),
      ),
    );
  }
  const value = () =>
    (fieldset.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? checked) as T;
  return { fieldset, value };
}
