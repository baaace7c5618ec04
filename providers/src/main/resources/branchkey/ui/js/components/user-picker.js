// Finding users: realm admins search Keycloak's users; everyone else picks among the users of their grant
// subtrees (the delegated API lists users per node only).

import {h, uid, fill} from '../dom.js';
import {userName} from './format.js';

export async function findUsers(session, text, max = 25) {
  const q = (text || '').trim().toLowerCase();
  if (session.isRealmAdmin) {
    // Keycloak's search is by prefix; a search box is expected to find text anywhere in the name.
    const infix = q && !/[*"]/.test(q) ? `*${q}*` : q;
    return (await session.api.searchUsers(infix, max)).filter(u => !u.username.startsWith('service-account-'));
  }
  const seen = new Map();
  for (const top of await session.topNodes()) {
    try {
      for (const user of await session.api.nodeUsers(top.id, true, 1000)) seen.set(user.id, user);
    } catch (e) {
      if (e.status !== 403) throw e; // no users.view at this grant node: nothing to list there
    }
  }
  return [...seen.values()]
    .filter(u => !q || [u.username, u.firstName, u.lastName, u.email].some(v => (v || '').toLowerCase().includes(q)))
    .sort((a, b) => a.username.localeCompare(b.username))
    .slice(0, max);
}

/**
 * multiple=false: one user, kept in a hidden input named {name}. multiple=true: checkboxes named {name}.
 */
export function userPicker(session, {label, name = 'userId', multiple = false, onChange}) {
  const id = uid('users');
  const hidden = multiple ? null : h('input', {type: 'hidden', name, value: ''});
  const chosen = multiple ? null : h('p', {class: 'picker-choice', 'aria-live': 'polite'}, 'Nothing chosen yet');
  const results = multiple
    ? h('fieldset', {class: 'checklist'}, h('legend', {}, `${label}: matches`))
    : h('ul', {class: 'picker-results', 'aria-label': `Matches for ${label}`});
  const search = h('input', {id, type: 'search', autocomplete: 'off', placeholder: 'Username, name or email'});
  const findButton = h('button', {type: 'button', class: 'secondary'}, 'Find');
  const selected = new Map();

  function choose(user) {
    hidden.value = user.id;
    fill(chosen, 'Chosen: ', h('strong', {}, userName(user)));
    fill(results);
    if (onChange) onChange(user);
  }

  let searches = 0;
  async function find() {
    const mine = ++searches;
    try {
      const users = await findUsers(session, search.value);
      if (mine !== searches) return;
      if (multiple) {
        const legend = h('legend', {}, `${label}: matches`);
        const boxes = users.map(user => {
          const boxId = uid('u');
          const box = h('input', {type: 'checkbox', id: boxId, name, value: user.id, dataset: {multi: 'true'},
            checked: selected.has(user.id)});
          box.addEventListener('change', () => {
            if (box.checked) selected.set(user.id, user); else selected.delete(user.id);
            if (onChange) onChange([...selected.values()]);
          });
          return h('div', {class: 'check'}, box, h('label', {for: boxId}, userName(user)));
        });
        fill(results, legend, boxes.length ? boxes : h('p', {class: 'muted'}, 'No match'));
      } else {
        fill(results, users.length ? users.map(user => h('li', {},
          h('button', {type: 'button', class: 'link-button', on: {click: () => choose(user)}}, userName(user))))
          : h('li', {class: 'muted'}, 'No match'));
      }
    } catch (e) {
      fill(results, h('p', {class: 'error-text'}, e.message));
    }
  }
  let timer = null;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, 250); });
  search.addEventListener('keydown', event => {
    if (event.key === 'Enter') { event.preventDefault(); find(); }
  });
  findButton.addEventListener('click', find);

  const el = h('div', {class: 'field picker', dataset: {field: name}},
    h('label', {for: id}, label),
    h('div', {class: 'picker-row'}, search, findButton),
    chosen, results, hidden,
    h('p', {class: 'field-error', hidden: true}));
  el.find = find;
  el.selected = () => [...selected.values()];
  return el;
}
