// Builds DOM nodes without ever parsing markup: every text goes in as a text node, so data from the APIs cannot
// inject anything (and the Content-Security-Policy forbids inline scripts anyway).

/**
 * h('button', {class: 'primary', on: {click: fn}}, 'Save')
 * attrs: class, id, for, dataset, on (event handlers), aria-* and other attributes; booleans set properties.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'for') {
      el.htmlFor = value;
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden') {
      el[key] = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let idCounter = 0;

/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'bk') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A table inside a scrollable, labelled region (wide tables scroll on small screens instead of overflowing). */
export function table(caption, headers, rows) {
  const id = uid('table');
  return h('div', {class: 'table-wrap', role: 'region', 'aria-labelledby': id, tabindex: '0'},
    h('table', {},
      h('caption', {id}, caption),
      h('thead', {}, h('tr', {}, headers.map(text => h('th', {scope: 'col'}, text)))),
      h('tbody', {}, rows)));
}
