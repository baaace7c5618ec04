// Bulk assignment: many users to many locations (or off them) in one go, with the outcome of every pair.
// Managers use the delegated bulk endpoint (each pair checked on its own); realm admins' pairs go one by one
// through the admin API.

import {h, fill, table, uid} from '../dom.js';
import {form} from '../components/forms.js';
import {userPicker} from '../components/user-picker.js';
import {searchNodes} from '../components/node-search.js';
import {kindLabel, userName} from '../components/format.js';

export async function render(ctx) {
  const {session, api} = ctx;
  ctx.title('Bulk assignment');
  const users = userPicker(session, {label: 'Users', name: 'userIds', multiple: true});
  const chosenUsers = new Map();
  const chosenNodes = new Map();
  const results = h('div', {id: 'bulk-results', 'aria-live': 'polite'});

  const locationSearch = h('input', {type: 'search', id: 'bulk-location-search', placeholder: 'Name or code'});
  const locationList = h('fieldset', {class: 'checklist', id: 'bulk-locations'}, h('legend', {}, 'Locations: matches'));
  async function findLocations() {
    try {
      const nodes = await searchNodes(session, locationSearch.value, {kinds: ['LOCATION'], max: 100});
      const boxes = nodes.map(node => {
        const id = uid('loc');
        const box = h('input', {type: 'checkbox', id, name: 'nodeIds', value: node.id, dataset: {multi: 'true'},
          checked: chosenNodes.has(node.id)});
        box.addEventListener('change', () => { if (box.checked) chosenNodes.set(node.id, node); else chosenNodes.delete(node.id); });
        return h('div', {class: 'check'}, box, h('label', {for: id}, node.name, ' ',
          h('span', {class: 'node-meta'}, `(${kindLabel(node.kind)}${node.code ? ', ' + node.code : ''})`)));
      });
      fill(locationList, h('legend', {}, 'Locations: matches'), boxes.length ? boxes : h('p', {class: 'muted'}, 'No match'));
    } catch (e) {
      fill(locationList, h('legend', {}, 'Locations'), h('p', {class: 'error-text'}, e.message));
    }
  }
  locationSearch.addEventListener('keydown', event => { if (event.key === 'Enter') { event.preventDefault(); findLocations(); } });

  const bulkForm = form({
    label: 'Bulk assignment', submitLabel: 'Apply to every pair', id: 'bulk-form',
    children: [
      h('h2', {}, '1. Users'), users,
      h('h2', {}, '2. Locations'),
      h('div', {class: 'field picker'}, h('label', {for: 'bulk-location-search'}, 'Find locations'),
        h('div', {class: 'picker-row'}, locationSearch,
          h('button', {type: 'button', class: 'secondary', on: {click: findLocations}}, 'Find'))),
      locationList,
      h('h2', {}, '3. What to do'),
      h('fieldset', {class: 'radios'}, h('legend', {}, 'Action'),
        h('div', {class: 'check'}, h('input', {type: 'radio', id: 'bulk-add', name: 'mode', value: 'add', checked: true}),
          h('label', {for: 'bulk-add'}, 'Assign the users to the locations')),
        h('div', {class: 'check'}, h('input', {type: 'radio', id: 'bulk-remove', name: 'mode', value: 'remove'}),
          h('label', {for: 'bulk-remove'}, 'Remove the users from the locations'))),
    ],
    onSubmit: async values => {
      users.selected().forEach(u => chosenUsers.set(u.id, u));
      const userIds = users.selected().map(u => u.id);
      const nodeIds = [...chosenNodes.keys()];
      if (!userIds.length) throw {field: 'userIds', message: 'Choose at least one user.'};
      if (!nodeIds.length) throw {message: 'Choose at least one location.'};
      const remove = values.mode === 'remove';
      // One request per batch of at most 500 pairs (the server's limit); each pair is checked on its own.
      const outcomes = [];
      const nodeBatch = Math.min(nodeIds.length, 500);
      const userBatch = Math.max(1, Math.floor(500 / nodeBatch));
      for (let u = 0; u < userIds.length; u += userBatch) {
        for (let n = 0; n < nodeIds.length; n += nodeBatch) {
          const someUsers = userIds.slice(u, u + userBatch);
          const someNodes = nodeIds.slice(n, n + nodeBatch);
          const answer = await api.bulkMemberships(someUsers, someNodes, remove);
          // One result per pair, users outer and locations inner, as sent.
          answer.forEach(item => outcomes.push({
            userId: someUsers[Math.floor(item.index / someNodes.length)],
            nodeId: someNodes[item.index % someNodes.length],
            status: item.status,
            message: item.status >= 400 && item.result ? item.result.message : null,
          }));
        }
      }
      showResults(outcomes, remove);
      const failed = outcomes.filter(o => o.status >= 400).length;
      return `${outcomes.length - failed} of ${outcomes.length} done${failed ? `, ${failed} refused (see below)` : ''}.`;
    },
  });

  function showResults(outcomes, remove) {
    fill(results, table('Results', ['User', 'Location', 'Result'], outcomes.map(o => h('tr', {},
      h('td', {}, userName(chosenUsers.get(o.userId)) || o.userId),
      h('td', {}, (chosenNodes.get(o.nodeId) || {name: o.nodeId}).name),
      h('td', {}, o.status < 400 ? (remove ? '✓ Removed' : '✓ Assigned') : `✗ ${o.message || 'Refused'} (${o.status})`)))));
  }

  return [
    h('h1', {tabindex: '-1'}, 'Bulk assignment'),
    h('p', {}, 'Choose users and locations; every user is assigned to (or removed from) every location. Each pair is checked on its own, so some may be refused while the others go through.'),
    bulkForm, results,
  ];
}
