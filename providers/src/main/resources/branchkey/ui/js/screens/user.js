// One user: who they are, where they belong, their grants across the tree (grant and revoke here), their PIN,
// and their audit trail.

import {h, fill} from '../dom.js';
import {field, form} from '../components/forms.js';
import {userName} from '../components/format.js';
import {nodeLink} from '../components/format.js';
import {nodePicker} from '../components/node-picker.js';
import {auditView} from './audit.js';
import {grantsSection} from './user-grants.js';
import {pinSection} from './user-pin.js';

export async function render(ctx, {id}) {
  const {session, api} = ctx;
  const user = await api.user(id);
  ctx.title(user.username);
  const anywhere = new Set(session.scopes.flatMap(s => s.permissions));
  const mayAnywhere = key => session.isRealmAdmin || anywhere.has(key);

  return [
    h('nav', {class: 'breadcrumbs', 'aria-label': 'Path'}, h('ol', {}, h('li', {}, h('a', {href: '#/'}, 'Start')),
      h('li', {}, h('span', {'aria-current': 'page'}, 'User')))),
    h('h1', {tabindex: '-1', id: 'user-title'}, userName(user)),
    await summary(ctx, user, mayAnywhere),
    session.isRealmAdmin ? await tenancy(ctx, user) : null,
    await grantsSection(ctx, user),
    await pinSection(ctx, user, mayAnywhere('pins.reset')),
    mayAnywhere('audit.view') ? h('section', {'aria-labelledby': 'user-audit'}, h('h2', {id: 'user-audit'}, 'Audit log'),
      await auditView(ctx, {fixedUserId: user.id})) : null,
  ];
}

async function summary(ctx, user, mayAnywhere) {
  const {session, api} = ctx;
  const facts = h('dl', {class: 'facts'},
    h('dt', {}, 'Username'), h('dd', {}, user.username),
    h('dt', {}, 'Email'), h('dd', {}, user.email || '—'),
    h('dt', {}, 'State'), h('dd', {id: 'user-state'}, user.enabled ? 'Enabled' : 'Disabled'),
    user.employeeId ? [h('dt', {}, 'Employee ID'), h('dd', {}, user.employeeId)] : null,
    h('dt', {}, 'Id'), h('dd', {}, h('code', {}, user.id)));
  const area = h('div', {'aria-live': 'polite'});
  const parts = [h('h2', {id: 'user-summary'}, 'Profile'), facts, area];
  if (session.isRealmAdmin) {
    parts.push(h('p', {}, h('a', {href: api.consoleUserUrl(user.id), rel: 'noopener'},
      'Edit the profile, credentials and attributes in the Keycloak admin console')));
  } else {
    const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
    const buttons = h('div', {class: 'actions toolbar'},
      mayAnywhere('users.update') ? h('button', {type: 'button', id: 'edit-user', on: {click: () => {
        fill(area, form({
          label: `Edit ${user.username}`, submitLabel: 'Save', id: 'user-edit-form',
          children: [field({label: 'Email', name: 'email', type: 'email', value: user.email}),
            h('div', {class: 'row'}, field({label: 'First name', name: 'firstName', value: user.firstName}),
              field({label: 'Last name', name: 'lastName', value: user.lastName}))],
          secondary: h('button', {type: 'button', class: 'secondary', on: {click: () => fill(area)}}, 'Cancel'),
          onSubmit: async values => { await api.updateUser(user.id, values); reload(); },
        }));
      }}}, 'Edit') : null,
      mayAnywhere('users.deactivate') ? h('button', {type: 'button', class: 'secondary', id: 'toggle-user', on: {click: async event => {
        event.target.disabled = true;
        try { await api.updateUser(user.id, {enabled: !user.enabled}); reload(); } catch (e) {
          event.target.disabled = false;
          fill(area, h('p', {class: 'form-error', role: 'alert'}, e.message));
        }
      }}}, user.enabled ? 'Disable' : 'Enable') : null,
      mayAnywhere('users.terminate') ? h('button', {type: 'button', class: 'danger', id: 'terminate-user', on: {click: async event => {
        if (!window.confirm(`Terminate ${user.username}? All their grants are revoked, their sessions end and the account is disabled.`)) return;
        event.target.disabled = true;
        try { await api.terminateUser(user.id); reload(); } catch (e) {
          event.target.disabled = false;
          fill(area, h('p', {class: 'form-error', role: 'alert'}, e.message));
        }
      }}}, 'Terminate') : null);
    parts.splice(2, 0, buttons);
  }
  return h('section', {'aria-labelledby': 'user-summary'}, parts);
}

/** Realm admins: the places the user belongs to and the home account. */
async function tenancy(ctx, user) {
  const {session, api} = ctx;
  const data = await api.tenancy(user.id);
  session.remember(data.memberOf);
  const list = data.memberOf.length
    ? h('ul', {class: 'plain', id: 'memberships'}, data.memberOf.map(node => h('li', {}, nodeLink(node),
        node.id === data.homeAccountId ? h('strong', {}, ' — home account') : null)))
    : h('p', {}, 'The user belongs to no place.');
  const homeForm = form({
    label: 'Set the home account', submitLabel: 'Set home account', id: 'home-account-form',
    children: [nodePicker(session, {label: 'Home account', name: 'nodeId', kinds: ['ACCOUNT']})],
    onSubmit: async values => {
      if (!values.nodeId) throw {field: 'nodeId', message: 'Choose an account first.'};
      await api.setHomeAccount(user.id, values.nodeId);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
  });
  return h('section', {'aria-labelledby': 'user-places'},
    h('h2', {id: 'user-places'}, 'Places'), list,
    h('details', {}, h('summary', {}, 'Change the home account'), homeForm));
}
