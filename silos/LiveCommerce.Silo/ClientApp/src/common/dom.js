// A tiny element builder: h('div.card', { onclick }, child, 'text', …). No framework.

/** Creates an element; `tag` may carry classes ("button.btn.primary"); attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const element = document.createElement(name || 'div');
  if (classes.length > 0) element.className = classes.join(' ');
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'class') {
      element.className = [element.className, value].filter(Boolean).join(' ');
    } else if (key in element && typeof value !== 'string') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Shorthand for document.querySelector. */
export const $ = (selector, root = document) => root.querySelector(selector);

/** Two letters to stand in for a missing product image. */
export function initials(name) {
  return (name ?? '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}

/** A stable hue for a text, to colour placeholders. */
export function hueOf(text) {
  let hash = 0;
  for (const ch of String(text)) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return Math.abs(hash) % 360;
}

/** A product image, or a coloured tile with the product's initials. */
export function productImage(card, className = 'thumb') {
  if (card?.imageUrl) {
    return h(`img.${className}`, { src: card.imageUrl, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' });
  }
  const hue = hueOf(card?.name ?? card?.productId ?? '');
  return h(`div.${className}.placeholder`, {
    style: `--hue:${hue}`,
    'aria-hidden': 'true',
  }, initials(card?.name));
}
