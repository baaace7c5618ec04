// A place's attributes, and what can be done to it here: edit, add a place below, move, suspend or reactivate,
// and (realm admins) delete.

import {h, fill} from '../dom.js';
import {form} from '../components/forms.js';
import {dateTime, kindLabel, CHILD_KINDS} from '../components/format.js';
import {nodeFields, nodeBody, unchangedBody} from '../components/node-fields.js';
import {nodePicker} from '../components/node-picker.js';
import {allows} from '../session.js';
import {navigate} from '../router.js';

const PARENT_KINDS = {
  PARTNER: [],
  ACCOUNT: ['PARTNER'],
  REGION: ['ACCOUNT', 'REGION'],
  LOCATION: ['ACCOUNT', 'REGION'],
};

export async function render(ctx, node, keys) {
  const {session, api} = ctx;
  const canUpdate = allows(keys, 'locations.update');
  const canCreate = CHILD_KINDS[node.kind].length > 0 &&
    allows(keys, node.kind === 'PARTNER' ? 'accounts.create' : 'locations.create');
  const action = h('div', {class: 'action-area', 'aria-live': 'polite'});
  const reload = () => {
    ctx.tree.refresh(); // names, states and places in the tree may have changed
    navigate(`/nodes/${encodeURIComponent(node.id)}/details`);
  };

  function open(content) {
    fill(action, content);
    action.querySelector('input, select, textarea, button')?.focus();
  }

  const editForm = () => form({
    label: `Edit ${node.name}`, submitLabel: 'Save changes', id: 'node-edit-form',
    children: [h('h2', {}, 'Edit'), ...nodeFields(node)],
    secondary: h('button', {type: 'button', class: 'secondary', on: {click: () => fill(action)}}, 'Cancel'),
    onSubmit: async values => {
      session.remember(await api.updateNode(node.id, nodeBody(values)));
      reload();
    },
  });

  const moveForm = () => form({
    label: `Move ${node.name}`, submitLabel: 'Move here', id: 'node-move-form',
    children: [h('h2', {}, 'Move'),
      h('p', {}, `Moves ${node.name} with everything below it. Grants made above it no longer reach it afterwards.`),
      nodePicker(session, {label: 'New parent', name: 'parentId', kinds: PARENT_KINDS[node.kind],
        allowNone: session.isRealmAdmin && (node.kind === 'ACCOUNT' || node.kind === 'PARTNER'),
        noneLabel: 'None: at the top of the tree'})],
    secondary: h('button', {type: 'button', class: 'secondary', on: {click: () => fill(action)}}, 'Cancel'),
    onSubmit: async values => {
      session.remember(await api.moveNode(node.id, values.parentId || null));
      reload();
    },
  });

  const deleteForm = () => form({
    label: `Delete ${node.name}`, submitLabel: 'Delete for good', id: 'node-delete-form',
    children: [h('h2', {}, 'Delete'),
      h('p', {}, `This deletes ${node.name}. Without the box below, a place that still has places, grants or devices below it is not deleted.`),
      h('div', {class: 'field field-checkbox'},
        h('input', {type: 'checkbox', id: 'cascade', name: 'cascade'}),
        h('label', {for: 'cascade'}, 'Also delete everything below it, with its grants, role groups and devices'))],
    secondary: h('button', {type: 'button', class: 'secondary', on: {click: () => fill(action)}}, 'Cancel'),
    onSubmit: async values => {
      await api.deleteNode(node.id, values.cascade);
      session.forget(node.id);
      ctx.tree.refresh();
      navigate(node.parentId ? `/nodes/${encodeURIComponent(node.parentId)}` : '/');
    },
  });

  const suspended = node.status === 'SUSPENDED';
  const statusForm = () => form({
    label: suspended ? 'Reactivate' : 'Suspend', submitLabel: suspended ? 'Reactivate' : 'Suspend', id: 'node-status-form',
    children: [h('p', {}, suspended ? `Reactivate ${node.name}?` : `Suspend ${node.name}? It stays in the tree, marked as suspended.`)],
    secondary: h('button', {type: 'button', class: 'secondary', on: {click: () => fill(action)}}, 'Cancel'),
    onSubmit: async () => {
      session.remember(await api.updateNode(node.id, {...unchangedBody(node), status: suspended ? 'ACTIVE' : 'SUSPENDED'}));
      reload();
    },
  });

  const buttons = h('div', {class: 'actions toolbar'},
    canUpdate ? h('button', {type: 'button', id: 'edit-node', on: {click: () => open(editForm())}}, 'Edit') : null,
    canCreate ? h('a', {class: 'button', id: 'add-child', href: `#/nodes/new?parent=${encodeURIComponent(node.id)}`},
      `Add a place in ${node.name}`) : null,
    canUpdate ? h('button', {type: 'button', id: 'move-node', class: 'secondary', on: {click: () => open(moveForm())}}, 'Move') : null,
    canUpdate ? h('button', {type: 'button', id: 'toggle-status', class: 'secondary', on: {click: () => open(statusForm())}},
      suspended ? 'Reactivate' : 'Suspend') : null,
    session.isRealmAdmin ? h('button', {type: 'button', id: 'delete-node', class: 'danger', on: {click: () => open(deleteForm())}}, 'Delete') : null);

  const address = node.address || {};
  const addressText = [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region, address.country].filter(Boolean).join(', ');
  const ids = Object.entries(node.externalIds || {});
  const facts = h('dl', {class: 'facts'},
    fact('Kind', kindLabel(node.kind)),
    fact('Code', node.code || '—'),
    fact('Status', node.status === 'SUSPENDED' ? 'Suspended' : 'Active'),
    fact('Time zone', node.timezone || '—'),
    fact('Address', addressText || '—'),
    fact('External ids', ids.length ? h('ul', {class: 'plain'}, ids.map(([k, v]) => h('li', {}, h('code', {}, k), ': ', v))) : '—'),
    fact('Created', dateTime(node.createdAt)),
    fact('Last changed', dateTime(node.updatedAt)),
    fact('Id', h('code', {}, node.id)));

  return [buttons, action, facts];
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}
