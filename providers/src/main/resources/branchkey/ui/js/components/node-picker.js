// Choosing one node: a search box, its results as buttons, and the choice kept in a hidden input named like the
// API field (nodeId, parentId, …) so the server's errors land next to the picker.

import {h, uid, fill} from '../dom.js';
import {kindLabel} from './format.js';
import {searchNodes} from './node-search.js';

export function nodePicker(session, {label, name = 'nodeId', kinds, value, onChange, hint, allowNone, noneLabel}) {
  const id = uid('picker');
  const hidden = h('input', {type: 'hidden', name, value: value ? value.id : ''});
  const chosen = h('p', {class: 'picker-choice', id: `${id}-choice`, 'aria-live': 'polite'});
  const results = h('ul', {class: 'picker-results', 'aria-label': `Matches for ${label}`});
  const search = h('input', {id, type: 'search', autocomplete: 'off', placeholder: 'Name or code',
    'aria-describedby': `${id}-choice${hint ? ' ' + id + '-hint' : ''} ${id}-error`});
  const findButton = h('button', {type: 'button', class: 'secondary'}, 'Find');

  function choose(node) {
    hidden.value = node ? node.id : '';
    fill(chosen, node ? ['Chosen: ', h('strong', {}, node.name), ` (${kindLabel(node.kind)}${node.code ? ', ' + node.code : ''})`]
      : (allowNone ? (noneLabel || 'None chosen') : 'Nothing chosen yet'));
    fill(results);
    if (onChange) onChange(node);
  }

  let timer = null;
  let searches = 0;
  async function find() {
    const mine = ++searches;
    const text = search.value;
    fill(results, h('li', {class: 'muted'}, 'Searching…'));
    try {
      const nodes = await searchNodes(session, text, {kinds});
      if (mine !== searches) return;
      const items = nodes.map(node => h('li', {},
        h('button', {type: 'button', class: 'link-button', on: {click: () => choose(node)}},
          node.name, ' ', h('span', {class: 'node-meta'}, `(${kindLabel(node.kind)}${node.code ? ', ' + node.code : ''})`))));
      if (allowNone) {
        items.unshift(h('li', {}, h('button', {type: 'button', class: 'link-button', on: {click: () => choose(null)}},
          noneLabel || 'None')));
      }
      fill(results, items.length ? items : h('li', {class: 'muted'}, 'No match'));
    } catch (e) {
      fill(results, h('li', {class: 'error-text'}, e.message));
    }
  }
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(find, 250);
  });
  search.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      find();
    }
  });
  findButton.addEventListener('click', find);
  choose(value || null);

  return h('div', {class: 'field picker', dataset: {field: name}},
    h('label', {for: id}, label),
    hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
    h('div', {class: 'picker-row'}, search, findButton),
    chosen, results, hidden,
    h('p', {class: 'field-error', id: `${id}-error`, hidden: true}));
}
