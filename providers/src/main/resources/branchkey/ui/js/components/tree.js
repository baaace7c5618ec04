// The tenant tree in the sidebar: a nested list of links (Tab moves through them; each expandable node has a
// button with aria-expanded), children loaded when opened, and a search that lists matches instead.

import {h, fill} from '../dom.js';
import {kindLabel} from './format.js';
import {searchNodes} from './node-search.js';

const PAGE = 200;

export function createTree(session, container) {
  const expanded = new Set();
  let currentId = null;
  const list = h('ul', {class: 'tree', id: 'tree'});
  const status = h('p', {class: 'muted', role: 'status'});
  const searchInput = h('input', {type: 'search', id: 'tree-search', autocomplete: 'off', placeholder: 'Name or code'});
  const clearButton = h('button', {type: 'button', class: 'secondary', hidden: true}, 'Clear');
  const searchForm = h('form', {role: 'search', class: 'tree-search', 'aria-label': 'Search the tree'},
    h('label', {for: 'tree-search'}, 'Search places'),
    h('div', {class: 'picker-row'}, searchInput, h('button', {type: 'submit', class: 'secondary'}, 'Search'), clearButton));
  const results = h('ul', {class: 'tree search-results', id: 'tree-results', hidden: true, 'aria-label': 'Search results'});

  searchForm.addEventListener('submit', async event => {
    event.preventDefault();
    const text = searchInput.value.trim();
    if (!text) return clearSearch();
    fill(status, 'Searching…');
    try {
      const found = await searchNodes(session, text, {max: 50});
      fill(results, found.map(node => h('li', {}, row(node, false))));
      results.hidden = false;
      list.hidden = true;
      clearButton.hidden = false;
      fill(status, found.length ? `${found.length} match${found.length === 1 ? '' : 'es'}` : 'No match');
    } catch (e) {
      fill(status, e.message);
    }
  });
  clearButton.addEventListener('click', clearSearch);

  function clearSearch() {
    searchInput.value = '';
    results.hidden = true;
    list.hidden = false;
    clearButton.hidden = true;
    fill(status);
  }

  function row(node, withToggle) {
    const canHaveChildren = node.kind !== 'LOCATION';
    const open = expanded.has(node.id);
    const toggle = withToggle && canHaveChildren
      ? h('button', {type: 'button', class: 'tree-toggle', 'aria-expanded': String(open),
          'aria-label': `${open ? 'Hide' : 'Show'} what is in ${node.name}`,
          on: {click: () => toggleNode(node)}}, open ? '▾' : '▸')
      : h('span', {class: 'tree-spacer', 'aria-hidden': 'true'});
    return h('div', {class: 'tree-row'},
      toggle,
      h('a', {href: `#/nodes/${encodeURIComponent(node.id)}`, 'aria-current': node.id === currentId ? 'page' : false,
          dataset: {nodeId: node.id}},
        h('span', {class: 'tree-name'}, node.name),
        h('span', {class: 'tree-meta'}, ` ${kindLabel(node.kind)}${node.code ? ' · ' + node.code : ''}`),
        node.status === 'SUSPENDED' ? h('span', {class: 'tree-suspended'}, ' · suspended') : null));
  }

  async function item(node) {
    const li = h('li', {dataset: {nodeId: node.id}}, row(node, true));
    if (expanded.has(node.id)) li.append(await childList(node));
    return li;
  }

  async function childList(node) {
    const ul = h('ul', {role: 'group', 'aria-label': `In ${node.name}`});
    try {
      const children = session.remember(await session.api.children(node.id, 0, PAGE));
      if (!children.length) ul.append(h('li', {class: 'muted tree-empty'}, 'Nothing here yet'));
      for (const child of children) ul.append(await item(child));
      if (children.length === PAGE) ul.append(h('li', {class: 'muted'}, `Showing the first ${PAGE}; search to find more.`));
    } catch (e) {
      ul.append(h('li', {class: 'error-text'}, e.message));
    }
    return ul;
  }

  async function toggleNode(node) {
    if (expanded.has(node.id)) expanded.delete(node.id); else expanded.add(node.id);
    const li = list.querySelector(`li[data-node-id="${CSS.escape(node.id)}"]`);
    if (li) {
      const fresh = await item(node);
      li.replaceWith(fresh);
      fresh.querySelector('.tree-toggle')?.focus();
    }
  }

  async function refresh() {
    try {
      const tops = await session.topNodes();
      const items = [];
      for (const node of tops) items.push(await item(node));
      fill(list, items.length ? items : h('li', {class: 'muted'},
        session.isRealmAdmin ? 'The realm has no tenant tree yet.' : 'You hold no grants anywhere yet.'));
    } catch (e) {
      fill(list, h('li', {class: 'error-text'}, e.message));
    }
  }

  /** Marks the current node's link (aria-current) without loading anything. */
  function setCurrent(nodeId) {
    currentId = nodeId;
    container.querySelectorAll('a[data-node-id]').forEach(link => {
      if (link.dataset.nodeId === nodeId) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    });
  }

  /** Opens the path to a node and marks it as the current one; loads only when the node is not shown yet. */
  async function reveal(nodeId) {
    if (list.querySelector(`a[data-node-id="${CSS.escape(nodeId)}"]`)) {
      setCurrent(nodeId);
      return;
    }
    currentId = nodeId;
    try {
      const path = await session.path(nodeId);
      path.slice(0, -1).forEach(n => expanded.add(n.id));
    } catch (e) {
      // Not visible: nothing to open.
    }
    await refresh();
  }

  fill(container, h('h2', {class: 'sidebar-title'}, 'Places'), searchForm, status, results, list);
  return {refresh, reveal, setCurrent, expand: id => expanded.add(id)};
}
