// Short messages at the top of the page: hub errors, HTTP problems, confirmations.
import { h } from './dom.js';

let host;

/** Shows a message for a few seconds; kind is "error", "ok" or "info". */
export function toast(message, kind = 'error', ms = 4500) {
  if (!host) {
    host = h('div.toasts', { role: 'status', 'aria-live': 'polite' });
    document.body.append(host);
  }
  const item = h(`div.toast.${kind}`, {}, message);
  host.append(item);
  requestAnimationFrame(() => item.classList.add('shown'));
  setTimeout(() => {
    item.classList.remove('shown');
    setTimeout(() => item.remove(), 300);
  }, ms);
  return item;
}
