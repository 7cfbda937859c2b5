/**
 * A modal question in accessible HTML, for actions that cannot be undone (an event that ends the
 * talks). A native <dialog> opened with showModal(): the page behind it is inert, Tab and
 * Shift+Tab cycle through the dialog's own buttons, Escape cancels, the safe answer has the focus
 * first, and the focus goes back to where it was when the dialog closes.
 */
import { h } from './dom.ts';

export interface ConfirmWords {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  /** A text box in the dialog (a walk-out's reason): the caller reads it once confirmed. */
  field?: { label: string; input: HTMLInputElement };
}

export function confirmDialog(words: ConfirmWords): Promise<boolean> {
  const before = document.activeElement as HTMLElement | null;
  const id = `confirm-${Math.random().toString(36).slice(2, 9)}`;
  const cancel = h('button', { class: 'secondary', attrs: { type: 'button' }, text: words.cancel });
  const confirm = h('button', { class: 'danger', attrs: { type: 'button' }, text: words.confirm });
  const dialog = h(
    'dialog',
    { class: 'confirm', attrs: { 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-body` } },
    h('h2', { id: `${id}-title`, text: words.title }),
    h('p', { id: `${id}-body`, text: words.body }),
    words.field ? h('label', { class: 'field' }, h('span', { text: words.field.label }), words.field.input) : null,
    h('div', { class: 'actions' }, cancel, confirm),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const close = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      before?.focus();
      resolve(answer);
    };
    cancel.addEventListener('click', () => close(false));
    confirm.addEventListener('click', () => close(true));
    // Escape: the browser fires "cancel" on a modal dialog.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(false);
    });
    dialog.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const order = [...(words.field ? [words.field.input] : []), cancel, confirm];
      const at = order.indexOf(document.activeElement as HTMLButtonElement | HTMLInputElement);
      const next = order[(at + (e.shiftKey ? order.length - 1 : 1)) % order.length];
      e.preventDefault();
      next?.focus();
    });
    dialog.showModal();
    cancel.focus();
  });
}
