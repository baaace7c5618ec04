// A user's grants across the tree, with revoke, and the form to grant a role group at a place with start and end.

import {h, fill, table} from '../dom.js';
import {field, form, epochMillis} from '../components/forms.js';
import {dateTime, grantState, nodeLink} from '../components/format.js';
import {nodePicker} from '../components/node-picker.js';
import {allows} from '../session.js';

export async function grantsSection(ctx, user) {
  const {session, api} = ctx;
  const listArea = h('div', {'aria-live': 'polite', id: 'grants'});
  const groupNames = new Map();

  async function groupsAt(nodeId) {
    if (!groupNames.has(nodeId)) {
      const byId = new Map();
      try { (await api.roleGroupsAt(nodeId)).forEach(g => byId.set(g.id, g)); } catch (e) { /* not visible */ }
      groupNames.set(nodeId, byId);
    }
    return groupNames.get(nodeId);
  }

  async function load() {
    let grants;
    try {
      grants = await api.userGrants(user.id);
    } catch (e) {
      fill(listArea, h('p', {class: 'form-error', role: 'alert'}, e.message));
      return;
    }
    if (!grants.length) {
      fill(listArea, h('p', {}, session.isRealmAdmin ? 'No grants.' : 'No grants where you can see.'));
      return;
    }
    const rows = [];
    for (const grant of grants) {
      let node = null;
      try { node = await session.node(grant.nodeId); } catch (e) { node = null; }
      const group = (await groupsAt(grant.nodeId)).get(grant.roleGroupId);
      const keys = node ? await session.permissionsAt(node.id) : new Set();
      const revoke = allows(keys, 'users.update-roles')
        ? h('button', {type: 'button', class: 'secondary small',
            'aria-label': `Revoke ${group ? group.name : 'this grant'} at ${node ? node.name : 'this place'}`,
            on: {click: async event => {
              event.target.disabled = true;
              try { await api.revoke(grant.id); await load(); } catch (e) {
                event.target.disabled = false;
                event.target.after(h('span', {class: 'error-text', role: 'alert'}, ' ' + e.message));
              }
            }}}, 'Revoke') : null;
      rows.push(h('tr', {dataset: {grantId: grant.id}},
        h('td', {}, group ? group.name : h('code', {}, grant.roleGroupId)),
        h('td', {}, nodeLink(node)),
        h('td', {}, dateTime(grant.startsAt)),
        h('td', {}, grant.endsAt ? dateTime(grant.endsAt) : 'open-ended'),
        h('td', {}, grantState(grant)),
        h('td', {}, dateTime(grant.grantedAt)),
        h('td', {}, revoke)));
    }
    fill(listArea, table(`Grants of ${user.username}`, ['Role group', 'Where', 'From', 'Until', 'State', 'Granted', ''], rows));
  }

  const groupField = h('div', {});
  function groupSelect(groups, message) {
    const options = [{value: '', label: message || 'Choose a role group'}]
      .concat(groups.map(g => ({value: g.id, label: g.ownerNodeId ? g.name : `${g.name} (template)`})));
    fill(groupField, field({label: 'Role group', name: 'roleGroupId', type: 'select', options, required: true}));
  }
  groupSelect([], 'Choose a place first');

  const grantForm = form({
    label: `Grant a role group to ${user.username}`, submitLabel: 'Grant', id: 'grant-form',
    children: [
      h('h3', {}, 'Grant a role group'),
      nodePicker(session, {label: 'Where', name: 'nodeId', hint: 'The grant reaches this place and everything below it.',
        onChange: async node => {
          if (!node) { groupSelect([], 'Choose a place first'); return; }
          groupSelect([], 'Loading…');
          try {
            const groups = await api.roleGroupsAt(node.id);
            groupSelect(groups.sort((a, b) => a.name.localeCompare(b.name)));
          } catch (e) {
            groupSelect([], e.message);
          }
        }}),
      groupField,
      h('div', {class: 'row'},
        field({label: 'From', name: 'startsAt', type: 'datetime-local', hint: 'Empty: from now.'}),
        field({label: 'Until', name: 'endsAt', type: 'datetime-local', hint: 'Empty: no end.'})),
    ],
    onSubmit: async values => {
      if (!values.nodeId) throw {field: 'nodeId', message: 'Choose a place first.'};
      await api.grant({userId: user.id, nodeId: values.nodeId, roleGroupId: values.roleGroupId,
        startsAt: epochMillis(values.startsAt), endsAt: epochMillis(values.endsAt)});
      await load();
      return 'Granted.';
    },
  });

  await load();
  return h('section', {'aria-labelledby': 'user-grants'},
    h('h2', {id: 'user-grants'}, 'Grants'),
    h('p', {class: 'hint'}, 'Each grant gives the role group\u2019s permissions at the place and everything below it, between its dates.'),
    listArea, grantForm);
}
